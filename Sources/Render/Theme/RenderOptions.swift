/// Which series palette to use.
public enum SeriesPalette: String, Hashable, Sendable {
    case classic
    case colorBlindSafe

    public var colors: [String] {
        switch self {
        case .classic: GrafanaColors.classicPalette
        case .colorBlindSafe: GrafanaColors.colorBlindSafePalette
        }
    }
}

/// Everything about the output device a render depends on. A value, passed down: no globals.
public struct RenderOptions: Hashable, Sendable {
    public var capability: ColorCapability
    /// Only ASCII glyphs: braille, blocks and box drawing fall back to ASCII art.
    public var asciiOnly: Bool
    public var palette: SeriesPalette
    /// Offset from UTC for time labels, in seconds (UTC by default, for determinism).
    public var timeZoneOffset: Int

    public init(capability: ColorCapability = .truecolor, asciiOnly: Bool = false, palette: SeriesPalette = .classic, timeZoneOffset: Int = 0) {
        self.capability = capability
        self.asciiOnly = asciiOnly
        self.palette = palette
        self.timeZoneOffset = timeZoneOffset
    }

    /// From the environment and flags: `NO_COLOR`/`--no-color` → monochrome; `COLORTERM`
    /// truecolor/24bit → truecolor; `TERM=*256color` → 256; else 8. `--ascii` or a locale
    /// that is not UTF-8 (`LC_ALL`, then `LC_CTYPE`, then `LANG`) → ASCII only.
    public static func detect(environment: [String: String], noColor: Bool = false, ascii: Bool = false,
                              colorBlindSafe: Bool = false) -> RenderOptions {
        let capability = noColor ? .monochrome : ColorCapability.detect(environment: environment)
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let upper = locale.uppercased()
        let utf8 = upper.contains("UTF-8") || upper.contains("UTF8")
        return RenderOptions(capability: capability, asciiOnly: ascii || !utf8, palette: colorBlindSafe ? .colorBlindSafe : .classic)
    }
}
