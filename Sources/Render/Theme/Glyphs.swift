/// The characters widgets draw with, Unicode or their ASCII fallbacks.
public struct Glyphs: Hashable, Sendable {
    public var topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: String
    public var focusTopLeft, focusTopRight, focusBottomLeft, focusBottomRight, focusHorizontal, focusVertical: String
    public var ellipsis: String
    public var loading: String
    public var error: String
    public var rowOpen, rowCollapsed: String
    /// Eight levels of a vertical bar, lowest first (sparklines, vertical bars).
    public var verticalLevels: [String]
    /// Eight levels of a horizontal bar, narrowest first.
    public var horizontalLevels: [String]
    public var fullBlock: String
    public var lightShade: String
    public var upperHalf: String
    public var bullet: String
    public var marker: String
    /// The header's refresh period, paused badge and busy mark.
    public var refresh: String
    public var paused: String
    public var busy: String

    public static let unicode = Glyphs(
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│",
        focusTopLeft: "╔", focusTopRight: "╗", focusBottomLeft: "╚", focusBottomRight: "╝", focusHorizontal: "═", focusVertical: "║",
        ellipsis: "…", loading: "⟳", error: "✗", rowOpen: "▾", rowCollapsed: "▸",
        verticalLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        horizontalLevels: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
        fullBlock: "█", lightShade: "░", upperHalf: "▀", bullet: "•", marker: "┃",
        refresh: "⟳", paused: "⏸", busy: "…"
    )

    public static let ascii = Glyphs(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
        focusTopLeft: "#", focusTopRight: "#", focusBottomLeft: "#", focusBottomRight: "#", focusHorizontal: "=", focusVertical: "#",
        ellipsis: "~", loading: "...", error: "x", rowOpen: "v", rowCollapsed: ">",
        verticalLevels: ["_", "_", ".", ".", "-", "-", "=", "#"],
        horizontalLevels: ["#", "#", "#", "#", "#", "#", "#", "#"],
        fullBlock: "#", lightShade: ".", upperHalf: "#", bullet: "*", marker: "|",
        refresh: "every", paused: "||", busy: "..."
    )
}

extension Theme {
    public var glyphs: Glyphs { options.asciiOnly ? .ascii : .unicode }
}
