import Render
import Testing
@testable import Terminal

@Suite struct TextScreenTests {
    @Test func appliesRunsAndCountsWhatWentOut() {
        let screen = TextScreen(width: 10, height: 2)
        var frame = Buffer(width: 10, height: 2)
        for (x, c) in "héllo".enumerated() { frame[x, 0] = Cell(String(c)) }
        screen.draw(frame.diff(from: nil))
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
        screen.draw(next.diff(from: frame))
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
