import Foundation
import Testing
import TestSupport
@testable import Render

/// Golden text files under Tests/RenderTests/Snapshots. Compared by default; re-recorded only
/// with RECORD_SNAPSHOTS=1. Each line ends with `|` so trailing blanks survive editors.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func encode(_ buffer: Buffer) -> String {
        buffer.lines.map { $0 + "|" }.joined(separator: "\n") + "\n"
    }

    static func check(_ buffer: Buffer, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        check(text: encode(buffer), name, sourceLocation: sourceLocation)
    }

    static func check(text actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if let problem = GoldenText.problem(actual, named: name, in: directory) {
            Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        }
    }
}

/// A deterministic random source for property tests (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
