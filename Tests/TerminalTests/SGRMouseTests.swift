import Testing
@testable import Terminal

@Suite struct SGRMouseTests {
    private func decode(_ text: String) -> (event: MouseEvent?, length: Int)? {
        SGRMouse.decode(Array(text.unicodeScalars.map(\.value))[...])
    }

    /// The event of a complete report (nil when the report carries none, or is no report).
    private func event(_ text: String) -> MouseEvent? { decode(text).flatMap(\.event) }

    @Test func pressesWheelsAndReleases() {
        // 1-based on the wire, 0-based for the viewer.
        #expect(event("\u{1B}[<0;80;5M") == MouseEvent(.click, x: 79, y: 4))
        #expect(decode("\u{1B}[<0;80;5M")?.length == 10)
        #expect(event("\u{1B}[<64;3;7M") == MouseEvent(.wheelUp, x: 2, y: 6))
        #expect(event("\u{1B}[<65;300;60M") == MouseEvent(.wheelDown, x: 299, y: 59))
        // Releases, motion and other buttons are consumed but not reported.
        #expect(decode("\u{1B}[<0;80;5m")?.length == 10 && event("\u{1B}[<0;80;5m") == nil)
        #expect(decode("\u{1B}[<32;1;1M")?.length == 10 && event("\u{1B}[<32;1;1M") == nil)
        #expect(decode("\u{1B}[<2;1;1M")?.length == 9 && event("\u{1B}[<2;1;1M") == nil)
        // Only the report is consumed, not what follows.
        #expect(decode("\u{1B}[<0;1;1Mq")?.length == 9)
    }

    @Test func anythingElseIsLeftToTheKeyDecoder() {
        #expect(decode("\u{1B}[A") == nil)
        #expect(decode("\u{1B}[<0;80") == nil)
        #expect(decode("\u{1B}[<0;80;5;7M") == nil)
        #expect(decode("\u{1B}[<0;x;5M") == nil)
        #expect(decode("\u{1B}") == nil)
    }

    /// Found by the keys fuzz target (Fuzz/Corpus/keys/seed-sgr-long): twenty digits used to
    /// overflow Int and trap, so a pasted or forged report could kill the viewer.
    @Test func aHugeNumberIsNoReport() {
        #expect(decode("\u{1B}[<9999999999999999999999;1;1M") == nil)
        #expect(decode("\u{1B}[<0;999999;1M") == nil)
        #expect(event("\u{1B}[<0;99999;1M") == MouseEvent(.click, x: 99998, y: 0))
    }
}
