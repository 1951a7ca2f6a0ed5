import PromModel
import PromQL

/// The handlers of Prometheus's web/api/v1 (v2.42.0) over any `Datasource`: the same
/// parameters, defaults, validations, messages and error types, independent of HTTP.
struct APIEndpoints: Sendable {
    let datasource: any Datasource
    /// Default evaluation time of /query (the simulation's virtual now).
    let now: @Sendable () -> Timestamp
    let version: String
    /// The PromQL the query endpoints parse (the engine behind them speaks the same).
    var promQLVersion: PromQLVersion = .v3

    /// GET/POST /api/v1/query: `query`, `time` (default now), `timeout` (checked, not enforced).
    func query(_ form: FormValues) async -> APIReply {
        await reply { () async throws(QueryError) -> String in
            let time = try timeParameter(form, "time", default: APITime(milliseconds: now()))
            try checkTimeout(form)
            let expr = form.value("query")
            do throws(ParseError) {
                _ = try PromQLParser.parse(expr, version: promQLVersion)
            } catch {
                throw invalidParameter("query", error.description)
            }
            return PrometheusJSON.response(try await datasource.query(expr, at: time.engineMilliseconds))
        }
    }

    /// GET/POST /api/v1/query_range: `query`, `start`, `end`, `step` (all required).
    func queryRange(_ form: FormValues) async -> APIReply {
        await reply { () async throws(QueryError) -> String in
            let start = try requiredTime(form, "start")
            let end = try requiredTime(form, "end")
            if end < start { throw invalidParameter("end", "end timestamp must not be before start time") }
            let step: Int64
            switch APIDuration.parse(form.value("step")) {
            case .success(let nanoseconds): step = nanoseconds
            case .failure(let error): throw invalidParameter("step", error.message)
            }
            // Below a millisecond the engine's step would be zero: refused the same way.
            if step < 1_000_000 {
                throw invalidParameter("step", "zero or negative query resolution step widths are not accepted. Try a positive integer")
            }
            if end.nanoseconds(since: start) / step > Engine.maxPointsPerSeries {
                throw QueryError(.badData, "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)")
            }
            try checkTimeout(form)
            let expr = form.value("query")
            do throws(ParseError) {
                _ = try PromQLParser.parse(expr, version: promQLVersion)
            } catch {
                throw QueryError(.badData, error.description)
            }
            let range = QueryRange(start: start.engineMilliseconds, end: end.engineMilliseconds, step: step / 1_000_000)
            return PrometheusJSON.response(try await datasource.queryRange(expr, range: range))
        }
    }

    /// GET/POST /api/v1/series: `match[]` (repeated, at least one), `start`, `end`.
    func series(_ form: FormValues) async -> APIReply {
        await reply { () async throws(QueryError) -> String in
            if let error = form.parseError {
                throw QueryError(.badData, "error parsing form values: \(error)")
            }
            let selectors = form.values("match[]")
            if selectors.isEmpty { throw QueryError(.badData, "no match[] parameter provided") }
            let start = try timeParameter(form, "start", default: .min)
            let end = try timeParameter(form, "end", default: .max)
            do throws(QueryError) {
                try checkMatchers(selectors)
            } catch {
                throw invalidParameter("match[]", error.message)
            }
            let sets = try await datasource.series(matching: selectors, start: start.milliseconds, end: end.milliseconds)
            return PrometheusJSON.labelSets(sets)
        }
    }

    /// GET/POST /api/v1/labels: optional `match[]`, `start`, `end`.
    func labelNames(_ form: FormValues) async -> APIReply {
        await reply { () async throws(QueryError) -> String in
            let start = try timeParameter(form, "start", default: .min)
            let end = try timeParameter(form, "end", default: .max)
            let selectors = form.values("match[]")
            try checkMatchers(selectors)
            let names = try await datasource.labelNames(matching: selectors, start: start.milliseconds, end: end.milliseconds)
            return PrometheusJSON.strings(names)
        }
    }

    /// GET /api/v1/label/<name>/values: optional `match[]`, `start`, `end`.
    func labelValues(_ name: String, _ form: FormValues) async -> APIReply {
        await reply { () async throws(QueryError) -> String in
            guard APIEndpoints.isLabelName(name) else {
                throw QueryError(.badData, "invalid label name: \(PromQLString.quote(name))")
            }
            let start = try timeParameter(form, "start", default: .min)
            let end = try timeParameter(form, "end", default: .max)
            let selectors = form.values("match[]")
            try checkMatchers(selectors)
            let values = try await datasource.labelValues(name, matching: selectors, start: start.milliseconds, end: end.milliseconds)
            return PrometheusJSON.strings(values.sorted())
        }
    }

    /// GET/POST /api/v1/query_exemplars: validated like Prometheus; the embedded store keeps
    /// no exemplars, so the answer is an empty list (or, like Prometheus, no content at all
    /// for an expression without selectors).
    func queryExemplars(_ form: FormValues) async -> APIReply {
        await reply { () async throws(QueryError) -> String? in
            let start = try timeParameter(form, "start", default: .min)
            let end = try timeParameter(form, "end", default: .max)
            if end < start { throw QueryError(.badData, "end timestamp must not be before start timestamp") }
            let expr: Expr
            do throws(ParseError) {
                expr = try PromQLParser.parse(form.value("query"), version: promQLVersion)
            } catch {
                throw QueryError(.badData, error.description)
            }
            return APIEndpoints.hasSelector(expr) ? "{\"status\":\"success\",\"data\":[]}" : nil
        }
    }

