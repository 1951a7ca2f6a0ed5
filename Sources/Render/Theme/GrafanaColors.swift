import Foundation

/// Grafana's named visualisation colours (dark theme hues) and its series palettes.
public enum GrafanaColors {
    /// Parses a Grafana colour reference: a named shade ("semi-dark-orange"), "#rrggbb",
    /// "#rgb", "rgb(r, g, b)"/"rgba(...)", "text", or a CSS colour name. Nil for
    /// "transparent" and anything unknown.
    public static func rgb(_ name: String) -> (UInt8, UInt8, UInt8)? {
        // Called for every coloured cell of a frame: the common case (a bare name or hex) skips
        // Foundation's trimming and finds names in a table parsed once.
        let bare = name.first?.isWhitespace != true && name.last?.isWhitespace != true
        let key = (bare ? name : name.trimmingCharacters(in: .whitespaces)).lowercased()
        if key == "transparent" || key.isEmpty { return nil }
        if let known = parsedNames[key] { return (known.red, known.green, known.blue) }
        if key.hasPrefix("#") { return parseHex(key) }
        if key.hasPrefix("rgb") { return parseRGBFunction(key) }
        return nil
    }

    static func parseHex(_ text: String) -> (UInt8, UInt8, UInt8)? {
        var digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        if digits.count == 3 || digits.count == 4 { digits = String(digits.prefix(3).flatMap { [$0, $0] }) }
        guard digits.count == 6 || digits.count == 8, let value = UInt32(digits.prefix(6), radix: 16) else { return nil }
        return (UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
    }

    private static func parseRGBFunction(_ text: String) -> (UInt8, UInt8, UInt8)? {
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else { return nil }
        let parts = text[text.index(after: open)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 3 else { return nil }
        let values = parts.prefix(3).compactMap { Double($0) }.map { UInt8(max(0, min(255, $0))) }
        guard values.count == 3 else { return nil }
        return (values[0], values[1], values[2])
    }

    private struct RGB: Sendable { var red, green, blue: UInt8 }

    private static let parsedNames: [String: RGB] = named.merging(css) { shade, _ in shade }
        .compactMapValues { hex in parseHex(hex).map { RGB(red: $0.0, green: $0.1, blue: $0.2) } }

    /// Grafana's dark-theme hues, by shade name.
    static let named: [String: String] = [
        "super-light-red": "#FFA6B0", "light-red": "#FF7383", "red": "#F2495C", "semi-dark-red": "#E02F44", "dark-red": "#C4162A",
        "super-light-orange": "#FFCB7D", "light-orange": "#FFB357", "orange": "#FF9830", "semi-dark-orange": "#FF780A", "dark-orange": "#FA6400",
        "super-light-yellow": "#FFF899", "light-yellow": "#FFEE52", "yellow": "#FADE2A", "semi-dark-yellow": "#F2CC0C", "dark-yellow": "#E0B400",
        "super-light-green": "#C8F2C2", "light-green": "#96D98D", "green": "#73BF69", "semi-dark-green": "#56A64B", "dark-green": "#37872D",
        "super-light-blue": "#C0D8FF", "light-blue": "#8AB8FF", "blue": "#5794F2", "semi-dark-blue": "#3274D9", "dark-blue": "#1F60C4",
        "super-light-purple": "#DEB6F2", "light-purple": "#CA95E5", "purple": "#B877D9", "semi-dark-purple": "#A352CC", "dark-purple": "#8F3BB8",
        "text": "#CCCCDC", "panel-bg": "#181B1F",
    ]

    /// The CSS names Grafana also accepts (a common subset).
    static let css: [String: String] = [
        "black": "#000000", "white": "#ffffff", "gray": "#808080", "grey": "#808080", "silver": "#c0c0c0",
        "maroon": "#800000", "olive": "#808000", "lime": "#00ff00", "aqua": "#00ffff", "cyan": "#00ffff",
        "teal": "#008080", "navy": "#000080", "fuchsia": "#ff00ff", "magenta": "#ff00ff", "gold": "#ffd700",
        "pink": "#ffc0cb", "brown": "#a52a2a", "darkred": "#8b0000", "darkgreen": "#006400", "darkblue": "#00008b",
        "darkorange": "#ff8c00", "crimson": "#dc143c", "tomato": "#ff6347", "coral": "#ff7f50", "salmon": "#fa8072",
        "khaki": "#f0e68c", "violet": "#ee82ee", "indigo": "#4b0082", "orangered": "#ff4500", "skyblue": "#87ceeb",
        "steelblue": "#4682b4", "royalblue": "#4169e1", "seagreen": "#2e8b57", "forestgreen": "#228b22",
    ]

    /// Grafana's classic palette ("palette-classic"), in order.
    public static let classicPalette: [String] = [
        "green", "yellow", "blue", "orange", "red", "purple",
        "dark-green", "dark-yellow", "dark-blue", "dark-orange", "dark-red", "dark-purple",
        "super-light-green", "super-light-yellow", "super-light-blue", "super-light-orange", "super-light-red", "super-light-purple",
        "#447EBC", "#C15C17", "#890F02", "#0A437C", "#6D1F62", "#584477", "#B7DBAB", "#F4D598", "#70DBED", "#F9BA8F",
        "#F29191", "#82B5D8", "#E5A8E2", "#AEA2E0", "#629E51", "#E5AC0E", "#64B0C8", "#E0752D", "#BF1B00", "#0A50A1",
        "#962D82", "#614D93", "#9AC48A", "#F2C96D", "#65C5DB", "#F9934E", "#EA6460", "#5195CE", "#D683CE", "#806EB7",
    ]

    /// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
    public static let colorBlindSafePalette: [String] = [
        "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
    ]
}
