import TerminalTypes
/// SGR (mode 1006) mouse reports, `ESC [ < button ; x ; y M` (press) or `m` (release), for
/// terminals whose terminfo makes ncurses expect the legacy X10 format (tmux-256color,
/// screen): ncurses passes such a report through as plain characters, so it is decoded
/// here. Pure, so it is unit-tested.
enum SGRMouse {
    /// What a report starting at `characters.startIndex` (an ESC) decodes to: the event (nil
    /// for releases and motion, which the viewer ignores) and how many characters it took.
    /// Nil when the characters are not a complete SGR mouse report.
    static func decode(_ characters: ArraySlice<UInt32>) -> (event: MouseEvent?, length: Int)? {
        let prefix: [UInt32] = [27, 0x5B, 0x3C]  // ESC [ <
        guard characters.count > prefix.count, Array(characters.prefix(3)) == prefix else { return nil }
        var numbers: [Int] = [0]
        var index = characters.startIndex + 3
        // Three numbers of a few digits each: a longer run is not a mouse report.
        while index < characters.endIndex, index - characters.startIndex < 24 {
            let character = characters[index]
            switch character {
            case 0x30...0x39:
                // Five digits at most: a longer number is no report (and could overflow).
                guard numbers[numbers.count - 1] < 10_000 else { return nil }
                numbers[numbers.count - 1] = numbers[numbers.count - 1] * 10 + Int(character - 0x30)
            case 0x3B where numbers.count < 3:
                numbers.append(0)
            case 0x4D where numbers.count == 3, 0x6D where numbers.count == 3:  // M press, m release
                let length = index - characters.startIndex + 1
                return (event(button: numbers[0], x: numbers[1] - 1, y: numbers[2] - 1, pressed: character == 0x4D), length)
            default:
                return nil
            }
            index += 1
        }
        return nil
    }

    private static func event(button: Int, x: Int, y: Int, pressed: Bool) -> MouseEvent? {
        guard pressed, x >= 0, y >= 0 else { return nil }
        if button & 64 != 0 {
            switch button & 3 {
            case 0: return MouseEvent(.wheelUp, x: x, y: y)
            case 1: return MouseEvent(.wheelDown, x: x, y: y)
            default: return nil
            }
        }
        // Motion (32) and buttons other than the first are not used.
        guard button & 32 == 0, button & 3 == 0 else { return nil }
        return MouseEvent(.click, x: x, y: y)
    }
}
