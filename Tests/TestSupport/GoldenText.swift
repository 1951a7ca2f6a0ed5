import Foundation

/// Golden text files: compared by default, re-recorded only with RECORD_SNAPSHOTS=1.
public enum GoldenText {
    public static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// nil when `actual` matches `directory/name.txt` (or was just recorded); otherwise what
    /// is wrong, with a line diff.
    public static func problem(_ actual: String, named name: String, in directory: URL) -> String? {
        let url = directory.appendingPathComponent(name + ".txt")
        if recording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
                return nil
            } catch {
                return "cannot record \(url.path): \(error)"
            }
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "missing golden file \(name).txt; run with RECORD_SNAPSHOTS=1 to record it"
        }
        return expected == actual ? nil : "golden \(name).txt differs:\n\(diff(expected: expected, actual: actual))"
    }

    /// Line-by-line: `-` expected, `+` actual, with line numbers.
    public static func diff(expected: String, actual: String) -> String {
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
