import Dashboards
import PromModel
import Render

/// Everything a panel renderer needs to draw one panel.
public struct PanelViewInput: Sendable {
    public var panel: Panel
    public var state: PanelState
    public var status: PanelDataStatus
    public var start: Timestamp
    public var end: Timestamp
    public var now: Timestamp
    public var focused: Bool
    public var zoomed: Bool
    /// Alerts and dashboards for the alert list and dashboard list panels.
    public var context = PanelContext()
}

/// Draws one whole panel (frame, title, status badge, contents) into `area`.
///
/// `WidgetPanelRenderer` (the render module's widgets) is the real one.
public protocol PanelRendering: Sendable {
    func render(_ input: PanelViewInput, into buffer: inout Buffer, area: Rect)
}
