/// A node of the query being evaluated, told apart without hashing its subtree at every
/// step: by the storage of its children (the tree is not rebuilt between steps, so a node
/// keeps it), its position in the query and what else separates nodes there (a call's
/// function, a selector's offset). The key holds that storage, so it cannot be freed and
/// reused by another node while the key is in a table; a node whose storage did change would
/// only miss and be computed again, never be confused with another.
struct NodeIdentity<Element>: Hashable {
    private let storage: StorageIdentity<Element>
    private let position: PositionRange
    private let function: String
    private let offset: Int64

    /// Hashed by storage and position alone (IdentityHash); equality compares every field.
    func hash(into hasher: inout Hasher) {
        hasher.combine(storage)
        hasher.combine(position)
    }

    func _rawHashValue(seed: Int) -> Int {
        IdentityHash.mix(UInt64(truncatingIfNeeded: storage.address) &+ UInt64(truncatingIfNeeded: position.start) << 40
            &+ UInt64(truncatingIfNeeded: position.end) << 52, seed: seed)
    }
}

/// A range function call: its arguments and function.
typealias CallIdentity = NodeIdentity<Expr>
/// A vector selector: its matchers and offset.
typealias SelectorIdentity = NodeIdentity<LabelMatcher>

extension NodeIdentity where Element == Expr {
    init(_ call: Call) {
        self.init(storage: StorageIdentity(call.args), position: call.positionRange, function: call.function.name, offset: 0)
    }
}

extension NodeIdentity where Element == LabelMatcher {
    init(_ selector: VectorSelector) {
        self.init(storage: StorageIdentity(selector.matchers), position: selector.positionRange, function: "", offset: selector.offset)
    }
}

/// An array told apart by its storage, which it keeps alive: equal only to the same buffer.
struct StorageIdentity<Element>: Hashable {
    private let array: [Element]
    var address: UInt { array.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } }

    init(_ array: [Element]) { self.array = array }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.address == rhs.address && lhs.array.count == rhs.array.count }
    func hash(into hasher: inout Hasher) { hasher.combine(address) }
    func _rawHashValue(seed: Int) -> Int { IdentityHash.mix(UInt64(truncatingIfNeeded: address), seed: seed) }
}
