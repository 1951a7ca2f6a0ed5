import PromModel

/// state-timeline and status-history: one row per series, its values as coloured states
/// over time (merged runs for the timeline, one cell per point for the history).
public struct StateTimelineModel: Hashable, Sendable {
    public struct Segment: Hashable, Sendable {
        public var start: Timestamp
        public var end: Timestamp
        public var text: String
        public var color: ValueColor?
    }
    public struct Row: Hashable, Sendable {
        public var name: String
        public var segments: [Segment]
    }
    public var rows: [Row]
    public var start: Timestamp
    public var end: Timestamp
    /// Values written over their segment when it has room (`showValue` not "never").
    public var showValues: Bool
    /// status-history: each point is its own cell, drawn with a gap between cells.
    public var discrete: Bool
}

/// histogram: every value of every series counted into equal buckets.
public struct HistogramModel: Hashable, Sendable {
    public struct Bucket: Hashable, Sendable {
        public var lower: Double
        public var upper: Double
        /// A float: a native histogram's buckets count fractions after rate().
        public var count: Double
    }
    public var buckets: [Bucket]
    public var processor: DisplayProcessor
}

/// barchart: a bar per value field for each x value (a series or a row of the frame).
public struct BarChartModel: Hashable, Sendable {
    public struct Bar: Hashable, Sendable {
        public var name: String
        public var value: Double?
        public var text: String
        public var color: ValueColor
    }
    public struct Group: Hashable, Sendable {
        public var label: String
        public var bars: [Bar]
    }
    public var groups: [Group]
    /// nil for "auto": horizontal when the pane is taller than wide, as Grafana decides.
    public var horizontal: Bool?
    /// Largest magnitude, for scaling (at least 1 when every value is 0).
    public var maxValue: Double
}

/// alertlist: the datasource's alerts as Grafana's alert list shows them.
public struct AlertListModel: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public var name: String
        /// "firing", "pending" or "normal".
        public var state: String
        /// "for 5m" since the alert became active, when known.
        public var since: String
        public var summary: String
    }
    public var items: [Item]
}

/// dashlist: dashboards to switch to.
public struct DashListModel: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public var uid: String
        public var title: String
        public var tags: [String]
        public var current: Bool

        public init(uid: String, title: String, tags: [String], current: Bool) {
            self.uid = uid
            self.title = title
            self.tags = tags
            self.current = current
        }
    }
    public var items: [Item]
    /// Set in a zoomed list: the highlighted dashboard (Enter opens it), scrolled into view.
    public var cursor: ListCursor? = nil
}
