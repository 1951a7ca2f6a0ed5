/// A parsed Prometheus text-format (0.0.4) or OpenMetrics exposition, for tests to check
/// what a `/metrics` endpoint or a backfill file really says.
public struct ParsedFamily: Sendable {
    public var name: String
    public var type: String?
    public var help: String?
    public var samples: [ParsedSample] = []
}

public struct ParsedSample: Sendable, Hashable {
    public var name: String
    public var labels: [String: String]
    public var value: Double
    public var timestamp: Double?
}

/// Parses the text format: `# HELP`/`# TYPE` lines open families; each sample joins the
/// family its name belongs to (exactly, or with a `_bucket`/`_sum`/`_count`/`_total`/
/// `_created` suffix). Throws on a malformed line, naming it.
public func parseTextFormat(_ text: String) throws -> [ParsedFamily] {
    var families: [ParsedFamily] = []
    var indexByName: [String: Int] = [:]
    func family(_ name: String) -> Int {
        if let index = indexByName[name] { return index }
        families.append(ParsedFamily(name: name))
        indexByName[name] = families.count - 1
        return families.count - 1
    }
    for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let line = String(rawLine)
        if line.isEmpty || line == "# EOF" { continue }
        if line.hasPrefix("#") {
            let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true).map(String.init)
            guard parts.count >= 3 else { continue }
            if parts[1] == "HELP" { families[family(parts[2])].help = parts.count > 3 ? parts[3] : "" }
            if parts[1] == "TYPE" { families[family(parts[2])].type = parts.count > 3 ? parts[3] : "" }
            continue
        }
        guard let sample = parseSampleLine(line) else {
            throw TestSupportError("line \(number + 1): malformed sample: \(line)")
        }
        var owner = sample.name
        for suffix in ["_bucket", "_sum", "_count", "_total", "_created"] where indexByName[owner] == nil && owner.hasSuffix(suffix) {
            let stem = String(owner.dropLast(suffix.count))
            if indexByName[stem] != nil { owner = stem }
        }
        families[family(owner)].samples.append(sample)
    }
    return families
}

private func parseSampleLine(_ line: String) -> ParsedSample? {
    let characters = Array(line)
    var index = 0
    var name = ""
    while index < characters.count, characters[index] != "{", characters[index] != " " {
        name.append(characters[index])
        index += 1
    }
    guard !name.isEmpty else { return nil }
    var labels: [String: String] = [:]
    if index < characters.count, characters[index] == "{" {
        index += 1
        while index < characters.count, characters[index] != "}" {
            var labelName = ""
            while index < characters.count, characters[index] != "=" {
                if characters[index] != "," && characters[index] != " " { labelName.append(characters[index]) }
                index += 1
            }
            index += 1
            guard index < characters.count, characters[index] == "\"" else { return nil }
            index += 1
            var value = ""
            while index < characters.count, characters[index] != "\"" {
                if characters[index] == "\\", index + 1 < characters.count {
                    index += 1
                    value.append(characters[index] == "n" ? "\n" : characters[index])
                } else {
                    value.append(characters[index])
                }
                index += 1
            }
            guard index < characters.count else { return nil }
            index += 1
            labels[labelName] = value
            if index < characters.count, characters[index] == "," { index += 1 }
        }
        guard index < characters.count else { return nil }
        index += 1
    }
    let rest = String(characters[index...]).split(separator: " ").map(String.init)
    guard let valueText = rest.first else { return nil }
    let value: Double?
    switch valueText {
    case "+Inf": value = .infinity
    case "-Inf": value = -.infinity
    case "NaN": value = .nan
    default: value = Double(valueText)
    }
    guard let value else { return nil }
    let timestamp = rest.count > 1 ? Double(rest[1]) : nil
    if rest.count > 1, timestamp == nil { return nil }
    return ParsedSample(name: name, labels: labels, value: value, timestamp: timestamp)
}
