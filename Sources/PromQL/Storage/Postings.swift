/// The inverted index: for every label name and value, the ascending ids of the series that
/// carry that pair. Equality matchers intersect these lists; other matchers scan the values
/// of one name and union the lists of the values that match.
struct Postings: Sendable {
    private(set) var byName: [String: [String: [Int]]] = [:]

    /// Series ids are handed out in increasing order, so appending keeps every list sorted.
    mutating func add(id: Int, labels: some Sequence<(name: String, value: String)>) {
        for (name, value) in labels { byName[name, default: [:]][value, default: []].append(id) }
    }

    mutating func remove(ids: Set<Int>) {
        guard !ids.isEmpty else { return }
        for (name, values) in byName {
            var kept: [String: [Int]] = [:]
            for (value, list) in values {
                let filtered = list.filter { !ids.contains($0) }
                if !filtered.isEmpty { kept[value] = filtered }
            }
            byName[name] = kept.isEmpty ? nil : kept
        }
    }

    func list(_ name: String, _ value: String) -> [Int] { byName[name]?[value] ?? [] }

    /// Union of the lists of every value of `name` that satisfies `predicate`.
    func union(_ name: String, where predicate: (String) -> Bool) -> [Int] {
        guard let values = byName[name] else { return [] }
        var lists: [[Int]] = []
        for (value, list) in values where predicate(value) { lists.append(list) }
        return Postings.merge(lists)
    }

    /// Every series id carrying `name` at all.
    func all(_ name: String) -> [Int] { union(name) { _ in true } }

    static func intersect(_ a: [Int], _ b: [Int]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(min(a.count, b.count))
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { out.append(a[i]); i += 1; j += 1 }
            else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return out
    }

    static func subtract(_ a: [Int], _ b: [Int]) -> [Int] {
        var out: [Int] = []
        var j = 0
        for x in a {
            while j < b.count && b[j] < x { j += 1 }
            if j < b.count && b[j] == x { continue }
            out.append(x)
        }
        return out
    }

    static func merge(_ lists: [[Int]]) -> [Int] {
        if lists.count == 1 { return lists[0] }
        var all = lists.flatMap { $0 }
        all.sort()
        var out: [Int] = []
        out.reserveCapacity(all.count)
        for x in all where out.last != x { out.append(x) }
        return out
    }
}
