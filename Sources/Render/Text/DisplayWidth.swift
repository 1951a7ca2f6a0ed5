/// Terminal display width of graphemes: 2 for East Asian wide/fullwidth and emoji
/// presentation, 0 for graphemes made only of zero-width scalars, 1 otherwise.
public enum DisplayWidth {
    public static func of(_ grapheme: Character) -> Int {
        // One ASCII byte: one cell (the Unicode property lookups below are most of the cost).
        if grapheme.utf8.count == 1 { return 1 }
        let scalars = grapheme.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if isZeroWidth(first) {
            // A grapheme of only zero-width scalars (a lone combining mark, ZWSP) takes no cell.
            return scalars.allSatisfy(isZeroWidth) ? 0 : 1
        }
        if isWide(first) { return 2 }
        return 1
    }

    /// Width of a whole string, grapheme by grapheme.
    public static func of(_ string: String) -> Int {
        // Printable ASCII is a cell a byte (not CR LF, which is one grapheme of two bytes).
        if string.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return string.utf8.count }
        return string.reduce(0) { $0 + of($1) }
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x200B || value == 0x200C || value == 0x200D || value == 0x2060 || value == 0xFEFF { return true }
        if (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if scalar.properties.isEmojiPresentation { return true }
        for range in wideRanges where range.contains(value) { return true }
        return false
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
