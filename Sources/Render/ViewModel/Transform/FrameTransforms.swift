import PromModel
import Dashboards

/// Transformations that combine or reshape whole frames.
enum FrameTransforms {
    /// merge.ts: one table of every field (by name, first appearance first); rows whose
    /// fields common to all frames agree merge into one where they do not contradict.
    /// Without a field common to all frames the frames stay as they are.
    static func merge(_ input: [DataFrame]) -> [DataFrame] {
        let frames = input.filter { !$0.fields.isEmpty }
        guard input.count > 1, !frames.isEmpty else { return input.isEmpty ? input : [frames.first ?? input[0]] }
        var names: [String] = []
        var kinds: [String: DataField.Kind] = [:]
        for frame in frames {
            for field in frame.fields where kinds[field.name] == nil {
                names.append(field.name)
                kinds[field.name] = field.kind
            }
        }
        let keyNames = (frames.last?.fields.map(\.name) ?? []).filter { name in frames.allSatisfy { $0.fields.contains { $0.name == name } } }
        guard !keyNames.isEmpty else { return input }
        var rowsByKey: [String: [[String: FieldValue]]] = [:]
        var order: [(key: String, index: Int)] = []
        for frame in frames {
            var byName: [String: DataField] = [:]
            for field in frame.fields where byName[field.name] == nil { byName[field.name] = field }
            for row in 0..<frame.length {
                let key = keyNames.map { byName[$0].map { row < $0.values.count ? $0.values[row].text : "" } ?? "" }.joined(separator: "\u{1F}")
                var value: [String: FieldValue] = [:]
                for (name, field) in byName { value[name] = row < field.values.count ? field.values[row] : .null }
                var existing = rowsByKey[key] ?? []
                var merged = false
                for i in existing.indices where mergeable(existing[i], value) {
                    existing[i].merge(value) { _, new in new }
                    merged = true
                }
                if !merged {
                    existing.append(value)
                    order.append((key, existing.count - 1))
                }
                rowsByKey[key] = existing
            }
        }
        let rows = order.compactMap { rowsByKey[$0.key]?[$0.index] }
        let fields = names.map { name in
            DataField(name: name, kind: kinds[name] ?? .string, values: rows.map { $0[name] ?? .null })
        }
        return [DataFrame(refId: frames[0].refId, fields: fields)]
    }

    /// isMergable: every value agrees with the existing row where that row has one.
    static func mergeable(_ existing: [String: FieldValue], _ value: [String: FieldValue]) -> Bool {
        value.allSatisfy { name, v in
            guard let old = existing[name], old != .null else { return true }
            return old == v
        }
    }

