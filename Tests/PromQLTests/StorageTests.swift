import Foundation
import PromModel
import Testing
@testable import PromQL

@Suite("Storage")
struct StorageTests {
    static func matcher(_ kind: LabelMatcher.Kind, _ name: String, _ value: String) -> LabelMatcher {
        // Test inputs are valid regexes; a failure here is a test bug.
        try! LabelMatcher(kind, name, value)
    }

    @Test("XOR chunks round-trip timestamps and bit patterns, including staleness markers")
    func chunkRoundTrip() {
        var chunk = XORChunk()
        var expected: [Sample] = []
        var generator = SplitMix(seed: 42)
        var t: Timestamp = 1_700_000_000_000
        let specials: [Double] = [0, -0.0, .nan, .infinity, -.infinity, StaleNaN.value, 1e-300, -1e300, 42, 42]
        for i in 0..<500 {
            t += [15_000, 15_000, 15_001, 14_999, 1, 3_600_000, 86_400_000 * 40][Int(generator.next() % 7)]
            let value = i < specials.count ? specials[i] : Double(bitPattern: generator.next())
            chunk.append(Sample(t, value))
            expected.append(Sample(t, value))
        }
        let decoded = chunk.samples
        #expect(decoded.count == expected.count)
        for (a, b) in zip(decoded, expected) {
            #expect(a.timestamp == b.timestamp)
            #expect(a.value.bitPattern == b.value.bitPattern)
        }
    }

    @Test("staleness markers are told apart from ordinary NaN")
    func staleness() {
        #expect(StaleNaN.isStale(StaleNaN.value))
        #expect(!StaleNaN.isStale(.nan))
        #expect(!StaleNaN.isStale(Double(bitPattern: 0x7ff8_0000_0000_0001)))
        let store = SeriesStore()
        store.append(Labels(name: "x"), Sample(1000, 1))
        store.append(Labels(name: "x"), .staleMarker(at: 2000))
        store.append(Labels(name: "x"), Sample(3000, .nan))
        let samples = store.select([Self.matcher(.equal, "__name__", "x")]).first?.samples ?? []
        #expect(samples.map(\.isStaleMarker) == [false, true, false])
    }

    @Test("postings select by equality, negation and regex like Prometheus")
    func postings() {
        let store = SeriesStore()
        store.append(Labels(name: "up", ["job": "api", "instance": "a"]), Sample(0, 1))
        store.append(Labels(name: "up", ["job": "api", "instance": "b"]), Sample(0, 1))
        store.append(Labels(name: "up", ["job": "db"]), Sample(0, 1))
        store.append(Labels(name: "other", ["job": "api"]), Sample(0, 1))
        func names(_ matchers: [LabelMatcher]) -> [String] {
            store.select(matchers).map { $0.labels.description }
        }
        let up = Self.matcher(.equal, "__name__", "up")
        #expect(names([up, Self.matcher(.equal, "job", "api")]) == [#"up{instance="a", job="api"}"#, #"up{instance="b", job="api"}"#])
        #expect(names([up, Self.matcher(.notEqual, "job", "api")]) == [#"up{job="db"}"#])
        // A missing label matches the empty string.
        #expect(names([up, Self.matcher(.equal, "instance", "")]) == [#"up{job="db"}"#])
        #expect(names([up, Self.matcher(.regexMatch, "instance", "a|")]) == [#"up{instance="a", job="api"}"#, #"up{job="db"}"#])
        #expect(names([up, Self.matcher(.regexNoMatch, "job", "a.*")]) == [#"up{job="db"}"#])
        #expect(names([Self.matcher(.regexMatch, "job", "api")]).count == 3)
        #expect(store.labelNames() == ["__name__", "instance", "job"])
        #expect(store.labelValues("job") == ["api", "db"])
    }

    @Test("appends must be in time order; retention drops old samples and empty series")
    func retention() {
        let store = SeriesStore()
        let a = Labels(name: "a"), b = Labels(name: "b")
        for i in 0..<300 { #expect(store.append(a, Sample(Int64(i) * 1000, Double(i)))) }
        #expect(!store.append(a, Sample(5000, 1)))
        store.append(b, Sample(10_000, 1))
        store.dropSamples(before: 150_500)
        let kept = store.select([Self.matcher(.equal, "__name__", "a")]).first?.samples ?? []
        #expect(kept.first?.timestamp == 151_000)
        #expect(kept.count == 149)
        #expect(store.select([Self.matcher(.equal, "__name__", "b")]).isEmpty)
        #expect(store.labelValues("__name__") == ["a"])
        #expect(store.statistics.sampleCount == 149)
    }

    @Test("a whole series appended at once equals appending its samples one by one")
    func seriesAppend() {
        // Sample 250 repeats the timestamp of 249.
        let samples = (0..<500).map { (index: Int) -> Sample in
            let second: Int64 = index == 250 ? 249 : Int64(index)
            return Sample(second * 1000, Double(index) / 3)
        }
        let one = SeriesStore(), whole = SeriesStore()
        let labels = Labels(name: "a", ["l": "1"])
        let accepted = samples.filter { one.append(labels, $0) }.count
        #expect(whole.append(labels, samples: samples) == accepted)
        #expect(accepted == 499)  // one sample repeats a timestamp and is refused
        // A second batch extends the series, skipping what is not newer.
        #expect(whole.append(labels, samples: [Sample(499_000, 0), Sample(600_000, 1)]) == 1)
        #expect(one.append(labels, Sample(600_000, 1)))
        let matcher = [Self.matcher(.equal, "__name__", "a")]
        #expect(whole.select(matcher) == one.select(matcher))
        #expect(whole.append(Labels(name: "b"), samples: [Sample]()) == 0)
        #expect(whole.labelValues("__name__") == ["a"])
    }

    @Test("one writer and concurrent readers")
    func concurrency() async {
        let store = SeriesStore()
        let labels = Labels(name: "c")
        await withTaskGroup(of: Int.self) { group in
            group.addTask {
                for i in 0..<20_000 { store.append(labels, Sample(Int64(i), Double(i))) }
                return 0
            }
            for _ in 0..<4 {
                group.addTask {
                    var seen = 0
                    for _ in 0..<200 {
                        let samples = store.select([Self.matcher(.equal, "__name__", "c")]).first?.samples ?? []
                        // Readers always see a consistent prefix: timestamps 0..<n, values equal.
                        #expect(samples.enumerated().allSatisfy { $0.offset == Int($0.element.timestamp) && $0.element.value == Double($0.offset) })
                        seen = max(seen, samples.count)
                    }
                    return seen
                }
            }
            for await _ in group {}
        }
        #expect(store.statistics.sampleCount == 20_000)
    }
}

/// A deterministic generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
