import Foundation
import PromModel

/// A label set's storage identity: the address of its pairs' buffer. Two label sets with the
/// same identity hold the same pairs while that buffer is alive, and every table keyed by
/// identity below keeps the label set it was computed from, so the buffer cannot be freed
/// and its address reused for other pairs. The selected series keep their buffers for the
/// whole query, so a label computation keyed by identity runs once per series, not once per
/// step (a range query repeats every step's work over the same series).
struct LabelsIdentity: Hashable {
    let address: UInt

    init(_ labels: Labels) {
        address = labels.pairs.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(address) }
    func _rawHashValue(seed: Int) -> Int { IdentityHash.mix(UInt64(truncatingIfNeeded: address), seed: seed) }
}

/// What Set and Dictionary hash the engine's identity keys with: SipHash of a word or two
/// cost more than the rest of a lookup, and addresses and positions are not chosen by an
/// adversary, so splitmix64's finalizer (the seed mixed in) spreads them over the table.
enum IdentityHash {
    static func mix(_ value: UInt64, seed: Int) -> Int {
        var x = value ^ UInt64(truncatingIfNeeded: seed)
        x = (x ^ (x >> 30)) &* 0xbf58_476d_1ce4_e5b9
        x = (x ^ (x >> 27)) &* 0x94d0_49bb_1331_11eb
        return Int(truncatingIfNeeded: x ^ (x >> 31))
    }
}

/// An aggregation's groups across the steps of one query: each input label set's group,
/// numbered in order of first appearance, so a step finds an element's group with one
/// identity lookup and keeps its groups in an array (Aggregator.aggregate).
final class GroupSlots {
    let memo = LabelsMemo<Int>()
    private(set) var keys: [Labels] = []
    private var byKey: [LabelsIdentity: Int] = [:]

    /// The slot of an interned group key.
    func slot(for key: Labels) -> Int {
        if let slot = byKey[LabelsIdentity(key)] { return slot }
        byKey[LabelsIdentity(key)] = keys.count
        keys.append(key)
        return keys.count - 1
    }

    /// count_values' groups by an interned group and a value (Aggregator.CountedValues). A
    /// new value every step only grows the table, so it is emptied past a limit, as LabelsMemo is.
    private struct ValueKey: Hashable {
        let group: LabelsIdentity
        let bits: UInt64
        func _rawHashValue(seed: Int) -> Int { IdentityHash.mix(bits, seed: group._rawHashValue(seed: seed)) }
    }

    private var byValue: [ValueKey: Int] = [:]

    func slot(for group: Labels, value: Double, _ key: () -> Labels) -> Int {
        let valueKey = ValueKey(group: LabelsIdentity(group), bits: value.bitPattern)
        if let slot = byValue[valueKey] { return slot }
        let slot = slot(for: key())
        if byValue.count >= 1 << 18 { byValue.removeAll(keepingCapacity: true) }
        byValue[valueKey] = slot
        return slot
    }
}

/// One canonical instance per distinct label set, so that, among interned label sets,
/// identity equality is content equality and grouping can hash an address instead of every
/// name and value.
final class LabelsInterner {
    private var canonical: [Labels: Labels] = [:]
    private var identities: Set<LabelsIdentity> = []

    func intern(_ labels: Labels) -> Labels {
        if let existing = canonical[labels] { return existing }
        canonical[labels] = labels
        identities.insert(LabelsIdentity(labels))
        return labels
    }

    func isInterned(_ labels: Labels) -> Bool { identities.contains(LabelsIdentity(labels)) }
}

/// A pure function of a label set, remembered by the input's identity. Inputs that are new
/// buffers at every step (labels a function rewrote) would only grow the table, so it is
/// emptied when it passes `limit` entries; results stay correct, only the reuse is lost.
final class LabelsMemo<Result> {
    private var entries: [LabelsIdentity: (source: Labels, result: Result)] = [:]
    private let limit: Int

    init(limit: Int = 1 << 18) { self.limit = limit }

    func value(for labels: Labels, _ compute: (Labels) -> Result) -> Result {
        let identity = LabelsIdentity(labels)
        if let hit = entries[identity] { return hit.result }
        let result = compute(labels)
        if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
        entries[identity] = (labels, result)
        return result
    }
}

