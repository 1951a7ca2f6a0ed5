/// Replaces template variables in PromQL and titles the way Grafana's templateSrv does for
/// a Prometheus datasource.
///
/// Without a format, values go through the Prometheus datasource's `interpolateQueryExpr`
/// (grafana/grafana packages/grafana-prometheus/src/datasource.ts): a variable that is
/// neither multi nor includeAll is escaped for a PromQL string (`\` → `\\`, `'` → `\\'`);
/// otherwise every value is regex-escaped for a PromQL string and several (or no) values
/// become `(a|b)` (`()`). "All" expands to `allValue` verbatim, or else to every option. Unknown names
/// are left as written, as Grafana does.
public struct TemplateInterpolator: Sendable {
    private var variablesByName: [String: Variable]
    /// Values of built-in variables by name without `$` ("__interval" → "30s").
    public var builtIns: [String: String]

    public init(variables: [Variable], builtIns: [String: String] = [:]) {
        var byName: [String: Variable] = [:]
        for variable in variables where byName[variable.name] == nil { byName[variable.name] = variable }
        variablesByName = byName
        self.builtIns = builtIns
    }

    /// Whether `name` resolves (a dashboard variable or a provided built-in).
    public func defines(_ name: String) -> Bool {
        variablesByName[name] != nil || builtIns[name] != nil
    }

    /// `text` with every known variable replaced.
    public func interpolate(_ text: String) -> String {
        // Most legends and many expressions reference nothing: no bytes copied, no map.
        VariableReference.mayOccur(in: text) ? interpolateMapped(text).text : text
    }

    /// `text` interpolated for display (panel titles, legends): references without a format
    /// take Grafana's `text` format instead of PromQL escaping.
    public func interpolateText(_ text: String) -> String {
        VariableReference.mayOccur(in: text) ? interpolateMapped(text, defaultFormat: "text").text : text
    }

    /// This interpolator with some variables fixed to one value each (a repeated panel's
    /// `scopedVariables`): they keep their definition, so formatting is as for a selection
    /// of that single value; names that are not dashboard variables become constants.
    public func scoped(_ values: [String: String]) -> TemplateInterpolator {
        guard !values.isEmpty else { return self }
        var copy = self
        for (name, value) in values {
            var variable = variablesByName[name] ?? Variable(name: name, kind: .constant)
            variable.current = [value]
            copy.variablesByName[name] = variable
        }
        return copy
    }

    /// `text` interpolated, plus a map from offsets in the result back to offsets in `text`.
    public func interpolateMapped(_ text: String, defaultFormat: String? = nil) -> (text: String, map: SubstitutionMap) {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var segments: [SubstitutionMap.Segment] = []
        var cursor = 0
        func copyLiteral(upTo end: Int) {
            guard end > cursor else { return }
            segments.append(.init(output: output.count..<(output.count + end - cursor), source: cursor..<end, isLiteral: true))
            output.append(contentsOf: bytes[cursor..<end])
        }
        for var reference in VariableReference.scan(bytes) {
            if reference.format == nil { reference.format = defaultFormat }
            guard let value = value(of: reference) else { continue }
            copyLiteral(upTo: reference.range.lowerBound)
            let replacement = Array(value.utf8)
            segments.append(.init(output: output.count..<(output.count + replacement.count), source: reference.range, isLiteral: false))
            output.append(contentsOf: replacement)
            cursor = reference.range.upperBound
        }
        copyLiteral(upTo: bytes.count)
        return (String(decoding: output, as: UTF8.self),
                SubstitutionMap(segments: segments, sourceLength: bytes.count, outputLength: output.count))
    }

    /// The text a reference becomes, or nil when its name is unknown.
    public func value(of reference: VariableReference) -> String? {
        if let builtIn = builtIns[reference.name] { return builtIn }
        guard let variable = variablesByName[reference.name] else { return nil }
        let selected = variable.current
        let isAll = selected.contains(Variable.allValueMarker)
        if isAll, let allValue = variable.allValue, reference.format != "text", reference.format != "percentencode" {
            // Grafana skips formatting for a custom all value.
            return allValue
        }
        var values = selected
        if isAll {
            // With no options All is the empty list, as in Grafana (scenes' MultiValueVariable
            // getValue): `=~"$v"` becomes `=~"()"`, which matches only an absent label.
            values = variable.options.filter { $0 != Variable.allValueMarker }
        }
        return VariableFormat.apply(reference.format, arguments: reference.formatArguments,
                                    values: values, isAll: isAll, variable: variable)
    }
}

/// Maps byte offsets in an interpolated text back to the text as written: an offset inside
/// a substituted value maps to the start of the variable reference that produced it.
public struct SubstitutionMap: Hashable, Sendable {
    struct Segment: Hashable, Sendable {
        var output: Range<Int>
        var source: Range<Int>
        var isLiteral: Bool
    }

    let segments: [Segment]
    let sourceLength: Int
    let outputLength: Int

    /// The source offset (UTF-8 bytes) of output offset `offset`.
    public func sourceOffset(forOutputOffset offset: Int) -> Int {
        for segment in segments where segment.output.contains(offset) {
            return segment.isLiteral ? segment.source.lowerBound + (offset - segment.output.lowerBound) : segment.source.lowerBound
        }
        return offset >= outputLength ? sourceLength : min(max(0, offset), sourceLength)
    }
}

extension TemplateInterpolator {
    /// `text` with each reference replaced by its first value (All: the first option), as
    /// Grafana resolves a datasource reference such as `${ds}`: a multi-value datasource
    /// variable outside a repeat picks its first datasource (variableInterpolation in
    /// public/app/features/plugins/datasource_srv.ts).
    public func interpolateFirstValue(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var cursor = 0
        for reference in VariableReference.scan(bytes) {
            let value: String
            if let builtIn = builtIns[reference.name] {
                value = builtIn
            } else if let variable = variablesByName[reference.name] {
                let selected = variable.current
                value = selected.contains(Variable.allValueMarker)
                    ? variable.options.first { $0 != Variable.allValueMarker } ?? ""
                    : selected.first ?? ""
            } else {
                continue
            }
            output.append(contentsOf: bytes[cursor..<reference.range.lowerBound])
            output.append(contentsOf: Array(value.utf8))
            cursor = reference.range.upperBound
        }
        output.append(contentsOf: bytes[cursor..<bytes.count])
        return String(decoding: output, as: UTF8.self)
    }
}