    /// joinByField (seriesToColumns): one frame keyed by `byField` (default each frame's
    /// first time field) holding every other field; "outer" (the default) keeps every key,
    /// "inner" only keys all frames have. Keys sort ascending, as joinDataFrames does.
    static func joinByField(_ frames: [DataFrame], _ options: JSONValue) -> [DataFrame] {
        let byField = options["byField"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        let inner = options["mode"]?.string == "inner"
        func keyIndex(_ frame: DataFrame) -> Int? {
            if let byField { return frame.fields.firstIndex { $0.shownName == byField || $0.name == byField } }
            return frame.fields.firstIndex { $0.kind == .time }
        }
        let keyed = frames.compactMap { frame in keyIndex(frame).map { (frame, $0) } }
        guard keyed.count > 1 || (keyed.count == 1 && frames.count == 1) else { return frames }
        var keys: [FieldValue] = []
        var seen = Set<FieldValue>()
        var counts: [FieldValue: Int] = [:]
        for (frame, index) in keyed {
            var inFrame = Set<FieldValue>()
            for value in frame.fields[index].values where value != .null {
                if seen.insert(value).inserted { keys.append(value) }
                if inFrame.insert(value).inserted { counts[value, default: 0] += 1 }
            }
        }
        if inner { keys = keys.filter { counts[$0] == keyed.count } }
        keys.sort { a, b in
            if let x = a.number, let y = b.number, x != y { return x < y }
            return a.text < b.text
        }
        let first = keyed[0].0.fields[keyed[0].1]
        var fields = [DataField(name: first.name, kind: first.kind, values: keys, displayName: byField == nil ? nil : first.displayName)]
        for (frame, index) in keyed {
            var rowOf: [FieldValue: Int] = [:]
            for (row, value) in frame.fields[index].values.enumerated() where rowOf[value] == nil { rowOf[value] = row }
            for (f, field) in frame.fields.enumerated() where f != index {
                var joined = field
                joined.values = keys.map { key in rowOf[key].map { $0 < field.values.count ? field.values[$0] : .null } ?? .null }
                fields.append(joined)
            }
        }
        return [DataFrame(refId: keyed[0].0.refId, fields: fields)]
    }

    /// reduce.ts. "seriesToRows" (the default): one row per number field of every frame —
    /// its name ("Field"; with `labelsToFields` the field name and a column per label) and
    /// one column per reducer. "reduceFields": each frame keeps its number fields, reduced
    /// to one value per reducer.
    static func reduce(_ frames: [DataFrame], _ options: JSONValue) -> [DataFrame] {
        var reducers = options["reducers"]?.array?.compactMap(\.string) ?? []
        if reducers.isEmpty { reducers = ["lastNotNull"] }
        let includeTime = options["includeTimeField"]?.bool ?? false
        func reduced(_ field: DataField, _ id: String, _ frame: DataFrame) -> FieldValue {
            let times = frame.fields.first { $0.kind == .time }?.values.map { Timestamp($0.number ?? 0) } ?? []
            return Reducer.reduce(field.values.map(\.number), id: id, timestamps: times).map(FieldValue.number) ?? .null
        }
        func inputs(_ frame: DataFrame) -> [DataField] {
            frame.fields.filter { $0.kind == .number || (includeTime && $0.kind == .time) }
        }
        if options["mode"]?.string == "reduceFields" {
            return frames.map { frame in
                DataFrame(refId: frame.refId, fields: inputs(frame).flatMap { field in
                    reducers.map { id in
                        var copy = field
                        copy.values = [reduced(field, id, frame)]
                        if reducers.count > 1 { copy.displayName = field.shownName + " " + Reducer.displayName(id) }
                        return copy
                    }
                })
            }
        }
        let labelsToFields = options["labelsToFields"]?.bool ?? false
        var names: [FieldValue] = []
        var labelColumns: [String] = []
        var labelRows: [Labels] = []
        var calcs = Array(repeating: [FieldValue](), count: reducers.count)
        for frame in frames {
            for field in inputs(frame) {
                names.append(.string(labelsToFields ? field.name : field.shownName))
                labelRows.append(field.labels)
                for label in field.labels where !labelColumns.contains(label.name) { labelColumns.append(label.name) }
                for (i, id) in reducers.enumerated() { calcs[i].append(reduced(field, id, frame)) }
            }
        }
        var fields = [DataField(name: "Field", kind: .string, values: names)]
        if labelsToFields {
            fields += labelColumns.map { name in DataField(name: name, kind: .string, values: labelRows.map { $0[name].map(FieldValue.string) ?? .null }) }
        }
        fields += zip(reducers, calcs).map { DataField(name: Reducer.displayName($0), kind: .number, values: $1) }
        return [DataFrame(refId: frames.first?.refId ?? "A", fields: fields)]
    }

    /// seriesToRows.ts: every series' points as rows of Time, Metric (its name) and Value,
    /// newest first.
    static func seriesToRows(_ frames: [DataFrame]) -> [DataFrame] {
        guard frames.count > 1 else { return frames }
        var rows: [(time: Double, metric: String, value: FieldValue)] = []
        for frame in frames {
            guard let time = frame.fields.first(where: { $0.kind == .time }) else { continue }
            for field in frame.fields where field.kind == .number {
                for (row, value) in field.values.enumerated() where row < time.values.count {
                    rows.append((time.values[row].number ?? 0, field.shownName, value))
                }
            }
        }
        let sorted = rows.enumerated().sorted { $0.element.time != $1.element.time ? $0.element.time > $1.element.time : $0.offset < $1.offset }.map(\.element)
        return [DataFrame(refId: frames[0].refId, fields: [
            DataField(name: "Time", kind: .time, values: sorted.map { .number($0.time) }),
            DataField(name: "Metric", kind: .string, values: sorted.map { .string($0.metric) }),
            DataField(name: "Value", kind: .number, values: sorted.map(\.value)),
        ])]
    }
}