/// What one evaluator remembers about label sets for the length of one query: the
/// interner, and one memo per label transformation (keyed by what parameterises it).
final class LabelCache {
    enum Transformation: Hashable {
        case withoutName
        /// An aggregation's group key (`by`/`without` labels).
        case grouping([String], without: Bool)
        /// A binary operation's match signature.
        case signature(on: Bool, [String])
        /// A binary operation's result labels when they depend on the left element alone.
        case binaryResult(dropName: Bool, oneToOne: Bool, on: Bool, [String])
        /// label_replace's and label_join's rewrite, by their arguments.
        case labelReplace(destination: String, replacement: String, source: String, pattern: String)
        case labelJoin(destination: String, separator: String, sources: [String])

        /// Looked up at every step of a range query: hashed by its case and list lengths
        /// alone (a query has a handful of transformations; equality tells them apart)
        /// instead of SipHashing every label name each time.
        func hash(into hasher: inout Hasher) { hasher.combine(shape) }
        func _rawHashValue(seed: Int) -> Int { IdentityHash.mix(shape, seed: seed) }

        private var shape: UInt64 {
            switch self {
            case .withoutName: 1
            case .grouping(let names, let without): 2 | UInt64(without ? 8 : 0) | UInt64(names.count) << 8
            case .signature(let on, let names): 3 | UInt64(on ? 8 : 0) | UInt64(names.count) << 8
            case .binaryResult(let dropName, let oneToOne, let on, let names):
                4 | UInt64(dropName ? 8 : 0) | UInt64(oneToOne ? 16 : 0) | UInt64(on ? 32 : 0) | UInt64(names.count) << 8
            case .labelReplace(let destination, _, _, _): 5 | UInt64(destination.utf8.count) << 8
            case .labelJoin(let destination, _, let sources): 6 | UInt64(sources.count) << 8 | UInt64(destination.utf8.count) << 24
            }
        }
    }

    /// A classic-histogram bucket's group (labels without `le`), output labels (also without
    /// the metric name) and parsed `le`; nil when `le` is missing or not a number.
    struct Bucket {
        var key: Labels
        var output: Labels
        var upperBound: Double
    }

    let interner = LabelsInterner()
    private var memos: [Transformation: LabelsMemo<Labels>] = [:]
    private(set) lazy var buckets = LabelsMemo<Bucket?>()

    private var slots: [Transformation: GroupSlots] = [:]
    /// label_replace's compiled patterns: compiling one at every step cost more than the rewrite.
    private var regexes: [String: NSRegularExpression] = [:]

    func regex(_ key: String, _ compile: () throws(QueryError) -> NSRegularExpression) throws(QueryError) -> NSRegularExpression {
        if let known = regexes[key] { return known }
        let compiled = try compile()
        regexes[key] = compiled
        return compiled
    }

    /// The group slots of one aggregation's grouping.
    func groupSlots(_ transformation: Transformation) -> GroupSlots {
        if let existing = slots[transformation] { return existing }
        let created = GroupSlots()
        slots[transformation] = created
        return created
    }

    /// The memo of one transformation; look it up once per step, then once per element.
    func memo(_ transformation: Transformation) -> LabelsMemo<Labels> {
        if let memo = memos[transformation] { return memo }
        let memo = LabelsMemo<Labels>()
        memos[transformation] = memo
        return memo
    }

    /// `transform(labels)`, interned, computed once per distinct input buffer.
    func transformed(_ labels: Labels, _ memo: LabelsMemo<Labels>, _ transform: (Labels) -> Labels) -> Labels {
        memo.value(for: labels) { interner.intern(transform($0)) }
    }

    /// Prometheus's check that no two elements share a label set; when every label set is
    /// interned, distinct addresses mean distinct label sets and no pairs are hashed.
    func checkUnique(_ vector: [EvalSample]) throws(QueryError) {
        guard vector.count > 1 else { return }
        var seen = Set<LabelsIdentity>(minimumCapacity: vector.count)
        for sample in vector {
            guard interner.isInterned(sample.labels) else { return try checkUniqueLabelsets(vector) }
            if !seen.insert(LabelsIdentity(sample.labels)).inserted { throw QueryError.duplicateLabelset }
        }
    }
}
