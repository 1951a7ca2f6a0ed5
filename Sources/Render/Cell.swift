/// One terminal cell: a grapheme and its style. A wide grapheme (CJK, most emoji) occupies its
/// cell and the next, which holds a `continuation` cell with an empty symbol.
///
/// Plain bytes: the grapheme is stored inline (`InlineGlyph`), so a cell holds no reference
/// and buffers copy, compare and free without reference counting. Composing, diffing and
/// keeping frames is most of what an idle viewer does.
public struct Cell: Hashable, Sendable {
    private var glyph: InlineGlyph
    /// Display columns: 1, 2 for a wide grapheme, 0 for the continuation cell after a wide one.
    public var width: UInt8
    public var style: Style

    public init(_ symbol: String = " ", width: UInt8 = 1, style: Style = .plain) {
        glyph = InlineGlyph(symbol)
        self.width = width
        self.style = style
    }

    public var symbol: String {
        get { glyph.string }
        set { glyph = InlineGlyph(newValue) }
    }

    public static let blank = Cell()

    public static func continuation(_ style: Style) -> Cell {
        Cell("", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }
}

/// Up to 16 bytes of a grapheme's UTF-8, in two words. Four 4-byte scalars fit, as many as
/// ncurses keeps of one (CCHARW_MAX - 1, see CursesScreen); a longer grapheme keeps the whole
/// scalars that fit, as the terminal would.
struct InlineGlyph: Hashable, Sendable {
    static let capacity = 16
    private var words: (UInt64, UInt64) = (0, 0)
    private var count: UInt8 = 0

    init(_ text: String) {
        var length = 0
        for scalar in text.unicodeScalars {
            let size = UTF8.width(scalar)
            guard length + size <= Self.capacity else { break }
            length += size
        }
        count = UInt8(length)
        withUnsafeMutableBytes(of: &words) { raw in
            var index = 0
            for byte in text.utf8 {
                guard index < length else { break }
                raw[index] = byte
                index += 1
            }
        }
    }

    var string: String {
        withUnsafeBytes(of: words) { raw in String(decoding: raw.prefix(Int(count)), as: UTF8.self) }
    }

    static func == (lhs: InlineGlyph, rhs: InlineGlyph) -> Bool {
        lhs.count == rhs.count && lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(count)
    }
}
