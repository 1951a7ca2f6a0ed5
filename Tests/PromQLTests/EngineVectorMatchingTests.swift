import PromModel
import Testing
@testable import PromQL

/// Vector matching searches a small right side one by one and a large one through a table
/// (BinaryOperation.linearSearchLimit): both must pair, reject duplicates and report the same
/// series as Prometheus, whatever the size.
@Suite("Engine: vector matching on both sides of the search limit")
struct EngineVectorMatchingTests {
    static let sizes = [1, 2, BinaryOperation.linearSearchLimit, BinaryOperation.linearSearchLimit + 1, 40]

    /// `n` series of `left` and `right` per job, values chosen so every pair is told apart.
    static func store(_ n: Int, duplicateRight: Int? = nil) -> SeriesStore {
        let store = SeriesStore()
        for i in 0..<n {
            store.append(Labels(name: "left", ["job": "j\(i)", "instance": "a"]), Sample(0, Double(i)))
            store.append(Labels(name: "right", ["job": "j\(i)"]), Sample(0, Double(1000 + i * i)))
        }
        if let duplicateRight {
            store.append(Labels(name: "right", ["job": "j\(duplicateRight)", "zone": "z"]), Sample(0, 1))
        }
        return store
    }

    static func values(_ query: String, _ store: SeriesStore) throws -> [String: Double] {
        let series = try Engine(storage: store).instantQuery(query, at: 0).result.series
        return Dictionary(uniqueKeysWithValues: series.map { ($0.labels["job"] ?? "", $0.samples.first?.value ?? .nan) })
    }

    @Test("one-to-one pairs every job with its own", arguments: sizes)
    func pairs(_ n: Int) throws {
        let expected = Dictionary(uniqueKeysWithValues: (0..<n).map { ("j\($0)", Double(1000 + $0 * $0) - Double($0)) })
        #expect(try Self.values("right - ignoring(instance) left", Self.store(n)) == expected)
        #expect(try Self.values("right - on(job) left", Self.store(n)) == expected)
        // Swapped sides: group_right puts the many side on the left.
        let grouped = try Self.values("right - on(job) group_right left", Self.store(n))
        #expect(grouped == expected)
    }

    @Test("a duplicate on the right names the later series first", arguments: sizes)
    func duplicateOnTheRight(_ n: Int) {
        let store = Self.store(n, duplicateRight: n - 1)
        let message = Self.message("left / on(job) right", store)
        #expect(message == #"found duplicate series for the match group {job="j\#(n - 1)"} on the right hand-side of the operation: [{__name__="right", job="j\#(n - 1)", zone="z"}, {__name__="right", job="j\#(n - 1)"}];many-to-many matching not allowed: matching labels must be unique on one side"#)
    }

    @Test("two left series on one right series need group_left", arguments: sizes)
    func manyToOne(_ n: Int) throws {
        let store = Self.store(n)
        store.append(Labels(name: "left", ["job": "j0", "instance": "b"]), Sample(0, 5))
        #expect(Self.message("left * on(job) right", store) == "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")
        let grouped = try Engine(storage: store).instantQuery("left * on(job) group_left right", at: 0).result.series
        #expect(grouped.count == n + 1)
    }

    static func message(_ query: String, _ store: SeriesStore) -> String? {
        do {
            _ = try Engine(storage: store).instantQuery(query, at: 0)
            return nil
        } catch {
            return error.message
        }
    }
}
