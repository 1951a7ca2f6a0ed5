import PromModel

extension Simulation {
    /// Writes an OpenMetrics backfill of [start, end] every `interval` ms, for
    /// `promtool tsdb create-blocks-from openmetrics`: one block per metric family (all five
    /// services' series, with `job` and `instance` as `samples(at:)` gives them), each series'
    /// samples in time order, timestamps in seconds, `# EOF` last. Counter families are
    /// named without `_total` on their TYPE line, as OpenMetrics requires.
    ///
    /// Output goes to `write` a family at a time, so long ranges never sit in memory as text.
    public func writeOpenMetrics(
        start: Timestamp, end: Timestamp, interval: Int64, to write: (String) throws -> Void
    ) rethrows {
        let times = Array(stride(from: start, through: end, by: Int(max(interval, 1))))
        guard let first = times.first else {
            try write("# EOF\n")
            return
        }

        struct Column {
            let family: Int
            let name: String
            let labels: [Label]
        }
        struct FamilyHead {
            let name: String
            let type: MetricType
            let help: String
            var columns: [Int] = []
        }

        // Series identities from the first instant; plans are fixed, so every instant lists
        // the same series in the same order.
        var heads: [FamilyHead] = []
        var columns: [Column] = []
        for service in Service.all {
            let target = [Label("job", service.name), Label("instance", service.instance)]
            for family in families(of: service, in: context(at: first)) {
                let index = heads.firstIndex { $0.name == family.name } ?? {
                    heads.append(FamilyHead(name: family.name, type: family.type, help: family.help))
                    return heads.count - 1
                }()
                for sample in family.samples {
                    heads[index].columns.append(columns.count)
                    columns.append(Column(family: index, name: sample.name, labels: sample.labels + target))
                }
            }
        }

        var values = [Double](repeating: 0, count: columns.count * times.count)
        for (row, time) in times.enumerated() {
            let context = context(at: time)
            var column = 0
            for service in Service.all {
                for family in families(of: service, in: context) {
                    for sample in family.samples {
                        values[column * times.count + row] = sample.value
                        column += 1
                    }
                }
            }
        }

        let stamps = times.map(formatSeconds)
        for head in heads {
            let familyName = head.type == .counter && head.name.hasSuffix("_total") ? String(head.name.dropLast(6)) : head.name
            var text = "# HELP \(familyName) \(head.help)\n# TYPE \(familyName) \(head.type.rawValue)\n"
            for index in head.columns {
                let column = columns[index]
                let series = column.name + "{" + column.labels.map { "\($0.name)=\(escapedValue($0.value))" }
                    .joined(separator: ",") + "} "
                for row in times.indices {
                    text += series + formatValue(values[index * times.count + row]) + " " + stamps[row] + "\n"
                }
            }
            try write(text)
        }
        try write("# EOF\n")
    }

    /// The whole backfill as one string (for tests and short ranges).
    public func openMetrics(start: Timestamp, end: Timestamp, interval: Int64) -> String {
        var text = ""
        writeOpenMetrics(start: start, end: end, interval: interval) { text += $0 }
        return text
    }
}

/// Milliseconds as OpenMetrics seconds: "1700000000" or "1700000000.5".
func formatSeconds(_ time: Timestamp) -> String {
    let seconds = time.quotientAndRemainder(dividingBy: 1000)
    guard seconds.remainder != 0 else { return String(seconds.quotient) }
    var fraction = String(abs(seconds.remainder))
    fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return "\(seconds.quotient).\(fraction)"
}
