extension Dashboard {
    /// Decodes Grafana dashboard JSON leniently: unknown fields stay in `raw`, unknown panel
    /// types are kept, missing fields take Grafana's defaults, and values of the wrong type
    /// are treated as missing (lint reports what matters).
    public init(decoding value: JSONValue) {
        let time = value["time"]
        var ids = PanelIDAllocator(value["panels"]?.array ?? [])
        let panels = (value["panels"]?.array ?? []).compactMap { Panel(decoding: $0, ids: &ids) }
        let refresh = value["refresh"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        self.init(
            uid: value["uid"]?.scalarText ?? "",
            title: value["title"]?.scalarText ?? "",
            tags: value["tags"]?.stringList ?? [],
            // A new Grafana dashboard shows the last 6 hours.
            time: TimeRange(from: time?["from"]?.scalarText ?? "now-6h", to: time?["to"]?.scalarText ?? "now"),
            refresh: refresh,
            schemaVersion: value["schemaVersion"]?.int ?? 0,
            panels: panels,
            variables: (value["templating"]?["list"]?.array ?? []).compactMap(Variable.init(decoding:)),
            raw: value
        )
    }

    /// Decodes a JSON text; throws the syntax error's position when it is not JSON.
    public init(json text: String) throws(JSONParseError) {
        self.init(decoding: try JSONDocument.parse(text).root.value)
    }
}

/// Hands out ids to panels that have none, as Grafana does on load (next after the largest).
struct PanelIDAllocator {
    private var next: Int

    init(_ panels: [JSONValue]) {
        func maxID(_ panels: [JSONValue]) -> Int {
            panels.map { max($0["id"]?.int ?? 0, maxID($0["panels"]?.array ?? [])) }.max() ?? 0
        }
        next = maxID(panels) + 1
    }

    mutating func id(for value: JSONValue?) -> Int {
        if let id = value?.int { return id }
        defer { next += 1 }
        return next
    }
}

extension Panel {
    init?(decoding value: JSONValue, ids: inout PanelIDAllocator) {
        guard case .object = value else { return nil }
        let type = value["type"]?.string ?? ""
        let grid = value["gridPos"]
        // Grafana's PanelModel default gridPos is 6 wide and 3 high at the origin.
        let gridPos = GridPos(x: grid?["x"]?.lenientInt ?? 0, y: grid?["y"]?.lenientInt ?? 0,
                              w: grid?["w"]?.lenientInt ?? 6, h: grid?["h"]?.lenientInt ?? 3).clamped
        let panelDatasource = DatasourceRef(decoding: value["datasource"])
        let targetValues = value["targets"]?.array ?? []
        var refIDs = RefIDAllocator(targetValues)
        let targets = targetValues.compactMap { Target(decoding: $0, refIDs: &refIDs) }
        let children = (value["panels"]?.array ?? []).compactMap { Panel(decoding: $0, ids: &ids) }
        self.init(
            id: ids.id(for: value["id"]),
            type: type,
            title: value["title"]?.scalarText ?? "",
            description: value["description"]?.string ?? "",
            gridPos: gridPos,
            datasource: panelDatasource,
            targets: targets,
            fieldConfig: FieldConfig(decoding: value["fieldConfig"]),
            options: PanelOptions(decoding: value["options"]),
            maxDataPoints: value["maxDataPoints"]?.lenientInt,
            interval: value["interval"]?.string.flatMap { $0.isEmpty ? nil : $0 },
            collapsed: value["collapsed"]?.bool ?? false,
            panels: children,
            repeatVariable: value["repeat"]?.string.flatMap { $0.isEmpty ? nil : $0 },
            raw: value,
            repeatDirection: value["repeatDirection"]?.string == "v" ? .vertical : .horizontal,
            maxPerRow: value["maxPerRow"]?.lenientInt.flatMap { $0 > 0 ? $0 : nil }
        )
    }
}

/// Gives targets without a refId the next free letter, as Grafana's getNextRefId does.
struct RefIDAllocator {
    private var used: Set<String>

    init(_ targets: [JSONValue]) {
        used = Set(targets.compactMap { $0["refId"]?.string })
    }

    mutating func refID(for value: JSONValue?) -> String {
        if let id = value?.string, !id.isEmpty { return id }
        var n = 0
        while true {
            let candidate = Self.letters(n)
            if !used.contains(candidate) {
                used.insert(candidate)
                return candidate
            }
            n += 1
        }
    }

    /// A, B, ..., Z, AA, AB, ...
    static func letters(_ n: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return n < 26 ? String(alphabet[n]) : letters(n / 26 - 1) + String(alphabet[n % 26])
    }
}

extension Target {
    init?(decoding value: JSONValue, refIDs: inout RefIDAllocator) {
        guard case .object = value else { return nil }
        let instant = value["instant"]?.bool ?? false
        // Older dashboards set neither; Grafana then runs a range query.
        let range = value["range"]?.bool ?? !instant
        self.init(
            refId: refIDs.refID(for: value["refId"]),
            expr: value["expr"]?.string ?? "",
            legendFormat: value["legendFormat"]?.string ?? "",
            instant: instant,
            range: range || !instant,
            format: value["format"]?.string ?? "time_series",
            interval: value["interval"]?.string.flatMap { $0.isEmpty ? nil : $0 },
            hide: value["hide"]?.bool ?? false,
            datasource: DatasourceRef(decoding: value["datasource"])
        )
    }
}
