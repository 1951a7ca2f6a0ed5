/// A request's parameters the way Go's `http.Request.ParseForm` collects them: the
/// form-encoded POST body's values first, then the URL query's, so `value(_:)` (Go's
/// `FormValue`) prefers the body and `values(_:)` (`r.Form[name]`) lists both.
struct FormValues: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []
    /// The first malformed part (`invalid URL escape "%zz"`), which only `/series` reports.
    private(set) var parseError: String?

    init(query: String?, body: String?) {
        if let body { append(body) }
        if let query { append(query) }
    }

    /// The first value of `name`, or "" (Go's `FormValue`).
    func value(_ name: String) -> String {
        pairs.first { $0.name == name }?.value ?? ""
    }

    /// Every value of `name`, in order.
    func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// Go's `url.ParseQuery`: `&`-separated, `;` rejected, `+` is a space, `%XX` escapes; a
    /// malformed pair is skipped and the first error kept.
    private mutating func append(_ encoded: String) {
        for part in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            if part.contains(";") {
                parseError = parseError ?? "invalid semicolon separator in query"
                continue
            }
            let (rawName, rawValue) = part.firstIndex(of: "=").map { (part[..<$0], part[part.index(after: $0)...]) } ?? (part, "")
            switch (FormValues.unescape(rawName), FormValues.unescape(rawValue)) {
            case (.success(let name), .success(let value)):
                pairs.append((name, value))
            case (.failure(let error), _), (_, .failure(let error)):
                parseError = parseError ?? error.message
            }
        }
    }

    /// Go's `url.QueryUnescape`.
    static func unescape(_ text: Substring) -> Result<String, APIParameterError> {
        guard text.contains(where: { $0 == "%" || $0 == "+" }) else { return .success(String(text)) }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "+"):
                out.append(UInt8(ascii: " "))
                index += 1
            case UInt8(ascii: "%"):
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else {
                    let escape = String(decoding: bytes[index..<min(index + 3, bytes.count)], as: UTF8.self)
                    return .failure(APIParameterError("invalid URL escape \"\(escape)\""))
                }
                out.append(high << 4 | low)
                index += 3
            default:
                out.append(bytes[index])
                index += 1
            }
        }
        return .success(String(decoding: out, as: UTF8.self))
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
