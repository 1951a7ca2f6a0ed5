import Testing
@testable import Render

@Suite struct DiffTests {
    private func buffer(_ lines: [String]) -> Buffer {
        var buffer = Buffer(width: lines.map(\.count).max() ?? 0, height: lines.count)
        for (y, line) in lines.enumerated() {
            for (x, character) in line.enumerated() { buffer[x, y] = Cell(String(character)) }
        }
        return buffer
    }

    @Test func noPreviousFramePaintsEveryRow() {
        let next = buffer(["ab", "cd"])
        let runs = next.diff(from: nil)
        #expect(runs == [CellRun(x: 0, y: 0, cells: [Cell("a"), Cell("b")]), CellRun(x: 0, y: 1, cells: [Cell("c"), Cell("d")])])
    }

    @Test func identicalFramesSendNothing() {
        let frame = buffer(["hello", "world"])
        #expect(frame.diff(from: frame).isEmpty)
    }

    @Test func changedCellsBecomeRuns() {
        let before = buffer(["hello world", "second row!"])
        let after = buffer(["hellO worlD", "second row!"])
        let runs = after.diff(from: before)
        #expect(runs == [CellRun(x: 4, y: 0, cells: [Cell("O")]), CellRun(x: 10, y: 0, cells: [Cell("D")])])
    }

    @Test func styleChangeCounts() {
        let before = buffer(["abc"])
        var after = before
        after[1, 0] = Cell("b", style: Style(foreground: .ansi(1)))
        #expect(after.diff(from: before) == [CellRun(x: 1, y: 0, cells: [after[1, 0]])])
    }

    @Test func wideGraphemeIsRepaintedWhole() {
        var before = Buffer(width: 4, height: 1)
        before[1, 0] = Cell("界", width: 2)
        before[2, 0] = .continuation(.plain)
        var after = before
        // Only the continuation half differs (its style): the run must still start on the
        // grapheme, or the terminal would get half a character.
        after[2, 0] = .continuation(Style(attributes: .bold))
        let runs = after.diff(from: before)
        #expect(runs == [CellRun(x: 1, y: 0, cells: [after[1, 0], after[2, 0]])])
    }

    @Test func sizeChangeRepaintsEverything() {
        let before = buffer(["ab"])
        let after = buffer(["ab", "cd"])
        #expect(after.diff(from: before).count == 2)
    }
}
