import Foundation
import PromModel
import PromQL
import Testing
import TestSupport
@testable import Simulator
@testable import SimulatorServers

/// The API server in-process over the frozen demo platform: shapes, parameters, errors.
@Suite(.serialized) struct APIServerTests {
    static let now = RunningAPIServer.now

    @Test func instantQueryAnswersTheEnginesVectorAsPrometheusJSON() async throws {
        let server = try await RunningAPIServer()
        let expr = "sum by (job) (rate(http_requests_total[5m]))"
        let answer = try await server.get("/api/v1/query", [("query", expr), ("time", seconds(Self.now))])
        #expect(answer.status == 200)
        #expect(answer.contentType == "application/json")
        let body = try json(answer)
        #expect(body["status"] as? String == "success")
        let data = try #require(body["data"] as? [String: Any])
        #expect(data["resultType"] as? String == "vector")
        let result = try #require(data["result"] as? [[String: Any]])
        #expect(result.count == 5)
        for element in result {
            let metric = try #require(element["metric"] as? [String: String])
            #expect(metric.keys.sorted() == ["job"])
            let value = try #require(element["value"] as? [Any])
            #expect((value[0] as? NSNumber)?.doubleValue == Double(Self.now) / 1000)
            #expect(Double(try #require(value[1] as? String)).map { $0 > 0 } == true)
        }
        // Byte for byte what the engine answers, formatted as Prometheus does.
        let direct = try await server.datasource.query(expr, at: Self.now)
        #expect(answer.body == PrometheusJSON.response(direct))
        await server.stop()
    }

    @Test func instantQueryTimeDefaultsToTheServersNowAndAcceptsRFC3339() async throws {
        let server = try await RunningAPIServer()
        let defaulted = try await server.get("/api/v1/query", [("query", "time()")])
        #expect(defaulted.body == "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1767276007,\"1767276007\"]}}")
        let rfc = try await server.get("/api/v1/query", [("query", "time()"), ("time", "2026-01-01T15:00:07.25+01:00")])
        #expect(rfc.body == "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1767276007.25,\"1767276007.25\"]}}")
        let text = try await server.get("/api/v1/query", [("query", "\"a<b\""), ("time", "12.5")])
        #expect(text.body == "{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[12.5,\"a\\u003cb\"]}}")
        await server.stop()
    }

    @Test func rangeQueryAnswersAMatrixForEveryStepSyntaxAndForPOST() async throws {
        let server = try await RunningAPIServer()
        let expr = "sum by (job) (rate(http_requests_total[5m]))"
        let start = Self.now - 30 * 60_000
        let range = QueryRange(start: start, end: Self.now, step: 60_000)
        let expected = PrometheusJSON.response(try await server.datasource.queryRange(expr, range: range))
        let startRFC = TimeArgument.format(start)
        for step in ["1m", "60", "60.0", "0h1m"] {
            let answer = try await server.get("/api/v1/query_range", [
                ("query", expr), ("start", startRFC), ("end", seconds(Self.now)), ("step", step),
            ])
            #expect(answer.status == 200, "\(step): \(answer.body)")
            #expect(answer.body == expected, "step \(step)")
        }
        let posted = try await server.post("/api/v1/query_range", [
            ("query", expr), ("start", seconds(start)), ("end", seconds(Self.now)), ("step", "1m"),
        ])
        #expect(posted.body == expected)
        let data = try #require(try json(posted)["data"] as? [String: Any])
        #expect(data["resultType"] as? String == "matrix")
        let result = try #require(data["result"] as? [[String: Any]])
        #expect(result.count == 5)
        for series in result {
            let values = try #require(series["values"] as? [[Any]])
            #expect(values.count == 31)
            let times = values.compactMap { ($0.first as? NSNumber)?.int64Value }
            #expect(times == Array(stride(from: start / 1000, through: Self.now / 1000, by: 60)))
        }
        await server.stop()
    }

