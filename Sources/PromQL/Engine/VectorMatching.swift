import Foundation
import PromModel

extension Evaluator {
    func evalBinary(_ binary: BinaryExpr, at ts: Timestamp) throws(QueryError) -> Value {
        let lhs = try eval(binary.lhs, at: ts)
        let rhs = try eval(binary.rhs, at: ts)
        let op = binary.op
        switch (lhs, rhs) {
        case (.scalar(let l), .scalar(let r)):
            return .scalar(BinaryOperation.scalar(op, l, r))
        case (.vector(let l), .vector(let r)):
            let matching = binary.matching
                ?? VectorMatching(card: op.isSetOperator ? .manyToMany : .oneToOne)
            let result: [EvalSample]
            switch op {
            case .land: result = BinaryOperation.and(l, r, matching, labelCache)
            case .lor: result = BinaryOperation.or(l, r, matching, labelCache)
            case .lunless: result = BinaryOperation.unless(l, r, matching, labelCache)
            default:
                result = try BinaryOperation.vectors(
                    op, l, r, matching, returnBool: binary.returnBool, ts: ts, version: promQLVersion, labelCache: labelCache)
            }
            try labelCache.checkUnique(result)
            return .vector(result)
        case (.vector(let l), .scalar(let r)):
            let result = BinaryOperation.vectorScalar(
                op, l, r, swap: false, returnBool: binary.returnBool, ts: ts, version: promQLVersion, labelCache: labelCache)
            try labelCache.checkUnique(result)
            return .vector(result)
        case (.scalar(let l), .vector(let r)):
            let result = BinaryOperation.vectorScalar(
                op, r, l, swap: true, returnBool: binary.returnBool, ts: ts, version: promQLVersion, labelCache: labelCache)
            try labelCache.checkUnique(result)
            return .vector(result)
        default:
            throw QueryError(.internal, "binary \(op) between \(lhs.typeName) and \(rhs.typeName)")
        }
    }
}

/// Binary operators between scalars and vectors with Prometheus's matching rules.
enum BinaryOperation {
    /// Arithmetic drops the metric name; comparisons (without `bool`) and set operators keep it.
    /// 3.x counts atan2 as arithmetic too (engine.go changesMetricSchema).
    static func dropsMetricName(_ op: BinaryOp, _ version: PromQLVersion) -> Bool {
        switch op {
        case .add, .sub, .mul, .div, .pow, .mod: true
        case .atan2: version == .v3
        default: false
        }
    }

    static func scalar(_ op: BinaryOp, _ l: Double, _ r: Double) -> Double {
        let (value, keep) = element(op, l, r)
        return op.isComparison ? (keep ? 1 : 0) : value
    }

    /// The value and, for comparisons, whether the pair is kept (vectorElemBinop).
    static func element(_ op: BinaryOp, _ l: Double, _ r: Double) -> (Double, Bool) {
        switch op {
        case .add: (l + r, true)
        case .sub: (l - r, true)
        case .mul: (l * r, true)
        case .div: (l / r, true)
        case .pow: (Foundation.pow(l, r), true)
        case .mod: (fmod(l, r), true)
        case .atan2: (Foundation.atan2(l, r), true)
        case .eql: (l, l == r)
        case .neq: (l, l != r)
        case .gtr: (l, l > r)
        case .lss: (l, l < r)
        case .gte: (l, l >= r)
        case .lte: (l, l <= r)
        case .land, .lor, .lunless: (.nan, false)
        // Trimming applies to native histograms; between floats there is no result
        // (engine.go vectorElemBinop, with an info annotation).
        case .trimUpper, .trimLower: (.nan, false)
        }
    }

    static func signature(_ labels: Labels, _ matching: VectorMatching) -> Labels {
        matching.on ? labels.keeping(matching.matchingLabels) : labels.removing(matching.matchingLabels + [Labels.metricName])
    }

    /// The match signatures of a vector's elements, interned (LabelCache) so that they are
    /// compared by identity: once per series of the query rather than once per step.
    static func signatures(_ matching: VectorMatching, _ cache: LabelCache) -> Signatures {
        Signatures(matching: matching, cache: cache, memo: cache.memo(.signature(on: matching.on, matching.matchingLabels)))
    }

    /// A struct rather than a closure, which would be allocated at every step.
    struct Signatures {
        let matching: VectorMatching
        let cache: LabelCache
        let memo: LabelsMemo<Labels>

        func callAsFunction(_ labels: Labels) -> LabelsIdentity {
            LabelsIdentity(cache.transformed(labels, memo) { signature($0, matching) })
        }
    }

