/// One terminal cell: a grapheme and its style. A wide grapheme (CJK, most emoji) occupies its
/// cell and the next, which holds a `continuation` cell with an empty symbol.
public struct Cell: Hashable, Sendable {
    public var symbol: String
    /// Display columns: 1, 2 for a wide grapheme, 0 for the continuation cell after a wide one.
    public var width: UInt8
    public var style: Style

    public init(_ symbol: String = " ", width: UInt8 = 1, style: Style = .plain) {
        self.symbol = symbol
        self.width = width
        self.style = style
    }

    public static let blank = Cell()

    public static func continuation(_ style: Style) -> Cell {
        Cell("", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }
}