    @Test func errorsCarryPrometheusTypesStatusesAndMessages() async throws {
        let server = try await RunningAPIServer()
        let t = seconds(Self.now)
        let cases: [(String, [(String, String)], Int, String, String)] = [
            ("/api/v1/query", [("query", "sum(")], 400, "bad_data", "invalid parameter \"query\": 1:5: parse error: unclosed left parenthesis"),
            ("/api/v1/query", [("query", "up"), ("time", "yesterday")], 400, "bad_data",
             "invalid parameter \"time\": Invalid time value for 'time': cannot parse \"yesterday\" to a valid timestamp"),
            ("/api/v1/query", [("query", "up"), ("timeout", "soon")], 400, "bad_data",
             "invalid parameter \"timeout\": cannot parse \"soon\" to a valid duration"),
            ("/api/v1/query", [("query", "label_replace(up, \"x\", \"$1\", \"job\", \"(\")"), ("time", t)], 422, "execution",
             "invalid regular expression in label_replace(): ("),
            ("/api/v1/query", [("query", "topk(1e30, up)"), ("time", t)], 422, "execution", "Scalar value 1e+30 overflows int64"),
            ("/api/v1/query_range", [("query", "up"), ("start", "10"), ("end", "5"), ("step", "1")], 400, "bad_data",
             "invalid parameter \"end\": end timestamp must not be before start time"),
            ("/api/v1/query_range", [("query", "up"), ("start", "0"), ("end", "5"), ("step", "0")], 400, "bad_data",
             "invalid parameter \"step\": zero or negative query resolution step widths are not accepted. Try a positive integer"),
            ("/api/v1/query_range", [("query", "up"), ("start", "0"), ("end", "5"), ("step", "-15s")], 400, "bad_data",
             "invalid parameter \"step\": cannot parse \"-15s\" to a valid duration"),
            ("/api/v1/query_range", [("query", "up"), ("start", "0"), ("end", "5")], 400, "bad_data",
             "invalid parameter \"step\": cannot parse \"\" to a valid duration"),
            ("/api/v1/query_range", [("query", "up"), ("end", "5"), ("step", "1")], 400, "bad_data",
             "invalid parameter \"start\": cannot parse \"\" to a valid timestamp"),
            ("/api/v1/query_range", [("query", "up"), ("start", "0"), ("end", "11001"), ("step", "1")], 400, "bad_data",
             "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)"),
            ("/api/v1/query_range", [("query", "up[5m]"), ("start", "0"), ("end", "5"), ("step", "1")], 400, "bad_data",
             "invalid expression type \"range vector\" for range query, must be Scalar or instant Vector"),
            ("/api/v1/query_range", [("query", "sum("), ("start", "0"), ("end", "5"), ("step", "1")], 400, "bad_data",
             "1:5: parse error: unclosed left parenthesis"),
            ("/api/v1/series", [], 400, "bad_data", "no match[] parameter provided"),
            ("/api/v1/series", [("match[]", "{job=~\".*\"}")], 400, "bad_data",
             "invalid parameter \"match[]\": match[] must contain at least one non-empty matcher"),
            ("/api/v1/series", [("match[]", "up"), ("start", "x")], 400, "bad_data",
             "invalid parameter \"start\": Invalid time value for 'start': cannot parse \"x\" to a valid timestamp"),
            ("/api/v1/labels", [("match[]", "{job=\"\"}")], 400, "bad_data", "match[] must contain at least one non-empty matcher"),
            ("/api/v1/label/1job/values", [], 400, "bad_data", "invalid label name: \"1job\""),
        ]
        for (path, parameters, status, errorType, message) in cases {
            let answer = try await server.get(path, parameters)
            #expect(answer.status == status, "\(path) \(parameters)")
            #expect(answer.contentType == "application/json", "\(path) \(parameters)")
            let body = try json(answer)
            #expect(body["status"] as? String == "error")
            #expect(body["errorType"] as? String == errorType, "\(path) \(parameters)")
            #expect(body["error"] as? String == message, "\(path) \(parameters)")
        }
        // 11,000 points exactly are allowed.
        let limit = try await server.get("/api/v1/query_range", [("query", "1"), ("start", "0"), ("end", "11000"), ("step", "1")])
        #expect(limit.status == 200)
        await server.stop()
    }

