import Foundation

/// Checks Grafana dashboard files: JSON syntax, required fields, panel layout, targets,
/// variable references, units and (through `expressionChecker`) PromQL syntax.
public struct DashboardLinter: Sendable {
    /// Panel types promdeck draws; others get a warning. The old `graph`, `singlestat` and
    /// `table-old` are drawn as time series, stat and table (Render's PanelViewModelBuilder).
    public static let supportedPanelTypes: Set<String> = [
        "stat", "gauge", "bargauge", "timeseries", "table", "heatmap", "piechart", "text", "row",
        "graph", "singlestat", "table-old", "state-timeline", "status-history", "histogram", "barchart",
        "alertlist", "dashlist",
    ]

    /// Parses each expression after variable substitution; nil skips PromQL checks.
    public var expressionChecker: ExpressionChecker?
    /// When set, used instead of `expressionChecker`: errors and warnings, per language.
    public var expressionAnalyzer: ExpressionAnalyzer?
    /// Datasource names and uids that are VictoriaMetrics (checked as MetricsQL).
    public var metricsQLDatasources: Set<String> = []
    /// Names of datasources whose server speaks Prometheus 2.42's PromQL.
    public var promQL2Datasources: Set<String> = []
    /// The configured datasources (`--config`): a uid none of them has is warned about.
    /// nil (no config given) checks nothing, as a dashboard may be meant for any server.
    public var datasources: DatasourceCatalog?
    /// Used for the plausible `$__interval`-style values substituted before checking.
    public var calculator: IntervalCalculator

    public init(expressionChecker: ExpressionChecker? = nil, calculator: IntervalCalculator = IntervalCalculator()) {
        self.expressionChecker = expressionChecker
        self.calculator = calculator
    }

    /// Lints files and directories (a directory means its `*.json` files).
    public func lint(paths: [String]) -> LintReport {
        var report = LintReport()
        let loader = DashboardLoader()
        for path in paths {
            do {
                for file in try loader.jsonFiles(at: path) {
                    report.fileCount += 1
                    report.diagnostics += lint(file: file)
                }
            } catch {
                report.diagnostics.append(Diagnostic(file: path, position: nil, severity: .error, message: error.message))
            }
        }
        return report
    }

    public func lint(file path: String) -> [Diagnostic] {
        guard let data = FileManager.default.contents(atPath: path) else {
            return [Diagnostic(file: path, position: nil, severity: .error, message: "cannot read file")]
        }
        return lint(source: Array(data), path: path)
    }

    /// Lints JSON text; `path` is only used in the diagnostics.
    public func lint(source: [UInt8], path: String) -> [Diagnostic] {
        do {
            return lint(document: try JSONDocument.parse(source), path: path)
        } catch {
            return [Diagnostic(file: path, position: error.position, severity: .error, message: "invalid JSON: \(error.message)")]
        }
    }

    public func lint(source: String, path: String) -> [Diagnostic] {
        lint(source: Array(source.utf8), path: path)
    }

    public func lint(document: JSONDocument, path: String) -> [Diagnostic] {
        var context = LintContext(document: document, path: path, linter: self)
        context.run()
        return context.diagnostics.sorted { ($0.position?.offset ?? -1) < ($1.position?.offset ?? -1) }
    }
}

/// One file's lint pass.
struct LintContext {
    let document: JSONDocument
    let path: String
    let linter: DashboardLinter
    var diagnostics: [Diagnostic] = []
    /// Names from templating.list.
    var variableNames: Set<String> = []
    var substitution = TemplateInterpolator(variables: [])
    /// Datasource variables by name → the plugin type they list ("prometheus").
    var datasourceVariableTypes: [String: String] = [:]

    init(document: JSONDocument, path: String, linter: DashboardLinter) {
        self.document = document
        self.path = path
        self.linter = linter
    }

    mutating func error(_ message: String, at position: SourcePosition?) {
        diagnostics.append(Diagnostic(file: path, position: position, severity: .error, message: message))
    }

    mutating func warning(_ message: String, at position: SourcePosition?) {
        diagnostics.append(Diagnostic(file: path, position: position, severity: .warning, message: message))
    }

    mutating func note(_ message: String, at position: SourcePosition?) {
        diagnostics.append(Diagnostic(file: path, position: position, severity: .note, message: message))
    }

    mutating func run() {
        let root = document.root
        guard root.members != nil else {
            error("a dashboard must be a JSON object, found \(root.kindDescription)", at: root.start)
            return
        }
        if root.member("uid") == nil {
            // Grafana gives a dashboard without one a new uid on import.
            warning("dashboard has no \"uid\" (Grafana assigns one on import; promdeck finds it by file name or title)", at: root.start)
        } else {
            requireString("uid", in: root, owner: "dashboard")
        }
        requireString("title", in: root, owner: "dashboard")
        checkVariables(root)
        guard let panelsMember = root.member("panels") else {
            // The schema before Grafana 5 (schemaVersion < 16): panels inside `rows[]`,
            // placed by `span`, which Grafana migrates on load.
            if let rows = root["rows"]?.items {
                var ids = PanelIDRegistry()
                for row in rows { checkPanels(row["panels"]?.items ?? [], ids: &ids, placed: false) }
            } else {
                error("dashboard has no \"panels\"", at: root.start)
            }
            return
        }
        guard let panels = panelsMember.value.items else {
            error("\"panels\" must be an array, found \(panelsMember.value.kindDescription)", at: panelsMember.value.start)
            return
        }
        var ids = PanelIDRegistry()
        checkPanels(panels, ids: &ids)
    }

