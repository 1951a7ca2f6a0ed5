import Foundation
import PromModel
import Testing
import TestSupport
@testable import PromQL

/// The engine against a real Prometheus 2.42 over the same samples: the dataset is
/// backfilled with promtool into TSDB blocks that a Prometheus serves, and loaded into our
/// store; every corpus query runs as instant queries at several times and as range queries
/// on both, and the results must agree series for series.
@Suite("Differential against Prometheus", .serialized, .tags(.prometheus))
struct DifferentialTests {
    static let start = DifferentialDataset.start * 1000
    static let end = DifferentialDataset.end * 1000
    /// Inside and around gaps, the start and stop of rare_events_total, after the end.
    static let instantTimes: [Timestamp] = [
        start + 10 * 60_000, start + 55 * 60_000, start + 60 * 60_000 + 7_250, start + 110 * 60_000,
        end - 5 * 60_000 - 500, end + 3 * 60_000,
    ]
    static let ranges: [QueryRange] = [
        QueryRange(start: start + 40 * 60_000, end: start + 120 * 60_000, step: 60_000),
        QueryRange(start: end - 30 * 60_000, end: end + 10 * 60_000, step: 37_000),
    ]

    struct Evaluation: Sendable {
        var query: String
        var label: String
        var path: String
        var instant: Timestamp?
        var range: QueryRange?
    }

    @Test("corpus agrees with Prometheus")
    func corpus() async throws {
        let corpus = try String(contentsOfFile: repositoryRoot() + "/Tests/PromQLTests/Fixtures/differential_queries.txt", encoding: .utf8)
        let queries = Self.queries(in: corpus.split(separator: "\n"))
        #expect(queries.count >= 300)

        let directory = try TemporaryDirectory("differential")
        defer { directory.remove() }
        let dataset = DifferentialDataset(seed: 20_260_101)
        let file = try directory.write("dataset.om", dataset.text)
        let dataDirectory = directory.file("data")
        try await offCooperativePool { try promtoolBackfill(openMetricsFile: file, into: dataDirectory) }
        let prometheus = try await PrometheusServer(dataDirectory: dataDirectory)
        defer { prometheus.stop() }

        let store = SeriesStore()
        // Stored as 2.42 scrapes it (le and quantile as written), like the reference.
        let stored = try store.ingest(dataset.text, defaultTimestamp: 0, normalizesFloatLabels: false)
        #expect(stored == dataset.sampleCount)
        var engine = Engine(storage: store)
        engine.promQLVersion = .v2  // the reference is Prometheus 2.42

        var evaluations: [Evaluation] = []
        for query in queries {
            for time in Self.instantTimes {
                evaluations.append(Evaluation(query: query, label: "instant@\(time)", path: "/api/v1/query?query=\(Self.encode(query))&time=\(PrometheusJSON.formatTimestamp(time))", instant: time))
            }
            for range in Self.ranges {
                let path = "/api/v1/query_range?query=\(Self.encode(query))&start=\(PrometheusJSON.formatTimestamp(range.start))&end=\(PrometheusJSON.formatTimestamp(range.end))&step=\(PrometheusJSON.formatTimestamp(range.step))"
                evaluations.append(Evaluation(query: query, label: "range \(range.start)..\(range.end)/\(range.step)", path: path, range: range))
            }
        }

        let bodies = try await Self.fetchAll(evaluations.map { prometheus.baseURL + $0.path })
        var agreed = 0, bothErrors = 0, sameMessage = 0, empty = 0
        var disagreements: [String] = []
        var messageDifferences: [String] = []
        var disagreeingQueries = Set<String>()
        var answeredQueries = Set<String>()
        for (evaluation, body) in zip(evaluations, bodies) {
            let theirs = NormalizedResult.parse(response: body)
            let ours: NormalizedResult
            do {
                let response = if let time = evaluation.instant {
                    try engine.instantQuery(evaluation.query, at: time)
                } else {
                    try engine.rangeQuery(evaluation.query, range: evaluation.range!)
                }
                ours = NormalizedResult.parse(response: PrometheusJSON.response(response))
            } catch {
                ours = .error(type: error.kind.rawValue, message: error.message)
            }
            let ordered = evaluation.instant != nil && evaluation.query.hasPrefix("sort")
            if let problem = NormalizedResult.agree(ours, theirs, ordered: ordered) {
                disagreements.append("\(evaluation.query) [\(evaluation.label)]: \(problem)")
                disagreeingQueries.insert(evaluation.query)
                continue
            }
            agreed += 1
            if case .error(let type, let message) = theirs, case .error(let ourType, let ourMessage) = ours {
                bothErrors += 1
                if type == ourType && message == ourMessage {
                    sameMessage += 1
                } else if !messageDifferences.contains(where: { $0.hasPrefix(evaluation.query + ":") }) {
                    messageDifferences.append("\(evaluation.query): ours \(ourType) \"\(ourMessage)\", Prometheus \(type) \"\(message)\"")
                }
            }
            switch theirs {
            case .vector(let v) where v.isEmpty: empty += 1
            case .matrix(let m) where m.isEmpty: empty += 1
            case .error: break
            default: answeredQueries.insert(evaluation.query)
            }
        }
        let summary = """
            differential: \(queries.count) queries, \(evaluations.count) evaluations (\(Self.instantTimes.count) instants + \(Self.ranges.count) ranges each), \(dataset.sampleCount) samples
            agreement: \(agreed)/\(evaluations.count) evaluations; \(queries.count - disagreeingQueries.count)/\(queries.count) queries agree at every time
            of the agreeing: \(bothErrors) errors on both sides (\(sameMessage) with the same type and message), \(empty) empty on both sides
            """
        print(summary)
        if !messageDifferences.isEmpty {
            print("errors on both sides with different wording:\n  " + messageDifferences.joined(separator: "\n  "))
        }
        #expect(disagreements.count == 0, "\(summary)\n\(disagreements.prefix(60).joined(separator: "\n"))")
        // The simulator's queries are there to compare values, so each must find data at
        // some instant or range, or the times have drifted away from the simulated hour.
        let simulatorQueries = Self.simulatorSection(of: corpus)
        let neverAnswered = simulatorQueries.filter { !answeredQueries.contains($0) }
        #expect(simulatorQueries.count >= 33)
        #expect(neverAnswered.isEmpty, "simulator queries with no data at any time: \(neverAnswered)")
    }