    static func and(_ lhs: [EvalSample], _ rhs: [EvalSample], _ matching: VectorMatching, _ cache: LabelCache = LabelCache()) -> [EvalSample] {
        if lhs.isEmpty || rhs.isEmpty { return [] }
        let sig = signatures(matching, cache)
        let right = Set(rhs.map { sig($0.labels) })
        return lhs.filter { right.contains(sig($0.labels)) }
    }

    static func or(_ lhs: [EvalSample], _ rhs: [EvalSample], _ matching: VectorMatching, _ cache: LabelCache = LabelCache()) -> [EvalSample] {
        if lhs.isEmpty { return rhs }
        if rhs.isEmpty { return lhs }
        let sig = signatures(matching, cache)
        let left = Set(lhs.map { sig($0.labels) })
        return lhs + rhs.filter { !left.contains(sig($0.labels)) }
    }

    static func unless(_ lhs: [EvalSample], _ rhs: [EvalSample], _ matching: VectorMatching, _ cache: LabelCache = LabelCache()) -> [EvalSample] {
        if lhs.isEmpty || rhs.isEmpty { return lhs }
        let sig = signatures(matching, cache)
        let right = Set(rhs.map { sig($0.labels) })
        return lhs.filter { !right.contains(sig($0.labels)) }
    }

    static func vectors(
        _ op: BinaryOp, _ lhsIn: [EvalSample], _ rhsIn: [EvalSample], _ matching: VectorMatching, returnBool: Bool, ts: Timestamp,
        version: PromQLVersion = .v3, labelCache: LabelCache = LabelCache()
    ) throws(QueryError) -> [EvalSample] {
        if lhsIn.isEmpty || rhsIn.isEmpty { return [] }
        let swapped = matching.card == .oneToMany
        let (lhs, rhs) = swapped ? (rhsIn, lhsIn) : (lhsIn, rhsIn)
        let pairing = Pairing(op: op, matching: matching, returnBool: returnBool, ts: ts, version: version, labelCache: labelCache, swapped: swapped)
        // The right side's signatures and which of them were matched live in temporary
        // storage, on the stack for small vectors: allocating tables at every step was most
        // of a small vector's operation (a one-series ratio).
        return try withUnsafeTemporaryAllocation(of: LabelsIdentity.self, capacity: rhs.count) { (signatures) throws(QueryError) in
            try withUnsafeTemporaryAllocation(of: Bool.self, capacity: rhs.count) { (matched) throws(QueryError) in
                try pairing.pair(lhs, rhs, rightSignatures: signatures, matchedOneToOne: matched)
            }
        }
    }

    /// One vector-to-vector operation at one step (engine.go VectorBinop).
    struct Pairing {
        let op: BinaryOp
        let matching: VectorMatching
        let returnBool: Bool
        let ts: Timestamp
        let version: PromQLVersion
        let labelCache: LabelCache
        let swapped: Bool
        let signatureOf: Signatures
        /// Without group_x labels copied from the other side, the result's labels depend on
        /// the left element's alone, so they are remembered per series as well.
        let resultMemo: LabelsMemo<Labels>?

        init(op: BinaryOp, matching: VectorMatching, returnBool: Bool, ts: Timestamp, version: PromQLVersion, labelCache: LabelCache, swapped: Bool) {
            (self.op, self.matching, self.returnBool, self.ts, self.version, self.labelCache, self.swapped) =
                (op, matching, returnBool, ts, version, labelCache, swapped)
            signatureOf = signatures(matching, labelCache)
            resultMemo = matching.include.isEmpty
                ? labelCache.memo(.binaryResult(dropName: dropsMetricName(op, version) || returnBool, oneToOne: matching.card == .oneToOne, on: matching.on, matching.matchingLabels))
                : nil
        }

