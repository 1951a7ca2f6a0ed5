import Foundation
import Testing
import TestSupport

/// The same requests to a real Prometheus 2.42 (empty) and to our server (over the demo
/// platform): requests whose answers do not depend on the stored data must get the same
/// status and the same body, byte for byte. This pins parameter parsing (times, durations,
/// forms), validations, error types and messages, and the JSON formatting.
@Suite(.serialized, .tags(.prometheus)) struct APIServerDifferentialTests {
    /// (path, raw URL query or nil, POST form or nil)
    static let requests: [(String, String?, String?)] = {
        var list: [(String, String?, String?)] = []
        func get(_ path: String, _ parameters: [(String, String)]) { list.append((path, formEncode(parameters), nil)) }
        func post(_ path: String, _ parameters: [(String, String)]) { list.append((path, nil, formEncode(parameters))) }
        let q = "/api/v1/query", r = "/api/v1/query_range"
        // parseTime through time(): Unix seconds with rounding, RFC 3339 with zones and nanoseconds.
        for time in [
            "1700000000", "1700000000.123", "1700000000.1235", "1.0005", "0.0005", "-1.5", "-0.0004", "1e9", "1.5e3", "+12",
            "2024-01-02T03:04:05Z", "2024-01-02T03:04:05.123456789Z", "2024-01-02T03:04:05.1239+02:00",
            "2024-01-02T03:04:05,5Z", "2024-02-29T23:59:59.999-00:30", "1969-12-31T23:59:59.9999Z",
            "abc", "2024-01-02", "2024-02-30T00:00:00Z", "2024-01-02T24:00:00Z", "2024-01-02T03:04:60Z",
            "2024-01-02 03:04:05Z", "2024-01-02T03:04:05", "0x10", "1_000", ".5", "5.", " 5", "inf", "NaN",
            "0x1p4", "0x1.8p1", "-0X_1p-2", "1_000.5", "1__0", "1_", "_1", "1e", "1e1_0", "2e400", "-9.3e18", "9.2e15",
            "2024-01-02t03:04:05z", "2024-01-02T03:04:05.Z", "2024-01-02T03:04:05+0100", "0000-01-01T00:00:00Z",
            "2024-01-02T03:04:05+25:00", "2024-01-02T3:04:05Z", "2024-1-02T03:04:05Z", "2024-01-02T03:04:05.1234567891234Z",
            "-292273086-05-16T16:47:06Z", "292277025-08-18T07:12:54.999999999Z",
        ] {
            get(q, [("query", "time()"), ("time", time)])
        }
        for expr in [
            "1+1", "\"hello\"", "vector(1)", "1/0", "-1/0", "0/0", "vector(1)[5m:1m]", "rate(nonexistent_metric[5m])",
            "label_replace(vector(1), \"x\", \"$1\", \"a\", \"(\")", "topk(1e30, vector(1))", "count_values(\"a-b\", vector(1))",
            "sum(", "", "foo bar", "{a=\"\"}", "rate(vector(1))", "nonexistent_function(1)", "1 +",
            "absent(nonexistent_metric)", "scalar(vector(2.5)) * 2", "vector(1) and on(x) vector(2)", "-0.000001234", "1e300*1e10",
        ] {
            get(q, [("query", expr), ("time", "100.5")])
        }
        get(q, [("query", "time()"), ("time", "10"), ("timeout", "5s")])
        get(q, [("query", "time()"), ("time", "10"), ("timeout", "abc")])
        post(q, [("query", "vector(time())"), ("time", "42.042")])
        list.append((q, "query=time()&time=5", "time=7"))
        list.append((q, "query=time()&time=5", "time=%zz&time=8"))
        // query_range's validations and step syntaxes.
        for (start, end, step) in [
            ("0", "100", "10"), ("0", "100", "15s"), ("0", "5400", "1h30m"), ("0", "2", "0.5"), ("0", "0.005", "1ms"),
            ("0", "100", "0"), ("0", "100", "-1"), ("0", "100", "abc"), ("0", "100", ""), ("0", "100", "1e400"),
            ("", "100", "10"), ("0", "", "10"), ("100", "0", "10"), ("0", "11000", "1"), ("0", "11001", "1"), ("0", "11000.5", "1"),
            ("2024-01-01T00:00:00Z", "2024-01-01T00:10:00Z", "1m"), ("-100", "-50", "25"), ("1.0005", "3.0015", "1"),
            ("0", "600", "1m1s"), ("0", "100", "1d2h"), ("0", "100", "5m1h"), ("0", "100", "NaN"),
            ("-1e15", "1e15", "1"), ("0", "1e15", "1y"), ("0", "100", "1w"), ("0", "100", "0.0011"), ("0", "100", "9e9"),
        ] {
            get(r, [("query", "vector(time())"), ("start", start), ("end", end), ("step", step)])
        }
        for expr in ["time()", "vector(1)[5m:]", "\"s\"", "sum(", "1 + vector(time())", "rate(nonexistent_metric[1m])"] {
            get(r, [("query", expr), ("start", "0"), ("end", "120"), ("step", "60")])
        }
        post(r, [("query", "time()"), ("start", "0"), ("end", "30"), ("step", "15")])
        // Series, labels and label values that no demo series answers.
        let s = "/api/v1/series"
        get(s, [])
        get(s, [("match[]", "{a=\"\"}")])
        get(s, [("match[]", "up[5m]")])
        get(s, [("match[]", "sum(x)")])
        get(s, [("match[]", "")])
        get(s, [("match[]", "nonexistent_metric_xyz")])
        get(s, [("match[]", "{__name__=~\"nonexistent.*\"}"), ("match[]", "other_nonexistent")])
        get(s, [("match[]", "nonexistent_metric_xyz"), ("start", "abc")])
        get(s, [("match[]", "foo{a=~\"(\"}")])
        get(s, [("match[]", "foo{a=\"b\",}")])
        get(s, [("match[]", "nonexistent_metric_xyz"), ("start", "-292273086-05-16T16:47:06Z"), ("end", "292277025-08-18T07:12:54.999999999Z")])
        get(s, [("match[]", "sum"), ("match[]", "by"), ("match[]", "{__name__=\"nonexistent_xyz\"}")])
        get(s, [("match[]", "{a=~\".*\", b!=\"\"}"), ("start", "100"), ("end", "10")])
        post(s, [("match[]", "nonexistent_metric_xyz"), ("start", "0"), ("end", "100")])
        list.append((s, "match[]=%zz", nil))
        list.append((s, "match[]=a;b", nil))
        get("/api/v1/labels", [("match[]", "nonexistent_metric_xyz")])
        get("/api/v1/labels", [("match[]", "{a=\"\"}")])
        get("/api/v1/labels", [("start", "abc")])
        get("/api/v1/labels", [("match[]", "up[")])
        post("/api/v1/labels", [("match[]", "nonexistent_metric_xyz"), ("end", "2024-01-01T00:00:00Z")])
        get("/api/v1/label/1a/values", [])
        get("/api/v1/label/a-b/values", [])
        get("/api/v1/label/no_such_label_xyz/values", [])
        get("/api/v1/label/job/values", [("match[]", "nonexistent_metric_xyz")])
        get("/api/v1/label/job/values", [("match[]", "{a=\"\"}")])
        get("/api/v1/label/job/values", [("end", "abc")])
        let e = "/api/v1/query_exemplars"
        get(e, [("query", "nonexistent_metric_xyz"), ("start", "0"), ("end", "100")])
        get(e, [("query", "rate(nonexistent_metric_xyz[5m]) + on() vector(1)")])
        get(e, [("query", "sum(")])
        get(e, [("query", "1 + 1")])
        get(e, [("query", "x"), ("start", "100"), ("end", "10")])
        get(e, [("query", "x"), ("start", "abc")])
        post(e, [("query", "x"), ("end", "2024-01-01T00:00:00Z")])
        get("/api/v1/alerts", [])
        get("/api/v1/rules", [])
        return list
    }()

    @Test func answersLikePrometheus() async throws {
        let prometheus = try await PrometheusServer()
        defer { prometheus.stop() }
        // The reference is Debian's Prometheus 2.42: `simulate --api --promql-version 2`.
        let server = try await RunningAPIServer(promQLVersion: .v2)
        var differences: [String] = []
        for (path, query, form) in Self.requests {
            let suffix = query.map { $0.isEmpty ? "" : "?" + $0 } ?? ""
            let theirs = try await httpRequest(prometheus.baseURL + path + suffix, form: form)
            let ours = try await httpRequest(server.baseURL + path + suffix, form: form)
            if theirs.status != ours.status || theirs.body != ours.body {
                differences.append("\(form == nil ? "GET" : "POST") \(path)\(suffix) \(form ?? "")\n  prometheus \(theirs.status) \(theirs.body.prefix(400))\n  promdeck   \(ours.status) \(ours.body.prefix(400))")
            }
            #expect(ours.status == 204 || ours.contentType == "application/json", "\(path)")
        }
        #expect(differences.isEmpty, "\(differences.count) of \(Self.requests.count) differ:\n\(differences.joined(separator: "\n"))")
        await server.stop()
    }
}
