import PromModel
import Dashboards

/// `promdeck snapshot --format`.
public enum SnapshotFormat: String, Sendable, CaseIterable {
    case text
    case ansi
    case json
}

extension DashboardRenderer {
    /// One headless frame of a dashboard in the requested format: plain text, text with SGR
    /// colours (at this renderer's capability), or every panel's computed values as JSON.
    /// `data` holds each panel's query results by panel id; panels without data show as
    /// loading; `variableErrors` names the variables that could not be resolved.
    public func snapshot(dashboard: Dashboard, data: [Int: PanelData], width: Int, height: Int, time: Timestamp,
                         format: SnapshotFormat, state: DashboardViewState = DashboardViewState(),
                         variableErrors: [String: String] = [:]) throws -> String {
        switch format {
        case .json:
            return try DashboardSnapshot(
                dashboard: dashboard, models: viewModels(dashboard: dashboard, data: data, context: state.context), time: time,
                variableErrors: variableErrors).json()
        case .text, .ansi:
            return output(render(dashboard: dashboard, data: data, width: width, height: height, state: state).buffer, format: format)
        }
    }

    /// A drawn frame as `--format text` or `ansi` prints it (JSON is built from the models).
    public func output(_ buffer: Buffer, format: SnapshotFormat) -> String {
        format == .ansi ? AnsiSerializer.serialize(buffer, capability: theme.options.capability) : AnsiSerializer.plainText(buffer)
    }
}