        func pair(
            _ lhs: [EvalSample], _ rhs: [EvalSample],
            rightSignatures: UnsafeMutableBufferPointer<LabelsIdentity>, matchedOneToOne: UnsafeMutableBufferPointer<Bool>
        ) throws(QueryError) -> [EvalSample] {
            for (index, sample) in rhs.enumerated() { rightSignatures.initializeElement(at: index, to: signatureOf(sample.labels)) }
            matchedOneToOne.initialize(repeating: false)
            // Few elements on the right are searched one by one rather than through a table.
            var table: [LabelsIdentity: Int]?
            if rhs.count > linearSearchLimit {
                var built = [LabelsIdentity: Int](minimumCapacity: rhs.count)
                for (index, sig) in rightSignatures.enumerated() {
                    if let duplicate = built.updateValue(index, forKey: sig) {
                        throw duplicateMatch(rhs[index], rhs[duplicate], matching, swapped: swapped)
                    }
                }
                table = built
            } else {
                for index in rightSignatures.indices.dropFirst() {
                    if let duplicate = rightSignatures[..<index].firstIndex(of: rightSignatures[index]) {
                        throw duplicateMatch(rhs[index], rhs[duplicate], matching, swapped: swapped)
                    }
                }
            }

            var matchedMany: [LabelsIdentity: Set<Labels>] = [:]
            var out: [EvalSample] = []
            out.reserveCapacity(lhs.count)
            for left in lhs {
                let sig = signatureOf(left.labels)
                let found = if let table { table[sig] } else { rightSignatures.firstIndex(of: sig) }
                guard let rightIndex = found else { continue }
                let match = rhs[rightIndex]
                let (vl, vr) = swapped ? (match.v, left.v) : (left.v, match.v)
                var (value, keep) = element(op, vl, vr)
                if returnBool {
                    value = keep ? 1 : 0
                } else if !keep && version == .v2 {
                    continue
                }
                let metric: Labels
                if let resultMemo {
                    metric = labelCache.transformed(left.labels, resultMemo) { labels in
                        let metric = resultMetric(labels, Labels(), op, matching, version)
                        return returnBool ? metric.withoutName : metric
                    }
                } else {
                    let full = resultMetric(left.labels, match.labels, op, matching, version)
                    metric = returnBool ? full.withoutName : full
                }
                if matching.card == .oneToOne {
                    if matchedOneToOne[rightIndex] {
                        throw QueryError.execution("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")
                    }
                    matchedOneToOne[rightIndex] = true
                } else if !matchedMany[sig, default: []].insert(metric).inserted {
                    throw QueryError.execution("multiple matches for labels: grouping labels must ensure unique matches")
                }
                // 3.x checks the matching before a comparison filters the pair out.
                if !keep && !returnBool { continue }
                out.append(EvalSample(labels: metric, t: ts, v: value))
            }
            return out
        }
    }

    /// Up to this many elements on the right are searched one by one.
    static let linearSearchLimit = 8

    static func duplicateMatch(_ sample: EvalSample, _ duplicate: EvalSample, _ matching: VectorMatching, swapped: Bool) -> QueryError {
        QueryError.execution(
            "found duplicate series for the match group \(goString(signature(sample.labels, matching))) on the \(swapped ? "left" : "right") hand-side of the operation: [\(goString(sample.labels)), \(goString(duplicate.labels))];many-to-many matching not allowed: matching labels must be unique on one side")
    }

    static func resultMetric(_ lhs: Labels, _ rhs: Labels, _ op: BinaryOp, _ matching: VectorMatching, _ version: PromQLVersion) -> Labels {
        var labels = lhs
        if dropsMetricName(op, version) { labels = labels.withoutName }
        if matching.card == .oneToOne {
            labels = matching.on ? labels.keeping(matching.matchingLabels) : labels.removing(matching.matchingLabels)
        }
        for name in matching.include {
            labels.set(name, rhs[name] ?? "")
        }
        return labels
    }

    static func vectorScalar(
        _ op: BinaryOp, _ vector: [EvalSample], _ scalar: Double, swap: Bool, returnBool: Bool, ts: Timestamp,
        version: PromQLVersion = .v3, labelCache: LabelCache = LabelCache()
    ) -> [EvalSample] {
        let dropsName = dropsMetricName(op, version) || returnBool
        let memo = labelCache.memo(.withoutName)
        var out: [EvalSample] = []
        for sample in vector {
            let (l, r) = swap ? (scalar, sample.v) : (sample.v, scalar)
            var (value, keep) = element(op, l, r)
            // A comparison keeps the vector element's own value even with the scalar on the left.
            if op.isComparison && swap { value = r }
            if returnBool {
                value = keep ? 1 : 0
                keep = true
            }
            guard keep else { continue }
            let labels = dropsName ? labelCache.transformed(sample.labels, memo, \.withoutName) : sample.labels
            out.append(EvalSample(labels: labels, t: ts, v: value))
        }
        return out
    }

    /// Go's labels.String(): `{a="b", c="d"}` including `__name__`.
    static func goString(_ labels: Labels) -> String {
        "{" + labels.map { "\($0.name)=\(PromQLString.quote($0.value))" }.joined(separator: ", ") + "}"
    }
}
