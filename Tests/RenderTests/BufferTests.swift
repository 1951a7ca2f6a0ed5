import Testing
@testable import Render

@Suite struct BufferTests {
    @Test func wideGraphemesTakeTwoColumnsWithAContinuation() {
        var buffer = Buffer(width: 8, height: 1)
        let end = buffer.write("a東b😀", x: 0, y: 0)
        #expect(end == 6)
        #expect(buffer[1, 0].symbol == "東" && buffer[1, 0].width == 2)
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer[4, 0].symbol == "😀" && buffer[5, 0].isContinuation)
        #expect(buffer.lines[0] == "a東b😀  ")
    }

    @Test func combiningMarksAndJoinersStayInTheirGrapheme() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("e\u{301}👩‍💻x", x: 0, y: 0)
        #expect(buffer[0, 0].symbol == "e\u{301}")
        #expect(buffer[1, 0].symbol == "👩‍💻" && buffer[1, 0].width == 2)
        #expect(buffer[3, 0].symbol == "x")
    }

    @Test func controlSequencesAreMadeVisibleAndInert() {
        var buffer = Buffer(width: 40, height: 1)
        buffer.write("a\u{1B}[31mred\u{07}\u{9B}2J\u{1B}]0;t\u{7}", x: 0, y: 0)
        let symbols = buffer.cells.map(\.symbol).joined()
        #expect(!symbols.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(buffer.lines[0].hasPrefix("a␛[31mred␇<U+009B>2J␛]0;t␇"))
    }

    @Test func writesAreClippedToTheRect() {
        var buffer = Buffer(width: 10, height: 3)
        buffer.write("abcdefgh", x: 2, y: 1, clip: Rect(x: 3, y: 1, width: 3, height: 1))
        #expect(buffer.lines[1] == "   bcd    ")
        buffer.write("outside", x: 0, y: 0, clip: Rect(x: 0, y: 2, width: 10, height: 1))
        #expect(buffer.lines[0] == String(repeating: " ", count: 10))
    }

    @Test func aWideGraphemeThatDoesNotFitIsPaddedNotSplit() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.write("ab東", x: 1, y: 0)
        #expect(buffer.lines[0] == " ab ")
        #expect(!buffer.cells.contains { $0.isContinuation })
    }

    @Test func overwritingHalfAWideGraphemeCleansTheOtherHalf() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("東京", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        #expect(buffer.lines[0] == " x京  ")
        buffer.write("y", x: 2, y: 0)
        #expect(buffer.lines[0] == " xy   ")
        #expect(!buffer.cells.contains { $0.isContinuation })
        buffer.write("東", x: 3, y: 0)
        buffer.write("京", x: 2, y: 0)
        #expect(buffer.lines[0] == " x京  ")
        #expect(buffer.cells.filter(\.isContinuation).count == 1)
    }

    @Test func diffOfIdenticalBuffersIsEmptyAndSizeChangeRepaintsAll() {
        var a = Buffer(width: 5, height: 2)
        a.write("hello", x: 0, y: 0)
        #expect(a.diff(from: a).isEmpty)
        let b = Buffer(width: 6, height: 2)
        let runs = b.diff(from: a)
        #expect(runs.count == 2 && runs.allSatisfy { $0.cells.count == 6 && $0.x == 0 })
    }

    @Test func diffRunsCoverOnlyChangedCells() {
        var a = Buffer(width: 10, height: 2)
        a.write("0123456789", x: 0, y: 0)
        var b = a
        b.write("ab", x: 2, y: 0)
        b.write("z", x: 8, y: 0)
        let runs = b.diff(from: a)
        #expect(runs == [CellRun(x: 2, y: 0, cells: [Cell("a"), Cell("b")]), CellRun(x: 8, y: 0, cells: [Cell("z")])])
    }

    @Test func diffNeverStartsInsideAWideGrapheme() {
        var a = Buffer(width: 6, height: 1)
        a.write("東京", x: 0, y: 0)
        var b = a
        b.write("東", x: 0, y: 0, style: Style(attributes: .bold))
        for run in b.diff(from: a) { #expect(!run.cells[0].isContinuation) }
    }

    static func randomBuffer(width: Int, height: Int, using rng: inout SeededGenerator) -> Buffer {
        let pieces = ["a", "b", "東", "😀", "é", "x", " ", "京", "\u{1B}"]
        let styles = [Style.plain, Style(foreground: .ansi(1)), Style(attributes: .bold), Style(background: .rgb(1, 2, 3))]
        var buffer = Buffer(width: width, height: height)
        for _ in 0..<(width * height / 2) {
            let text = (0..<Int.random(in: 1...3, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "a" }.joined()
            buffer.write(text, x: Int.random(in: -1..<width, using: &rng), y: Int.random(in: 0..<height, using: &rng),
                         style: styles.randomElement(using: &rng) ?? .plain)
        }
        return buffer
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func applyingTheDiffReproducesTheTarget(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<60 {
            let width = Int.random(in: 1...12, using: &rng), height = Int.random(in: 1...5, using: &rng)
            let a = BufferTests.randomBuffer(width: width, height: height, using: &rng)
            let b = BufferTests.randomBuffer(width: width, height: height, using: &rng)
            let runs = b.diff(from: a)
            #expect(a.applying(runs) == b)
            for run in runs { #expect(!run.cells.isEmpty && !run.cells[0].isContinuation) }
            // A differently sized target is a full repaint onto blank cells.
            let c = BufferTests.randomBuffer(width: width + 1, height: height, using: &rng)
            #expect(a.applying(c.diff(from: a), width: c.width, height: c.height) == c)
        }
    }

    @Test func randomBuffersNeverHoldAnOrphanContinuation() {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<200 {
            let buffer = BufferTests.randomBuffer(width: Int.random(in: 1...9, using: &rng), height: 2, using: &rng)
            for y in 0..<buffer.height {
                for x in 0..<buffer.width where buffer[x, y].isContinuation {
                    #expect(x > 0 && buffer[x - 1, y].width == 2)
                }
                for x in 0..<buffer.width where buffer[x, y].width == 2 {
                    #expect(x + 1 < buffer.width && buffer[x + 1, y].isContinuation)
                }
            }
        }
    }

    @Test func displayWidths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("🇯🇵") == 2)
        #expect(DisplayWidth.of("\u{200B}") == 0)
        #expect(DisplayWidth.of("❤️") == 2)
        // The ASCII fast paths agree with the scalar rules: no ASCII scalar is zero-width or wide.
        for value in UInt8(0)...0x7F {
            let scalar = Unicode.Scalar(value)
            #expect(!DisplayWidth.isZeroWidth(scalar) && !DisplayWidth.isWide(scalar), "\(value)")
        }
        #expect(DisplayWidth.of("a\r\nb") == 3)
        #expect(DisplayWidth.of("up 12.5% \u{AD}") == 9)
    }

    @Test("a cell is plain bytes and keeps a grapheme of up to 16 UTF-8 bytes whole")
    func cellsArePlainBytes() {
        #expect(_isPOD(Cell.self))
        for text in ["", " ", "x", "東", "e\u{301}", "👩‍💻", "🇯🇵", "❤️", "\u{10FFFF}\u{10FFFF}\u{10FFFF}\u{10FFFF}"] {
            #expect(Cell(text).symbol == text)
        }
        // Longer: the whole scalars that fit, as ncurses keeps at most four of them.
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
        #expect(Cell(family).symbol == "👨\u{200D}👩\u{200D}")
        #expect(Cell("e" + String(repeating: "\u{301}", count: 20)).symbol == "e" + String(repeating: "\u{301}", count: 7))
        #expect(Cell("a") != Cell("b") && Cell("a") == Cell("a") && Cell("a").hashValue == Cell("a").hashValue)
        var cell = Cell("a")
        cell.symbol = "東"
        #expect(cell == Cell("東"))
    }

    @Test("a cell's colours, attributes and width survive its packing into 24 bytes")
    func cellLooksRoundTrip() {
        #expect(MemoryLayout<Cell>.stride == 24)
        let colors: [Color] = [.default, .ansi(0), .ansi(15), .indexed(0), .indexed(255), .rgb(0, 0, 0), .rgb(255, 255, 255), .rgb(1, 2, 3)]
        let attributes: [Attributes] = [[], .bold, [.dim, .reverse], [.bold, .dim, .reverse, .underline, .italic]]
        for foreground in colors {
            for background in colors {
                for attribute in attributes {
                    for width in [UInt8(0), 1, 2] {
                        let style = Style(foreground: foreground, background: background, attributes: attribute)
                        let cell = Cell("東", width: width, style: style)
                        #expect(cell.style == style && cell.width == width && cell.symbol == "東")
                    }
                }
            }
        }
        // Kinds never alias: the same payload in another kind or slot is another cell.
        #expect(Cell("a", style: Style(foreground: .ansi(1))) != Cell("a", style: Style(foreground: .indexed(1))))
        #expect(Cell("a", style: Style(foreground: .ansi(1))) != Cell("a", style: Style(background: .ansi(1))))
        #expect(Cell("a", style: Style(foreground: .default)) != Cell("a", style: Style(foreground: .ansi(0))))
        var cell = Cell("a", width: 1, style: Style(foreground: .rgb(9, 8, 7)))
        cell.width = 2
        cell.style.attributes.insert(.bold)
        #expect(cell.width == 2 && cell.style == Style(foreground: .rgb(9, 8, 7), attributes: .bold))
    }
}
