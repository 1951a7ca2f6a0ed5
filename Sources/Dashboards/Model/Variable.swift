/// A template variable (`templating.list[]`).
public struct Variable: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case query, custom, datasource, interval, constant, textbox, adhoc
    }

    public var name: String
    public var kind: Kind
    public var label: String?
    /// For query variables: `label_values(metric, label)`, `label_values(label)`,
    /// `metrics(regex)`, `query_result(expr)`; for custom: comma-separated values; for
    /// datasource: the plugin type ("prometheus"); for interval: "1m,5m,10m".
    public var query: String
    public var datasource: DatasourceRef?
    /// Selected value(s); "$__all" means All.
    public var current: [String]
    /// Known options (custom/interval variables, or a saved query result).
    public var options: [String]
    public var multi: Bool
    public var includeAll: Bool
    /// What "All" expands to; nil means every option joined as a regex alternation.
    public var allValue: String?
    /// Regex applied to query results (`/pattern/`), capture group 1 if present.
    public var regex: String?
    /// 0: none, 1: on dashboard load, 2: on time range change.
    public var refresh: Int
    /// 0: shown, 1: label hidden, 2: variable hidden.
    public var hide: Int
    public var sort: Int

    public init(
        name: String, kind: Kind, label: String? = nil, query: String = "",
        datasource: DatasourceRef? = nil, current: [String] = [], options: [String] = [],
        multi: Bool = false, includeAll: Bool = false, allValue: String? = nil,
        regex: String? = nil, refresh: Int = 1, hide: Int = 0, sort: Int = 0
    ) {
        self.name = name
        self.kind = kind
        self.label = label
        self.query = query
        self.datasource = datasource
        self.current = current
        self.options = options
        self.multi = multi
        self.includeAll = includeAll
        self.allValue = allValue
        self.regex = regex
        self.refresh = refresh
        self.hide = hide
        self.sort = sort
    }

    public static let allValueMarker = "$__all"
}
