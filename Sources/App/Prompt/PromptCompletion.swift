import Foundation
import PromModel
import PromQL

/// What the datasource is asked for completion candidates.
public enum CompletionQuery: Hashable, Sendable {
    /// `/api/v1/label/<label>/values`, with `match[]` of the metric when known
    /// (`__name__` for metric names).
    case labelValues(label: String, metric: String?)
    /// `/api/v1/labels`, with `match[]` of the metric when known.
    case labelNames(metric: String?)

    /// `match[]` for the metric, if one was typed.
    var selectors: [String] {
        switch self {
        case .labelValues(_, let metric), .labelNames(let metric): metric.map { [$0] } ?? []
        }
    }
}

/// The candidates shown above the prompt: Tab moves the selection, Enter takes it.
public struct CompletionPopup: Hashable, Sendable {
    /// As shown, and as inserted (label values quoted).
    public var shown: [String]
    public var inserted: [String]
    public var selected = 0
    /// Characters before the cursor the chosen candidate replaces.
    public var replacing: Int
    /// Beside each shown candidate: a metric's type and help from `/api/v1/metadata` ("" for none).
    public var details: [String] = []

    /// The metric candidates' type and help, once metadata is known.
    mutating func describe(with metadata: [String: [MetricMetadata]]) {
        details = shown.map { name in
            guard let info = MetricMetadata.lookup(name, in: metadata) else { return "" }
            return info.help.isEmpty ? info.type : "\(info.type) · \(info.help)"
        }
    }
}

/// The prompt's completion answers, cached per query for the viewer's datasource, and the one
/// Tab is waiting for (an edit forgets it, so a late answer does not move the line).
public struct CompletionCache: Hashable, Sendable {
    public var answers: [CompletionQuery: [String]] = [:]
    public var waiting: CompletionQuery?
    /// The line when Tab asked: the answer applies only to it.
    public var waitingFor: PromptEditor?
    public var lastError: String?
    /// Queries on their way whoever asked (the explorer asks without a line waiting).
    public var asking: Set<CompletionQuery> = []
    /// `/api/v1/metadata` by metric family, once it answered (empty after a failure).
    public var metadata: [String: [MetricMetadata]]?
    public var metadataAsked = false
    public var metadataError: String?

    public init() {}
}

extension CompletionContext {
    /// The datasource question for this context, nil when there is nothing to ask.
    var query: CompletionQuery? {
        switch kind {
        case .expression: .labelValues(label: "__name__", metric: nil)
        case .labelName(let metric): .labelNames(metric: metric)
        case .labelValue(let metric, let label): .labelValues(label: label, metric: metric)
        case .none: nil
        }
    }

    /// The candidates from the datasource's answer and PromQL's own words.
    func popup(answer: [String]) -> CompletionPopup? {
        var shown: [String], inserted: [String]
        switch kind {
        case .expression:
            shown = (answer.filter { $0.hasPrefix(prefix) }.sorted() + Self.keywords(startingWith: prefix))
            inserted = shown
        case .labelName:
            shown = answer.filter { $0.hasPrefix(prefix) && $0 != "__name__" }.sorted()
            inserted = shown
        case .labelValue:
            shown = answer.sorted()
            inserted = shown.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        case .none:
            return nil
        }
        guard !shown.isEmpty else { return nil }
        return CompletionPopup(shown: shown, inserted: inserted, replacing: prefix.count)
    }
}
