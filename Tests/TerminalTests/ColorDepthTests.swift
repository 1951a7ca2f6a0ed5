import Render
import Testing
@testable import Terminal

@Suite struct ColorDepthTests {
    @Test func depthFromColourCount() {
        #expect(ColorDepth(colors: 8) == .ansi8)
        #expect(ColorDepth(colors: 16) == .ansi16)
        #expect(ColorDepth(colors: 256) == .indexed256)
        #expect(ColorDepth(colors: 0x1000000) == .direct)
        #expect(ColorDepth(colors: 256, hasColors: false) == .monochrome)
        #expect(ColorDepth(colors: 2) == .monochrome)
    }

    @Test func truecolorDowngradesToTheXtermCube() {
        let depth = ColorDepth.indexed256
        #expect(depth.number(for: .rgb(255, 0, 0)) == 196)
        #expect(depth.number(for: .rgb(0, 0, 0)) == 16)
        #expect(depth.number(for: .rgb(255, 255, 255)) == 231)
        // Mid grey is closer to the grey ramp than to any cube colour.
        #expect(depth.number(for: .rgb(128, 128, 128)) == 244)
        let steelBlue: Int32 = 16 + 36 + 12 + 3
        #expect(depth.number(for: .rgb(95, 135, 175)) == steelBlue)
    }

    @Test func directColourKeepsRGB() {
        #expect(ColorDepth.direct.number(for: .rgb(0x12, 0x34, 0x56)) == 0x123456)
        #expect(ColorDepth.direct.number(for: .ansi(3)) == 3)
        #expect(ColorDepth.direct.number(for: .indexed(196)) == 0xFF0000)
        // Bright ANSI colours are RGB values in direct mode, or they would come out black.
        #expect(ColorDepth.direct.number(for: .ansi(8)) == 0x7F7F7F)
        #expect(ColorDepth.direct.number(for: .ansi(12)) == 0x5C5CFF)
    }

    @Test func fewerColoursFoldToANSI() {
        #expect(ColorDepth.ansi16.number(for: .indexed(196)) == 9)
        #expect(ColorDepth.ansi8.number(for: .indexed(196)) == 1)
        #expect(ColorDepth.ansi8.number(for: .ansi(12)) == 4)
        #expect(ColorDepth.ansi8.number(for: .rgb(0, 200, 0)) == 2)
        #expect(ColorDepth.ansi8.number(for: .default) == -1)
        #expect(ColorDepth.monochrome.number(for: .ansi(1)) == nil)
    }

    @Test func truecolorTerminalsTryTheirDirectEntry() {
        #expect(CursesScreen.directColorTerminalName(term: "xterm-256color", colorterm: "truecolor") == "xterm-direct")
        #expect(CursesScreen.directColorTerminalName(term: "tmux-256color", colorterm: "24bit") == "tmux-direct")
        #expect(CursesScreen.directColorTerminalName(term: "xterm-256color", colorterm: nil) == nil)
        #expect(CursesScreen.directColorTerminalName(term: "xterm-direct", colorterm: "truecolor") == nil)
    }

    @Test func pairsAreAllocatedOnceAndBounded() {
        var table = ColorPairTable(capacity: 3)
        #expect(table.pair(foreground: -1, background: -1) == (0, false))
        let first = table.pair(foreground: 1, background: -1)
        #expect(first == (1, true))
        #expect(table.pair(foreground: 1, background: -1) == (1, false))
        #expect(table.pair(foreground: 2, background: 4) == (2, true))
        // Capacity 3 holds pairs 0..2: the next one falls back to the default pair.
        #expect(table.pair(foreground: 3, background: 4) == (0, false))
    }
}

@Suite struct KeyDecoderTests {
    @Test func characters() {
        #expect(KeyDecoder.key(forCharacter: 0x71) == .char("q"))
        #expect(KeyDecoder.key(forCharacter: 0x3F) == .char("?"))
        #expect(KeyDecoder.key(forCharacter: 0x00E9) == .char("é"))
        #expect(KeyDecoder.key(forCharacter: 9) == .tab)
        #expect(KeyDecoder.key(forCharacter: 13) == .enter)
        #expect(KeyDecoder.key(forCharacter: 10) == .enter)
        #expect(KeyDecoder.key(forCharacter: 27) == .escape)
        #expect(KeyDecoder.key(forCharacter: 127) == .backspace)
        #expect(KeyDecoder.key(forCharacter: 3) == .ctrl("c"))
        #expect(KeyDecoder.key(forCharacter: 12) == .ctrl("l"))
        #expect(KeyDecoder.key(forCharacter: 0x85) == nil)
    }

    @Test func keyCodes() {
        #expect(KeyDecoder.key(forCode: KeyDecoder.Code.up) == .up)
        #expect(KeyDecoder.key(forCode: KeyDecoder.Code.left) == .left)
        #expect(KeyDecoder.key(forCode: KeyDecoder.Code.backTab) == .backTab)
        #expect(KeyDecoder.key(forCode: KeyDecoder.Code.pageDown) == .pageDown)
        #expect(KeyDecoder.key(forCode: KeyDecoder.Code.home) == .home)
        #expect(KeyDecoder.key(forCode: KeyDecoder.Code.f0 + 5) == .function(5))
        #expect(KeyDecoder.key(forCode: KeyDecoder.Code.resize) == nil)
        #expect(Key.backTab.description == "Shift-Tab")
        #expect(Key.ctrl("z").description == "Ctrl-Z")
    }
}
