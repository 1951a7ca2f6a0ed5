import PromModel
import Testing
@testable import PromQL

/// Exposition text and samples a hostile or broken target can produce: errors, never traps.
@Suite struct HostileStorageTests {
    /// Each trapped converting the timestamp to Int64 before.
    @Test(arguments: [
        ("up 1 1e300\n", ExpositionFormat.prometheusText), ("up 1 -1e300\n", .prometheusText), ("up 1 NaN\n", .prometheusText),
        ("up 1 +Inf\n", .prometheusText), ("up 1 -Inf\n", .prometheusText), ("up 1 9300000000000000000\n", .prometheusText),
        ("up 1 1e16\n# EOF\n", .openMetrics), ("up 1 -9.3e15\n# EOF\n", .openMetrics), ("up 1 NaN\n# EOF\n", .openMetrics),
        ("up 1 +Inf\n# EOF\n", .openMetrics),
    ])
    func outOfRangeTimestampsAreErrors(_ input: String, _ format: ExpositionFormat) {
        #expect(throws: ExpositionError(line: 1, column: 6, message: "invalid timestamp")) {
            try ExpositionParser(format: format, defaultTimestamp: 0).parse(input)
        }
    }

    @Test func timestampsAtTheEdgesOfInt64RoundTripThroughAChunk() {
        // The delta from Int64.min to Int64.max overflowed in XORChunk.append.
        let times: [Timestamp] = [.min, .max, 0, .min, -1, .max, .max]
        var chunk = XORChunk()
        for (index, time) in times.enumerated() { chunk.append(Sample(time, Double(index))) }
        #expect(chunk.samples.map(\.timestamp) == times)
        #expect(chunk.samples.map(\.value) == times.indices.map(Double.init))
    }
}
