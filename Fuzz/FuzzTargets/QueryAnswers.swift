import PromModel

/// Query results as a server could send them: empty, NaN and infinities, huge and tiny
/// values, odd label values, samples across the window.
enum QueryAnswers {
    static let values: [Double] = [0, 1, -1, 0.5, 42, 1e9, -1e300, 1e308, .greatestFiniteMagnitude, .leastNonzeroMagnitude, .nan, .infinity, -.infinity]

    static func response(_ reader: inout FuzzReader, now: Timestamp) -> QueryResponse {
        let warnings = reader.choice(6) == 0 ? [reader.string(limit: 30)] : []
        let count = reader.choice(6)
        switch reader.choice(5) {
        case 0:
            return QueryResponse(result: .vector((0..<count).map { _ in
                InstantSample(labels: labels(&reader), sample: Sample(now, value(&reader)))
            }), warnings: warnings)
        case 1, 2:
            let points = reader.choice(40)
            let step = Int64(reader.choice(4) + 1) * 15_000
            return QueryResponse(result: .matrix((0..<count).map { _ in
                Series(labels: labels(&reader), samples: (0..<points).map { index in
                    Sample(now - Int64(points - index) * step, value(&reader))
                })
            }), warnings: warnings)
        case 3:
            return QueryResponse(result: .scalar(Sample(now, value(&reader))), warnings: warnings)
        default:
            return QueryResponse(result: .string(reader.string(limit: 20), timestamp: now), warnings: warnings)
        }
    }

    static func alerts(_ reader: inout FuzzReader, now: Timestamp) -> [Alert] {
        let states: [Alert.State] = [.inactive, .pending, .firing]
        return (0..<reader.choice(30)).map { _ in
            Alert(labels: labels(&reader), annotations: ["summary": reader.string(limit: 40)], state: reader.element(of: states),
                  activeAt: reader.choice(3) == 0 ? nil : now - Int64(reader.byte()) * 60_000, value: value(&reader))
        }
    }

    private static func value(_ reader: inout FuzzReader) -> Double {
        reader.choice(3) == 0 ? Double(reader.uint32()) / 100 : reader.element(of: values)
    }

    private static func labels(_ reader: inout FuzzReader) -> Labels {
        let names = ["__name__", "job", "instance", "service", "le", "symbol", "status"]
        var pairs: [String: String] = [:]
        for _ in 0..<reader.choice(4) { pairs[reader.element(of: names)] = reader.string(limit: 16) }
        return Labels(pairs)
    }
}
