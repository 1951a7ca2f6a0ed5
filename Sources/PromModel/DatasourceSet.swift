/// The servers a dashboard may query, by configured name: the query plan names one per
/// request (nil: the default), and whoever runs the request picks it here.
public struct DatasourceSet: Sendable {
    public var defaultDatasource: any Datasource
    public var byName: [String: any Datasource]

    public init(default defaultDatasource: any Datasource, byName: [String: any Datasource] = [:]) {
        self.defaultDatasource = defaultDatasource
        self.byName = byName
    }

    /// The datasource `name` names; nil is the default. A name that is not here is a
    /// configuration error on the panel, never a quiet detour to the default server.
    public func datasource(_ name: String?) throws(QueryError) -> any Datasource {
        guard let name else { return defaultDatasource }
        guard let found = byName[name] else {
            throw QueryError(.configuration, "datasource \(name) is not configured; configured: \(byName.keys.sorted().joined(separator: ", "))",
                             summary: "datasource \(name) not configured")
        }
        return found
    }
}