    /// A member that must be a non-empty string.
    mutating func requireString(_ key: String, in node: JSONNode, owner: String) {
        guard let member = node.member(key) else {
            error("\(owner) has no \"\(key)\"", at: node.start)
            return
        }
        guard let text = member.value.string else {
            error("\"\(key)\" must be a string, found \(member.value.kindDescription)", at: member.value.start)
            return
        }
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            error("\"\(key)\" must not be empty", at: member.value.start)
        }
    }

    /// `placed`: the panels carry `gridPos` (false for the old `rows[]` schema).
    mutating func checkPanels(_ panels: [JSONNode], ids: inout PanelIDRegistry, placed: Bool = true) {
        var layout = GridLayout()
        for panel in panels {
            guard panel.members != nil else {
                error("a panel must be an object, found \(panel.kindDescription)", at: panel.start)
                continue
            }
            checkPanel(panel, ids: &ids)
            if placed, let rect = checkGridPos(panel) {
                if let other = layout.firstOverlap(with: rect) {
                    // Grafana's grid compacts overlapping panels on load: draws, but not as saved.
                    warning("panel \(describe(panel)) overlaps panel \(other.label) in the grid", at: panel["gridPos"]?.start ?? panel.start)
                }
                layout.add(rect, label: describe(panel))
            }
            if panel["type"]?.string == "row", let children = panel["panels"]?.items, !children.isEmpty {
                // A collapsed row keeps its panels and lays them out on their own when opened.
                checkPanels(children, ids: &ids)
            }
        }
    }

    /// `3 "HTTP Request Rate"`, for messages.
    func describe(_ panel: JSONNode) -> String {
        let id = panel["id"]?.int.map(String.init) ?? "?"
        let title = panel["title"]?.string ?? ""
        return title.isEmpty ? id : "\(id) \"\(title)\""
    }

    mutating func checkPanel(_ panel: JSONNode, ids: inout PanelIDRegistry) {
        if let idMember = panel.member("id") {
            if let id = idMember.value.int {
                if let first = ids.register(id, at: idMember.value.start) {
                    error("duplicate panel id \(id) (first used at \(first))", at: idMember.value.start)
                }
            } else {
                error("panel \"id\" must be an integer, found \(idMember.value.kindDescription)", at: idMember.value.start)
            }
        }
        guard let typeMember = panel.member("type") else {
            error("panel \(describe(panel)) has no \"type\"", at: panel.start)
            return
        }
        guard let type = typeMember.value.string else {
            error("panel \"type\" must be a string, found \(typeMember.value.kindDescription)", at: typeMember.value.start)
            return
        }
        if !DashboardLinter.supportedPanelTypes.contains(type) {
            let drawn = DashboardLinter.supportedPanelTypes.subtracting(["row"]).sorted().joined(separator: ", ")
            warning("unsupported panel type \"\(type)\" (promdeck draws \(drawn))", at: typeMember.value.start)
        }
        for key in ["title", "interval"] {
            if let node = panel[key], node.string != nil { checkReferences(in: node, what: "panel \(key)") }
        }
        checkDatasource(panel["datasource"])
        checkRepeat(panel)
        checkUnits(panel)
        checkOverrides(panel)
        guard type != "row" else { return }
        if let targets = panel["targets"]?.items {
            for target in targets { checkTarget(target, panel: panel) }
        }
    }

    mutating func checkDatasource(_ node: JSONNode?) {
        guard let node else { return }
        if node.string != nil { checkReferences(in: node, what: "datasource") }
        if let uid = node["uid"], uid.string != nil { checkReferences(in: uid, what: "datasource") }
        let text = node.string ?? node["uid"]?.string
        if let catalog = linter.datasources, catalog.entries.count > 1, let unknown = catalog.unknownUID(DatasourceRef(uid: text)) {
            let configured = catalog.entries.map(\.label).joined(separator: ", ")
            warning("datasource uid '\(unknown)' not configured (configured: \(configured)); its panel will show an error", at: node.start)
        }
    }

    /// `repeat` must name a template variable; `repeatDirection` is "h" or "v".
    mutating func checkRepeat(_ panel: JSONNode) {
        if let node = panel["repeat"], !node.isNull {
            if let name = node.string {
                if !name.isEmpty && !variableNames.contains(name) {
                    error("panel \(describe(panel)) repeats for unknown variable \"\(name)\"", at: node.start)
                }
            } else {
                error("\"repeat\" must be a variable name, found \(node.kindDescription)", at: node.start)
            }
        }
        if let node = panel["repeatDirection"], !node.isNull, node.string != "h", node.string != "v" {
            error("\"repeatDirection\" must be \"h\" or \"v\"", at: node.start)
        }
    }

    mutating func checkUnits(_ panel: JSONNode) {
        guard let fieldConfig = panel["fieldConfig"] else { return }
        if let unit = fieldConfig["defaults"]?["unit"] { checkUnit(unit) }
        for override in fieldConfig["overrides"]?.items ?? [] {
            for property in override["properties"]?.items ?? [] where property["id"]?.string == "unit" {
                if let value = property["value"] { checkUnit(value) }
            }
        }
    }

    mutating func checkUnit(_ node: JSONNode) {
        guard let unit = node.string else {
            if !node.isNull { error("\"unit\" must be a string, found \(node.kindDescription)", at: node.start) }
            return
        }
        if !unit.isEmpty && !GrafanaUnits.isKnown(unit) {
            // Grafana shows any unit it does not know as a suffix.
            warning("unit \"\(unit)\" is not one of Grafana's; it is shown as a suffix", at: node.start)
        }
    }
}

/// Panel ids seen so far, with where each was first used.
struct PanelIDRegistry {
    private var seen: [Int: SourcePosition] = [:]

    /// nil the first time; the earlier position for a duplicate.
    mutating func register(_ id: Int, at position: SourcePosition) -> SourcePosition? {
        if let first = seen[id] { return first }
        seen[id] = position
        return nil
    }
}