    @Test func seriesLabelsAndLabelValuesMatchTheDatasource() async throws {
        let server = try await RunningAPIServer()
        let source = server.datasource
        let start = Self.now - 600_000
        let series = try await server.get("/api/v1/series", [
            ("match[]", "process_start_time_seconds"), ("match[]", "up{job=\"nonexistent\"}"),
            ("start", seconds(start)), ("end", seconds(Self.now)),
        ])
        #expect(series.status == 200)
        let sets = try #require(try json(series)["data"] as? [[String: String]])
        #expect(sets.count == 5)
        #expect(sets.allSatisfy { $0["__name__"] == "process_start_time_seconds" && $0["job"] != nil && $0["instance"] != nil })
        let direct = try await source.series(matching: ["process_start_time_seconds"], start: start, end: Self.now)
        #expect(series.body == PrometheusJSON.labelSets(direct))

        let labels = try await server.get("/api/v1/labels")
        let names = try #require(try json(labels)["data"] as? [String])
        #expect(names == names.sorted() && names.contains("__name__") && names.contains("job") && names.contains("symbol"))
        #expect(labels.body == PrometheusJSON.strings(try await source.labelNames(matching: [], start: .min, end: .max)))
        let posted = try await server.post("/api/v1/labels", [("match[]", "positions_open")])
        #expect(posted.body == PrometheusJSON.strings(try await source.labelNames(matching: ["positions_open"], start: .min, end: .max)))

        let jobs = try await server.get("/api/v1/label/job/values")
        #expect(jobs.body == PrometheusJSON.strings(["ai-engine", "execution", "monitoring-health", "portfolio-intelligence", "risk-safety"]))
        let symbols = try await server.get("/api/v1/label/symbol/values", [("match[]", "positions_open")])
        let expectedSymbols = try await source.labelValues("symbol", matching: ["positions_open"], start: .min, end: .max)
        #expect(!expectedSymbols.isEmpty)
        #expect(symbols.body == PrometheusJSON.strings(expectedSymbols))
        let none = try await server.get("/api/v1/label/no_such_label/values")
        #expect(none.body == "{\"status\":\"success\",\"data\":[]}")
        await server.stop()
    }

    @Test func buildinfoAlertsRulesAndProbes() async throws {
        let server = try await RunningAPIServer()
        let info = try json(try await server.get("/api/v1/status/buildinfo"))
        #expect((info["data"] as? [String: String])?["version"] == RunningAPIServer.version)
        #expect(try await server.get("/api/v1/alerts").body == "{\"status\":\"success\",\"data\":{\"alerts\":[]}}")
        #expect(try await server.get("/api/v1/rules").body == "{\"status\":\"success\",\"data\":{\"groups\":[]}}")
        #expect(try await server.get("/-/ready").status == 200)
        #expect(try await server.get("/-/healthy").status == 200)
        #expect(try await server.get("/api/v1/nothing_here").status == 404)
        await server.stop()
    }

    @Test func errorTypesMapToPrometheusStatusCodes() {
        let expected: [(QueryError.Kind, Int, String)] = [
            (.badData, 400, "bad_data"), (.execution, 422, "execution"), (.canceled, 503, "canceled"),
            (.timeout, 503, "timeout"), (.internal, 500, "internal"), (.notFound, 404, "not_found"),
            (.unavailable, 500, "unavailable"), (.connection, 500, "internal"),
        ]
        for (kind, status, errorType) in expected {
            let reply = APIReply.failure(QueryError(kind, "went wrong"))
            #expect(reply.status == status, "\(kind)")
            #expect(reply.body == "{\"status\":\"error\",\"errorType\":\"\(errorType)\",\"error\":\"went wrong\"}")
        }
    }

    @Test func formValuesFollowGoParseForm() {
        let form = FormValues(query: "a=1&b=%2B+x&a=2&bad=%zz&c", body: "a=0&m%5B%5D=x")
        #expect(form.value("a") == "0")
        #expect(form.values("a") == ["0", "1", "2"])
        #expect(form.value("b") == "+ x")
        #expect(form.values("m[]") == ["x"])
        #expect(form.value("c") == "" && form.values("c") == [""])
        #expect(form.parseError == "invalid URL escape \"%zz\"")
        #expect(FormValues(query: "a=1;b=2", body: nil).parseError == "invalid semicolon separator in query")
    }

    @Test func listenAddresses() {
        #expect(ListenAddress("127.0.0.1:9090") == ListenAddress(host: "127.0.0.1", port: 9090))
        #expect(ListenAddress(":9090") == ListenAddress(host: "0.0.0.0", port: 9090))
        #expect(ListenAddress("[::1]:9090") == ListenAddress(host: "::1", port: 9090))
        for bad in ["9090", "host", "host:port", "::1:9090", "h:70000"] { #expect(ListenAddress(bad) == nil, "\(bad)") }
    }
}
