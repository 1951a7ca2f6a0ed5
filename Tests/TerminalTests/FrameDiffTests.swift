import Render
import Testing
@testable import Terminal

@Suite struct FrameDiffTests {
    private func buffer(_ lines: [String]) -> Buffer {
        var buffer = Buffer(width: lines.map(\.count).max() ?? 0, height: lines.count)
        for (y, line) in lines.enumerated() {
            for (x, character) in line.enumerated() { buffer[x, y] = Cell(String(character)) }
        }
        return buffer
    }

    @Test func noPreviousFramePaintsEveryRow() {
        let next = buffer(["ab", "cd"])
        let runs = FrameDiff.runs(from: nil, to: next)
        #expect(runs == [CellRun(x: 0, y: 0, cells: [Cell("a"), Cell("b")]), CellRun(x: 0, y: 1, cells: [Cell("c"), Cell("d")])])
    }

    @Test func identicalFramesSendNothing() {
        let frame = buffer(["hello", "world"])
        #expect(FrameDiff.runs(from: frame, to: frame).isEmpty)
    }

    @Test func changedCellsBecomeRuns() {
        let before = buffer(["hello world", "second row!"])
        let after = buffer(["hellO worlD", "second row!"])
        let runs = FrameDiff.runs(from: before, to: after)
        #expect(runs == [CellRun(x: 4, y: 0, cells: [Cell("O")]), CellRun(x: 10, y: 0, cells: [Cell("D")])])
    }

    @Test func styleChangeCounts() {
        let before = buffer(["abc"])
        var after = before
        after[1, 0] = Cell("b", style: Style(foreground: .ansi(1)))
        #expect(FrameDiff.runs(from: before, to: after) == [CellRun(x: 1, y: 0, cells: [after[1, 0]])])
    }

    @Test func wideGraphemeIsRepaintedWhole() {
        var before = Buffer(width: 4, height: 1)
        before[1, 0] = Cell("界", width: 2)
        before[2, 0] = .continuation(.plain)
        var after = before
        // Only the continuation half differs (its style): the run must still start on the
        // grapheme, or the terminal would get half a character.
        after[2, 0] = .continuation(Style(attributes: .bold))
        let runs = FrameDiff.runs(from: before, to: after)
        #expect(runs == [CellRun(x: 1, y: 0, cells: [after[1, 0], after[2, 0]])])
    }

    @Test func sizeChangeRepaintsEverything() {
        let before = buffer(["ab"])
        let after = buffer(["ab", "cd"])
        #expect(FrameDiff.runs(from: before, to: after).count == 2)
    }
}

@Suite struct TextScreenTests {
    @Test func appliesRunsAndCountsWhatWentOut() {
        let screen = TextScreen(width: 10, height: 2)
        var frame = Buffer(width: 10, height: 2)
        for (x, c) in "héllo".enumerated() { frame[x, 0] = Cell(String(c)) }
        screen.draw(FrameDiff.runs(from: nil, to: frame))
        screen.present()
        #expect(screen.screen.lines == ["héllo     ", "          "])
        let full = screen.counters
        #expect(full.cells == 20)
        #expect(full.runs == 2)
        // 20 cells: 19 one-byte, "é" two bytes, plus a cursor move per run.
        #expect(full.bytes == 21 + 2 * TextScreen.cursorMoveBytes)
        #expect(full.frames == 1)

        screen.resetCounters()
        var next = frame
        next[0, 1] = Cell("x")
        screen.draw(FrameDiff.runs(from: frame, to: next))
        screen.present()
        #expect(screen.counters.cells == 1)
        #expect(screen.counters.bytes == 1 + TextScreen.cursorMoveBytes)
        #expect(screen.screen.lines[1] == "x         ")
    }

    @Test func nothingShowsBeforePresent() {
        let screen = TextScreen(width: 3, height: 1)
        screen.draw([CellRun(x: 0, y: 0, cells: [Cell("a")])])
        #expect(screen.screen.lines == ["   "])
        screen.present()
        #expect(screen.screen.lines == ["a  "])
    }

    @Test func resizeIsReportedAndShutdownEndsEvents() async {
        let screen = TextScreen(width: 3, height: 1)
        screen.resize(width: 5, height: 2)
        screen.send(.key(.char("q")))
        screen.shutdown()
        screen.shutdown()
        var seen: [TerminalEvent] = []
        for await event in screen.events { seen.append(event) }
        #expect(seen == [.resize(TerminalSize(width: 5, height: 2)), .key(.char("q"))])
        #expect(screen.size == TerminalSize(width: 5, height: 2))
        #expect(screen.isShutDown)
    }
}