    /// The marker comment that opens the corpus's section over the simulator's metrics.
    static let simulatorMarker = "# The simulator's hour"

    static func queries(in lines: some Sequence<Substring>) -> [String] {
        lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// The queries from the simulator marker to the end of the corpus.
    static func simulatorSection(of corpus: String) -> [String] {
        let lines = corpus.split(separator: "\n")
        guard let marker = lines.firstIndex(where: { $0.hasPrefix(simulatorMarker) }) else { return [] }
        return queries(in: lines[marker...])
    }

    /// Percent-encodes a query parameter (`+` included, which URLComponents leaves alone).
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// GETs every URL, a few at a time; a failed request becomes an error body.
    static func fetchAll(_ urls: [String]) async throws -> [String] {
        var bodies = Array(repeating: "", count: urls.count)
        let width = 4
        try await withThrowingTaskGroup(of: (Int, String).self) { group in
            var next = 0
            func launch() {
                guard next < urls.count else { return }
                let index = next
                next += 1
                group.addTask {
                    let response = await httpGet(urls[index], timeout: 30)
                    return (index, response?.body ?? "{\"status\":\"error\",\"errorType\":\"transport\",\"error\":\"request failed\"}")
                }
            }
            for _ in 0..<width { launch() }
            while let (index, body) = try await group.next() {
                bodies[index] = body
                launch()
            }
        }
        return bodies
    }
}
