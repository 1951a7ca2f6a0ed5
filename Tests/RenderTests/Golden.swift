import Foundation
import Testing
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
        let url = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name).txt; run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("golden \(name).txt differs:\n\(diff(expected: expected, actual: actual))", sourceLocation: sourceLocation)
        }
    }

    /// Line-by-line: `-` expected, `+` actual, with line numbers.
    static func diff(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for index in 0..<max(e.count, a.count) {
            let left = index < e.count ? String(e[index]) : nil
            let right = index < a.count ? String(a[index]) : nil
            if left != right {
                if let left { out.append(String(format: "%3d - ", index + 1) + left) }
                if let right { out.append(String(format: "%3d + ", index + 1) + right) }
            }
        }
        return out.joined(separator: "\n")
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
