/// One terminal cell: a grapheme and its style. A wide grapheme (CJK, most emoji) occupies its
/// cell and the next, which holds a `continuation` cell with an empty symbol.
///
/// Plain bytes: the grapheme is stored inline (`InlineGlyph`) and the colours, attributes
/// and width in one word (`PackedLook`), 24 bytes in all (32 with `Style` stored as it is),
/// so a cell holds no reference and buffers copy, compare and free without reference
/// counting. Composing, diffing and keeping frames is most of what an idle viewer does, and
/// the frames it keeps (each panel's drawing, the composition, the frame on screen) are most
/// of its buffers' memory.
public struct Cell: Hashable, Sendable {
    private var glyph: InlineGlyph
    private var look: PackedLook

    public init(_ symbol: String = " ", width: UInt8 = 1, style: Style = .plain) {
        glyph = InlineGlyph(symbol)
        look = PackedLook(style: style, width: width)
    }

    public var symbol: String {
        get { glyph.string }
        set { glyph = InlineGlyph(newValue) }
    }

    /// Display columns: 1, 2 for a wide grapheme, 0 for the continuation cell after a wide one.
    public var width: UInt8 {
        get { look.width }
        set { look = PackedLook(style: look.style, width: newValue) }
    }

    public var style: Style {
        get { look.style }
        set { look = PackedLook(style: newValue, width: look.width) }
    }

    public static let blank = Cell()

    public static func continuation(_ style: Style) -> Cell {
        Cell("", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }
}

/// A cell's style and width in one word: each colour as a 2-bit kind and a 24-bit payload
/// (an index, or red, green and blue), then the attributes' byte and the width's.
struct PackedLook: Hashable, Sendable {
    private var bits: UInt64

    init(style: Style, width: UInt8) {
        bits = Self.pack(style.foreground) | Self.pack(style.background) << 26
            | UInt64(style.attributes.rawValue) << 52 | UInt64(width & 0x0F) << 60
    }

    var width: UInt8 { UInt8(truncatingIfNeeded: bits >> 60) }

    var style: Style {
        Style(foreground: Self.unpack(bits), background: Self.unpack(bits >> 26),
              attributes: Attributes(rawValue: UInt8(truncatingIfNeeded: bits >> 52)))
    }

    private static func pack(_ color: Color) -> UInt64 {
        switch color {
        case .default: return 0
        case .ansi(let index): return 1 << 24 | UInt64(index)
        case .indexed(let index): return 2 << 24 | UInt64(index)
        case .rgb(let red, let green, let blue): return 3 << 24 | UInt64(red) << 16 | UInt64(green) << 8 | UInt64(blue)
        }
    }

    private static func unpack(_ bits: UInt64) -> Color {
        let payload = bits & 0xFF_FFFF
        switch (bits >> 24) & 0b11 {
        case 1: return .ansi(UInt8(truncatingIfNeeded: payload))
        case 2: return .indexed(UInt8(truncatingIfNeeded: payload))
        case 3: return .rgb(UInt8(truncatingIfNeeded: payload >> 16), UInt8(truncatingIfNeeded: payload >> 8), UInt8(truncatingIfNeeded: payload))
        default: return .default
        }
    }
}

/// Up to 16 bytes of a grapheme's UTF-8, in two words. Four 4-byte scalars fit, as many as
/// ncurses keeps of one (CCHARW_MAX - 1, see CursesScreen); a longer grapheme keeps the whole
/// scalars that fit, as the terminal would. UTF-8 has no zero byte but NUL's, which never
/// reaches a cell (Sanitizer), so the length is where the zero padding starts.
struct InlineGlyph: Hashable, Sendable {
    static let capacity = 16
    private var words: (UInt64, UInt64) = (0, 0)

    init(_ text: String) {
        var length = 0
        for scalar in text.unicodeScalars {
            let size = UTF8.width(scalar)
            guard length + size <= Self.capacity else { break }
            length += size
        }
        withUnsafeMutableBytes(of: &words) { raw in
            var index = 0
            for byte in text.utf8 {
                guard index < length else { break }
                raw[index] = byte
                index += 1
            }
        }
    }

    /// Bytes up to the last non-zero one (byte i of the storage is bits 8i... of the
    /// little-endian words).
    var count: Int {
        let high = UInt64(littleEndian: words.1), low = UInt64(littleEndian: words.0)
        if high != 0 { return 16 - high.leadingZeroBitCount / 8 }
        return 8 - low.leadingZeroBitCount / 8
    }

    var string: String {
        withUnsafeBytes(of: words) { raw in String(decoding: raw.prefix(count), as: UTF8.self) }
    }

    static func == (lhs: InlineGlyph, rhs: InlineGlyph) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
    }
}
