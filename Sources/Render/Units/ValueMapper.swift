import Foundation
import Dashboards

/// Applies Grafana value mappings in order; the first that matches wins.
public enum ValueMapper {
    public static func match(_ value: Double?, text: String? = nil, mappings: [ValueMapping]) -> MappingResult? {
        guard !mappings.isEmpty else { return nil }
        // The value's text only for a value or regex mapping: formatting it for every cell of
        // a table without mappings was an eighth of building the table.
        var formatted: String?
        func valueText() -> String {
            if let formatted { return formatted }
            let made = text ?? value.map(NumberText.js) ?? ""
            formatted = made
            return made
        }
        for mapping in mappings {
            switch mapping {
            case .value(let table):
                if value != nil || text != nil, let result = table[valueText()] { return result }
            case .range(let from, let to, let result):
                guard let value, !value.isNaN else { continue }
                if let from, value < from { continue }
                if let to, value > to { continue }
                if from == nil && to == nil { continue }
                return result
            case .regex(let pattern, let result):
                guard value != nil || text != nil else { continue }
                let valueText = valueText()
                if let regex = try? NSRegularExpression(pattern: pattern),
                   regex.firstMatch(in: valueText, range: NSRange(valueText.startIndex..., in: valueText)) != nil {
                    return result
                }
            case .special(let kind, let result):
                let isNull = value == nil && text == nil
                let isNaN = value?.isNaN ?? false
                switch kind.lowercased() {
                case "null": if isNull { return result }
                case "nan": if isNaN { return result }
                case "null+nan": if isNull || isNaN { return result }
                case "true": if value == 1 { return result }
                case "false": if value == 0 { return result }
                case "empty": if text == "" { return result }
                default: continue
                }
            }
        }
        return nil
    }
}
