import CNCurses
import TerminalTypes

/// Turns what ncurses' `get_wch` returned into keys: a wide character (`OK`) or a key code
/// (`KEY_CODE_YES`). Pure, so every mapping is unit-tested (and fuzzed: `package`).
package enum KeyDecoder {
    /// One value `get_wch` returned: a key code or a character.
    package typealias Input = (isCode: Bool, value: UInt32)

    /// What a run of inputs means; resize and ncurses' own mouse reports need the screen.
    package enum Decoded: Hashable, Sendable {
        case event(TerminalEvent)
        case resize
        case cursesMouse
    }

    /// Everything read in one go, decoded in order. An SGR mouse report ncurses did not
    /// decode arrives as a run of plain characters that only makes sense as a whole.
    package static func decode(_ inputs: [Input]) -> [Decoded] {
        var decoded: [Decoded] = []
        var index = 0
        while index < inputs.count {
            let (isCode, value) = inputs[index]
            if isCode {
                let code = Int32(bitPattern: value)
                if code == Code.resize {
                    decoded.append(.resize)
                } else if code == Code.mouse {
                    decoded.append(.cursesMouse)
                } else if let key = key(forCode: code) {
                    decoded.append(.event(.key(key)))
                }
            } else if value == 27, let report = SGRMouse.decode(plainCharacters(inputs, from: index)) {
                if let mouse = report.event { decoded.append(.event(.mouse(mouse))) }
                index += report.length
                continue
            } else if value == 27, let (key, length) = escapeSequence(plainCharacters(inputs, from: index)) {
                decoded.append(.event(.key(key)))
                index += length
                continue
            } else if let key = key(forCharacter: value) {
                decoded.append(.event(.key(key)))
            }
            index += 1
        }
        return decoded
    }

    /// A cursor key ncurses left undecoded (its terminfo entry lacks the sequence, e.g.
    /// TERM=xterm inside tmux): `ESC [ n ~` (vt220: 1/7 Home, 4/8 End as tmux and rxvt send
    /// them, 2 Insert, 3 Delete, 5 PgUp, 6 PgDn), `ESC [ A…D H F` and `ESC O A…D H F`. The key
    /// and how many characters it took; nil for anything else (a lone Esc stays Esc).
    static func escapeSequence(_ characters: ArraySlice<UInt32>) -> (Key, Int)? {
        let chars = Array(characters)
        guard chars.count >= 3, chars[0] == 27 else { return nil }
        let letter: [UInt32: Key] = [
            0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end,
        ]
        if chars[1] == 0x4F, let key = letter[chars[2]] { return (key, 3) }  // ESC O x (application mode)
        guard chars[1] == 0x5B else { return nil }  // ESC [
        if let key = letter[chars[2]] { return (key, 3) }
        var digits = 0
        var index = 2
        while index < chars.count, index < 6, (0x30...0x39).contains(chars[index]) {
            digits = digits * 10 + Int(chars[index] - 0x30)
            index += 1
        }
        guard index > 2, index < chars.count, chars[index] == 0x7E else { return nil }  // ~
        let tilde: [Int: Key] = [1: .home, 7: .home, 4: .end, 8: .end, 2: .insert, 3: .delete, 5: .pageUp, 6: .pageDown]
        guard let key = tilde[digits] else { return nil }
        return (key, index + 1)
    }

    /// The plain characters from `start` up to the first key code.
    private static func plainCharacters(_ inputs: [Input], from start: Int) -> ArraySlice<UInt32> {
        var characters: [UInt32] = []
        for input in inputs[start...].prefix(32) {
            if input.isCode { break }
            characters.append(input.value)
        }
        return characters[...]
    }

    /// ncurses key codes the decoder knows, named for the tests.
    enum Code {
        static let up = Int32(KEY_UP), down = Int32(KEY_DOWN), left = Int32(KEY_LEFT), right = Int32(KEY_RIGHT)
        static let home = Int32(KEY_HOME), end = Int32(KEY_END), pageUp = Int32(KEY_PPAGE), pageDown = Int32(KEY_NPAGE)
        static let backTab = Int32(KEY_BTAB), enter = Int32(KEY_ENTER), backspace = Int32(KEY_BACKSPACE)
        static let delete = Int32(KEY_DC), insert = Int32(KEY_IC), resize = Int32(KEY_RESIZE), mouse = Int32(KEY_MOUSE)
        static let f0 = Int32(KEY_F0)
    }

    /// A function or cursor key; nil for codes the viewer has no use for (and for KEY_RESIZE
    /// and KEY_MOUSE, which the screen handles itself).
    static func key(forCode code: Int32) -> Key? {
        switch code {
        case Code.up: .up
        case Code.down: .down
        case Code.left: .left
        case Code.right: .right
        case Code.home: .home
        case Code.end: .end
        case Code.pageUp: .pageUp
        case Code.pageDown: .pageDown
        case Code.backTab: .backTab
        case Code.enter: .enter
        case Code.backspace: .backspace
        case Code.delete: .delete
        case Code.insert: .insert
        case (Code.f0 + 1)...(Code.f0 + 24): .function(Int(code - Code.f0))
        default: nil
        }
    }

    /// A character key: control characters become named keys or `.ctrl`.
    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 96)))
        case 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(value), !(0x80..<0xA0).contains(value) else { return nil }
            return .char(Character(scalar))
        }
    }
}