    /// Whether Prometheus's `parser.ExtractSelectors` finds anything in `expr`.
    static func hasSelector(_ expr: Expr) -> Bool {
        switch expr {
        case .number, .string: false
        case .vectorSelector, .matrixSelector: true
        case .subquery(let e): hasSelector(e.expr)
        case .call(let e): e.args.contains(where: hasSelector)
        case .aggregate(let e): hasSelector(e.expr) || e.param.map(hasSelector) == true
        case .binary(let e): hasSelector(e.lhs) || hasSelector(e.rhs)
        case .unary(let e): hasSelector(e.expr)
        case .paren(let e): hasSelector(e.expr)
        }
    }

    /// GET /api/v1/alerts: the datasource's alerts (none for the embedded engine).
    func alerts() async -> APIReply {
        await reply { () async throws(QueryError) -> String in
            "{\"status\":\"success\",\"data\":\(AlertsJSON.data(try await datasource.alerts()))}"
        }
    }

    /// GET /api/v1/metadata: `metric`, `limit` and `limit_per_metric` as Prometheus's
    /// `metricMetadata` (web/api/v1/api.go) reads them: a limit that is not a number is
    /// bad_data, a negative one (the default) none.
    func metadata(_ form: FormValues) async -> APIReply {
        await reply { () async throws(QueryError) -> String in
            func limit(_ name: String, _ message: String) throws(QueryError) -> Int {
                let text = form.value(name)
                if text.isEmpty { return -1 }
                guard let value = Int(text) else { throw QueryError(.badData, message) }
                return value
            }
            let metrics = try limit("limit", "limit must be a number")
            let perMetric = try limit("limit_per_metric", "limit_per_metric must be a number")
            let metric = form.value("metric")
            let all = try await datasource.metadata(metric: metric.isEmpty ? nil : metric, limit: metrics < 0 ? nil : metrics)
            let entries = all.keys.sorted().compactMap { name -> String? in
                guard var list = all[name] else { return nil }
                if perMetric > 0 { list = Array(list.prefix(perMetric)) }
                let items = list.map { entry in
                    "{\"type\":\(PrometheusJSON.quote(entry.type)),\"help\":\(PrometheusJSON.quote(entry.help)),\"unit\":\(PrometheusJSON.quote(entry.unit))}"
                }
                return "\(PrometheusJSON.quote(name)):[\(items.joined(separator: ","))]"
            }
            return "{\"status\":\"success\",\"data\":{\(entries.joined(separator: ","))}}"
        }
    }

    /// GET /api/v1/status/buildinfo, with promdeck's version.
    func buildInfo() -> APIReply {
        let fields = [("version", version), ("revision", ""), ("branch", ""), ("buildUser", ""), ("buildDate", ""), ("goVersion", "")]
        let data = fields.map { "\(PrometheusJSON.quote($0.0)):\(PrometheusJSON.quote($0.1))" }.joined(separator: ",")
        return .success("{\"status\":\"success\",\"data\":{\(data)}}")
    }

    // MARK: Parameters

    /// A success with the body, 204 No Content for nil (Prometheus's answer without data), or
    /// the error.
    private func reply(_ body: () async throws(QueryError) -> String?) async -> APIReply {
        do {
            guard let json = try await body() else { return APIReply(status: 204, body: "") }
            return .success(json)
        } catch {
            return .failure(error)
        }
    }

    /// `errors.Wrapf(err, "invalid parameter %q", name)`.
    private func invalidParameter(_ name: String, _ message: String) -> QueryError {
        QueryError(.badData, "invalid parameter \(PromQLString.quote(name)): \(message)")
    }

    /// `parseTimeParam`: the default when absent or empty.
    private func timeParameter(_ form: FormValues, _ name: String, default fallback: APITime) throws(QueryError) -> APITime {
        let text = form.value(name)
        if text.isEmpty { return fallback }
        switch APITime.parse(text) {
        case .success(let time): return time
        case .failure(let error): throw invalidParameter(name, "Invalid time value for '\(name)': \(error.message)")
        }
    }

    /// `parseTime` of query_range's start and end, which have no default.
    private func requiredTime(_ form: FormValues, _ name: String) throws(QueryError) -> APITime {
        switch APITime.parse(form.value(name)) {
        case .success(let time): return time
        case .failure(let error): throw invalidParameter(name, error.message)
        }
    }

    private func checkTimeout(_ form: FormValues) throws(QueryError) {
        let text = form.value("timeout")
        guard !text.isEmpty else { return }
        if case .failure(let error) = APIDuration.parse(text) { throw invalidParameter("timeout", error.message) }
    }

    /// `parseMatchersParam`: each selector parses as a metric selector and has a matcher that
    /// does not match the empty string.
    private func checkMatchers(_ selectors: [String]) throws(QueryError) {
        var sets: [[LabelMatcher]] = []
        for selector in selectors {
            do throws(ParseError) {
                sets.append(try PromQLParser.parseMetricSelector(selector, version: promQLVersion))
            } catch {
                throw QueryError(.badData, error.description)
            }
        }
        for matchers in sets where !matchers.contains(where: { !$0.matches("") }) {
            throw QueryError(.badData, "match[] must contain at least one non-empty matcher")
        }
    }

    /// model.LabelNameRE: `^[a-zA-Z_][a-zA-Z0-9_]*$`.
    static func isLabelName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
        return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || (48...57).contains($0) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (65...90).contains(byte) || (97...122).contains(byte)
    }
}
