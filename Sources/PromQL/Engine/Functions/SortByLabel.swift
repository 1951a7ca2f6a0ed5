import PromModel

extension FunctionTable {
    /// sort_by_label / sort_by_label_desc (3.x, experimental): natural order of the named
    /// labels' values, then the whole label set (promql/functions.go funcSortByLabel).
    static let sortByLabelFunctions: [String: FunctionImplementation] = [
        "sort_by_label": .instant { input throws(QueryError) in
            .vector(try sortByLabel(input, descending: false))
        },
        "sort_by_label_desc": .instant { input throws(QueryError) in
            .vector(try sortByLabel(input, descending: true))
        },
    ]

    static func sortByLabel(_ input: InstantFunctionInput, descending: Bool) throws(QueryError) -> [EvalSample] {
        var names: [String] = []
        for i in 1..<max(1, input.args.count) { names.append(try input.string(i)) }
        return try input.vector(0).sorted { a, b in
            for name in names {
                let x = a.labels[name] ?? "", y = b.labels[name] ?? ""
                if x == y { continue }
                return naturalLess(x, y) != descending
            }
            return descending ? b.labels < a.labels : a.labels < b.labels
        }
    }

    /// github.com/facette/natsort `Compare`: runs of digits compare as integers.
    static func naturalLess(_ a: String, _ b: String) -> Bool {
        let chunksA = naturalChunks(a), chunksB = naturalChunks(b)
        for i in chunksA.indices {
            if i >= chunksB.count { return false }
            let x = chunksA[i], y = chunksB[i]
            if let ix = Int(x), let iy = Int(y), x.first?.isNumber == true, y.first?.isNumber == true {
                if ix != iy { return ix < iy }
            } else if x != y {
                return x < y
            }
            if i == chunksA.count - 1 { return true }
            if i == chunksB.count - 1 { return false }
        }
        return false
    }

    private static func naturalChunks(_ s: String) -> [String] {
        var chunks: [String] = []
        var current = ""
        var digits = false
        for ch in s {
            let isDigit = ch.isASCII && ch.isNumber
            if !current.isEmpty, isDigit != digits {
                chunks.append(current)
                current = ""
            }
            digits = isDigit
            current.append(ch)
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }
}
