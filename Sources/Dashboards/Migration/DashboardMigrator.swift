/// Rewrites dashboard JSON of older schemas into the current one before it is decoded, as
/// Grafana does on load (public/app/features/dashboard/state/DashboardMigrator.ts, plus the
/// automatic migration of Angular panels to their React successors): `rows[]` become grid
/// panels, `graph` a time series, `singlestat` a stat or gauge, `table-old` a table,
/// datasource names references, and `__inputs` placeholders the datasource in use.
/// A dashboard in the current schema comes back unchanged.
public enum DashboardMigrator {
    public static func migrate(_ dashboard: JSONValue) -> JSONValue {
        guard case .object = dashboard else { return dashboard }
        let version = dashboard["schemaVersion"]?.int ?? 0
        var migrated = DatasourceMigration.resolveInputs(dashboard)
        if migrated["rows"]?.array != nil { migrated = RowsToGrid.migrate(migrated) }
        if let panels = migrated["panels"]?.array {
            migrated = migrated.setting("panels", .array(panels.map { migratePanel($0, schemaVersion: version) }))
        }
        return migrated
    }

    /// One panel (and a row's own panels).
    static func migratePanel(_ panel: JSONValue, schemaVersion: Int) -> JSONValue {
        guard case .object = panel else { return panel }
        var migrated = DatasourceMigration.namesToReferences(panel)
        var type = migrated["type"]?.string ?? ""
        // Schema 24 (Grafana 7): a saved Angular table (it has styles) became table-old.
        if schemaVersion < 24, type == "table", migrated["styles"] != nil, migrated["table"]?.string != "table2" {
            type = "table-old"
        }
        switch type {
        case "graph": migrated = GraphMigration.migrate(migrated)
        case "singlestat", "grafana-singlestat-panel": migrated = SinglestatMigration.migrate(migrated)
        case "table-old": migrated = TableOldMigration.migrate(migrated)
        case "text2": migrated = migrated.setting("type", .string("text"))
        default: break
        }
        if let children = migrated["panels"]?.array {
            migrated = migrated.setting("panels", .array(children.map { migratePanel($0, schemaVersion: schemaVersion) }))
        }
        return migrated
    }
}
