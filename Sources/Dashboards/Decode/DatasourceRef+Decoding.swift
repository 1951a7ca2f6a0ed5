extension DatasourceRef {
    /// `{"type": "prometheus", "uid": "..."}`, or the legacy form: a datasource *name* as a
    /// plain string (kept as the uid, which the viewer resolves by uid or name). `null`
    /// means the default datasource.
    init?(decoding value: JSONValue?) {
        guard let value else { return nil }
        switch value {
        case .string(let name):
            self.init(type: nil, uid: name)
        case .object:
            let type = value["type"]?.string
            let uid = value["uid"]?.scalarText
            if type == nil && uid == nil { return nil }
            self.init(type: type, uid: uid)
        default:
            return nil
        }
    }
}
