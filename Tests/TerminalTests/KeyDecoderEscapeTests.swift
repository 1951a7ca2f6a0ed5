import Testing
import TerminalTypes
@testable import Terminal

/// Cursor keys that reach the decoder as raw escape sequences (tmux and rxvt Home/End when
/// the terminfo entry does not name them) decode as one key, not Esc and garbage.
@Suite struct KeyDecoderEscapeTests {
    private func keys(_ text: String) -> [KeyDecoder.Decoded] {
        KeyDecoder.decode(text.unicodeScalars.map { (isCode: false, value: $0.value) })
    }

    @Test func tmuxAndRxvtHomeEnd() {
        #expect(keys("\u{1B}[1~") == [.event(.key(.home))])
        #expect(keys("\u{1B}[4~") == [.event(.key(.end))])
        #expect(keys("\u{1B}[7~") == [.event(.key(.home))])
        #expect(keys("\u{1B}[8~") == [.event(.key(.end))])
    }

    @Test func otherVT220AndCursorSequences() {
        #expect(keys("\u{1B}[5~\u{1B}[6~") == [.event(.key(.pageUp)), .event(.key(.pageDown))])
        #expect(keys("\u{1B}[3~") == [.event(.key(.delete))])
        #expect(keys("\u{1B}[2~") == [.event(.key(.insert))])
        #expect(keys("\u{1B}[H\u{1B}[F") == [.event(.key(.home)), .event(.key(.end))])
        #expect(keys("\u{1B}OH\u{1B}OF") == [.event(.key(.home)), .event(.key(.end))])
        #expect(keys("\u{1B}[A\u{1B}OB\u{1B}[C\u{1B}[D") == [.event(.key(.up)), .event(.key(.down)), .event(.key(.right)), .event(.key(.left))])
    }

    @Test func sequenceThenTextKeepsTheText() {
        #expect(keys("\u{1B}[4~jq") == [.event(.key(.end)), .event(.key(.char("j"))), .event(.key(.char("q")))])
    }

    @Test func loneAndUnknownEscapesStayEscape() {
        #expect(keys("\u{1B}") == [.event(.key(.escape))])
        // An unknown number is not swallowed as a key: Esc then the characters as typed.
        #expect(keys("\u{1B}[9~").first == .event(.key(.escape)))
        #expect(keys("\u{1B}[1").first == .event(.key(.escape)))
        #expect(keys("\u{1B}j") == [.event(.key(.escape)), .event(.key(.char("j")))])
    }
}
