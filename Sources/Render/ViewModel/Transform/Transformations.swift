import Dashboards

/// A panel's `transformations`, applied in order to its data frames as Grafana's
/// transformers do (packages/grafana-data/src/transformations/transformers/*.ts). The ones
/// promdeck does not implement are skipped and named by `ignored`, so inspect can say so.
public enum Transformations {
    public static let supported: Set<String> = [
        "organize", "merge", "joinByField", "seriesToColumns", "reduce", "filterFieldsByName",
        "renameByRegex", "labelsToFields", "sortBy", "calculateField", "seriesToRows",
    ]

    /// The enabled transformations of a panel, as (id, options).
    static func configs(_ panel: Panel) -> [(id: String, options: JSONValue)] {
        (panel.raw["transformations"]?.array ?? []).compactMap { entry in
            guard let id = entry["id"]?.string, entry["disabled"]?.bool != true else { return nil }
            return (id, entry["options"] ?? .object([]))
        }
    }

    /// Ids of the panel's transformations that promdeck skips, in order, without repeats.
    public static func ignored(_ panel: Panel) -> [String] {
        var seen = Set<String>()
        return configs(panel).map(\.id).filter { !supported.contains($0) && seen.insert($0).inserted }
    }

    /// True when the panel has a transformation promdeck applies.
    public static func applies(to panel: Panel) -> Bool {
        configs(panel).contains { supported.contains($0.id) }
    }

    public static func apply(_ panel: Panel, to frames: [DataFrame]) -> [DataFrame] {
        configs(panel).reduce(frames) { frames, config in apply(config.id, options: config.options, to: frames) }
    }

    public static func apply(_ id: String, options: JSONValue, to frames: [DataFrame]) -> [DataFrame] {
        switch id {
        case "organize": frames.map { FieldTransforms.organize($0, options) }
        case "filterFieldsByName": frames.map { FieldTransforms.filterByName($0, options) }
        case "renameByRegex": frames.map { FieldTransforms.renameByRegex($0, options) }
        case "labelsToFields": FieldTransforms.labelsToFields(frames, options)
        case "sortBy": frames.map { FieldTransforms.sortBy($0, options) }
        case "calculateField": frames.map { FieldTransforms.calculateField($0, options) }
        case "merge": FrameTransforms.merge(frames)
        case "joinByField", "seriesToColumns": FrameTransforms.joinByField(frames, options)
        case "reduce": FrameTransforms.reduce(frames, options)
        case "seriesToRows": FrameTransforms.seriesToRows(frames)
        default: frames
        }
    }
}
