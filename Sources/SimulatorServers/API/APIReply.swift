import PromModel
import PromQL

/// An endpoint's answer: the HTTP status and the JSON body, as Prometheus's `respond` and
/// `respondError` write them.
struct APIReply: Sendable, Equatable {
    var status: Int
    var body: String

    static func success(_ body: String) -> APIReply { APIReply(status: 200, body: body) }

    static func failure(_ error: QueryError) -> APIReply {
        let kind = APIReply.prometheusKinds.contains(error.kind) ? error.kind : .internal
        let reported = QueryError(kind, error.message)
        return APIReply(status: statusCode(for: kind), body: PrometheusJSON.error(reported))
    }

    /// `errorType`s Prometheus's API uses; a datasource's transport kinds are reported as `internal`.
    static let prometheusKinds: Set<QueryError.Kind> = [.badData, .execution, .timeout, .canceled, .internal, .unavailable, .notFound]

    /// web/api/v1 `respondError` (v2.42.0): anything not listed, `unavailable` included, is 500.
    static func statusCode(for kind: QueryError.Kind) -> Int {
        switch kind {
        case .badData: 400
        case .execution: 422
        case .canceled, .timeout: 503
        case .notFound: 404
        default: 500
        }
    }
}

/// /api/v1/alerts' `data`: `{"alerts":[…]}` with Prometheus's field order and formats (the
/// value in Go's `%e`-style shortest form, activeAt in RFC 3339 with trimmed nanoseconds).
enum AlertsJSON {
    static func data(_ alerts: [Alert]) -> String {
        "{\"alerts\":[" + alerts.map(alert).joined(separator: ",") + "]}"
    }

    static func alert(_ alert: Alert) -> String {
        var out = "{\"labels\":\(PrometheusJSON.metric(alert.labels)),\"annotations\":{"
        out += alert.annotations.keys.sorted().map { "\(PrometheusJSON.quote($0)):\(PrometheusJSON.quote(alert.annotations[$0] ?? ""))" }
            .joined(separator: ",")
        out += "},\"state\":\(PrometheusJSON.quote(alert.state.rawValue))"
        if let activeAt = alert.activeAt { out += ",\"activeAt\":\(PrometheusJSON.quote(rfc3339Nano(activeAt)))" }
        return out + ",\"value\":\(PrometheusJSON.quote(exponentFormat(alert.value)))}"
    }

    /// Go's `strconv.FormatFloat(v, 'e', -1, 64)`: `1e+00`, `1.2345e+03`, `5e-02`.
    static func exponentFormat(_ value: Double) -> String {
        if !value.isFinite || value == 0 {
            return value == 0 ? (value.sign == .minus ? "-0e+00" : "0e+00") : PrometheusJSON.formatValue(value)
        }
        var fixed = PrometheusJSON.formatValue(Swift.abs(value))
        let pointIndex = fixed.firstIndex(of: ".")
        let integerDigits = pointIndex.map { fixed.distance(from: fixed.startIndex, to: $0) } ?? fixed.count
        fixed.removeAll { $0 == "." }
        let leadingZeros = fixed.prefix { $0 == "0" }.count
        var digits = String(fixed.dropFirst(leadingZeros))
        while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
        let exponent = integerDigits - leadingZeros - 1
        let mantissa = digits.count > 1 ? "\(digits.prefix(1)).\(digits.dropFirst())" : digits
        let exponentText = String(Swift.abs(exponent))
        let sign = value < 0 ? "-" : ""
        return "\(sign)\(mantissa)e\(exponent < 0 ? "-" : "+")\(exponentText.count < 2 ? "0" : "")\(exponentText)"
    }

    /// Go's RFC3339Nano for a millisecond time in UTC: trailing zeros of the fraction dropped.
    static func rfc3339Nano(_ time: Timestamp) -> String {
        var text = TimeArgument.format(time)
        guard text.contains(".") else { return text }
        text.removeLast()  // Z
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "Z"
    }
}
