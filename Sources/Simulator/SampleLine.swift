import PromModel

/// `name{a="b",c="d"} value`, label values escaped as both text formats require.
func sampleLine(_ sample: MetricSample) -> String {
    var line = sample.name
    if !sample.labels.isEmpty {
        line += "{" + sample.labels.map { "\($0.name)=\(escapedValue($0.value))" }.joined(separator: ",") + "}"
    }
    return line + " " + formatValue(sample.value)
}

func escapedValue(_ value: String) -> String {
    var out = "\""
    for character in value {
        switch character {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        default: out.append(character)
        }
    }
    return out + "\""
}
