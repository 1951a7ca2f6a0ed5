import Foundation
import PromModel

extension FunctionTable {
    static let labelFunctions: [String: FunctionImplementation] = [
        "label_replace": .instant { input throws(QueryError) in try labelReplace(input) },
        "label_join": .instant { input throws(QueryError) in try labelJoin(input) },
        "absent": .instant { input throws(QueryError) in
            if !(try input.vector(0)).isEmpty { return .vector([]) }
            return .vector([EvalSample(labels: Evaluator.absentLabels(input.exprs[0]), t: input.ts, v: 1)])
        },
    ]

    /// 3.x validates label names as UTF-8 (`model.UTF8Validation`): any non-empty valid
    /// UTF-8 name. A Swift string holds an invalid byte (`"\\xff"`) as U+FFFD, so that
    /// stands for one. 2.42 wants `[a-zA-Z_][a-zA-Z0-9_]*`.
    static func isValidLabelName(_ name: String, _ version: PromQLVersion) -> Bool {
        if version == .v3 { return !name.isEmpty && !name.unicodeScalars.contains("\u{FFFD}") }
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    static func labelReplace(_ input: InstantFunctionInput) throws(QueryError) -> Value {
        let vector = try input.vector(0)
        let destination = try input.string(1), replacement = try input.string(2)
        let source = try input.string(3), pattern = try input.string(4)
        // 3.x anchors as `^(?s:…)$`: `.` matches a newline (functions.go evalLabelReplace).
        let flags = input.promQLVersion == .v3 ? "s" : ""
        let compile = { (pattern: String) throws(QueryError) -> NSRegularExpression in
            do {
                // Go's named groups are (?P<name>…); ICU spells them (?<name>…).
                let icuPattern = pattern.replacingOccurrences(of: "(?P<", with: "(?<")
                return try NSRegularExpression(pattern: "^(?\(flags):\(icuPattern))$")
            } catch {
                throw QueryError.execution("invalid regular expression in label_replace(): \(pattern)")
            }
        }
        let regex: NSRegularExpression
        if let cache = input.labelCache {
            regex = try cache.regex(flags + ":" + pattern) { () throws(QueryError) in try compile(pattern) }
        } else {
            regex = try compile(pattern)
        }
        guard isValidLabelName(destination, input.promQLVersion) else {
            throw QueryError.execution("invalid destination label name in label_replace(): \(destination)")
        }
        func rewrite(_ labels: Labels) -> Labels {
            let sourceValue = labels[source] ?? ""
            let range = NSRange(sourceValue.startIndex..., in: sourceValue)
            guard let match = regex.firstMatch(in: sourceValue, range: range) else { return labels }
            return labels.setting(destination, expand(replacement, match: match, in: sourceValue))
        }
        let transformation = LabelCache.Transformation.labelReplace(destination: destination, replacement: replacement, source: source, pattern: flags + pattern)
        return .vector(rewritten(vector, input: input, transformation, rewrite))
    }

    /// Each element with its labels rewritten, once per series across a range query's steps
    /// when the evaluator remembers label work (the rewrite depends on the labels alone).
    static func rewritten(_ vector: [EvalSample], input: InstantFunctionInput, _ transformation: LabelCache.Transformation,
                          _ rewrite: (Labels) -> Labels) -> [EvalSample] {
        guard let cache = input.labelCache else {
            return vector.map { EvalSample(labels: rewrite($0.labels), t: $0.t, v: $0.v) }
        }
        let memo = cache.memo(transformation)
        return vector.map { EvalSample(labels: cache.transformed($0.labels, memo, rewrite), t: $0.t, v: $0.v) }
    }

    /// Go's Regexp.ExpandString: `$1`, `${1}`, `$name`, `${name}`, `$$`; a name is the
    /// longest run of letters, digits and underscores, so `$1x` means the group "1x".
    static func expand(_ template: String, match: NSTextCheckingResult, in source: String) -> String {
        let chars = Array(template.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func group(_ range: NSRange) -> String {
            guard range.location != NSNotFound, let r = Range(range, in: source) else { return "" }
            return String(source[r])
        }
        while i < chars.count {
            guard chars[i] == "$" else { out.append(chars[i]); i += 1; continue }
            i += 1
            if i < chars.count && chars[i] == "$" { out.append("$"); i += 1; continue }
            var j = i
            let brace = j < chars.count && chars[j] == "{"
            if brace { j += 1 }
            let nameStart = j
            while j < chars.count, chars[j] == "_" || (chars[j].isASCII && (chars[j].properties.isAlphabetic || ("0"..."9").contains(chars[j]))) { j += 1 }
            let name = String(String.UnicodeScalarView(chars[nameStart..<j]))
            if name.isEmpty || (brace && (j >= chars.count || chars[j] != "}")) {
                out.append("$")
                continue
            }
            if brace { j += 1 }
            i = j
            var number = -1
            if name.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }), !(name.hasPrefix("0") && name.count > 1), name.count <= 8 {
                number = Int(name) ?? -1
            }
            if number >= 0 {
                if number < match.numberOfRanges { out.append(contentsOf: group(match.range(at: number)).unicodeScalars) }
            } else {
                out.append(contentsOf: group(match.range(withName: name)).unicodeScalars)
            }
        }
        return String(out)
    }

    static func labelJoin(_ input: InstantFunctionInput) throws(QueryError) -> Value {
        let vector = try input.vector(0)
        let destination = try input.string(1), separator = try input.string(2)
        var sources: [String] = []
        for index in 3..<input.args.count {
            let source = try input.string(index)
            guard isValidLabelName(source, input.promQLVersion) else {
                throw QueryError.execution("invalid source label name in label_join(): \(source)")
            }
            sources.append(source)
        }
        guard isValidLabelName(destination, input.promQLVersion) else {
            throw QueryError.execution("invalid destination label name in label_join(): \(destination)")
        }
        let transformation = LabelCache.Transformation.labelJoin(destination: destination, separator: separator, sources: sources)
        return .vector(rewritten(vector, input: input, transformation) { labels in
            labels.setting(destination, sources.map { labels[$0] ?? "" }.joined(separator: separator))
        })
    }
}
