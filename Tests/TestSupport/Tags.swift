import Testing

/// What a suite starts for real, so the slow, machine-dependent suites can be picked out
/// (in test reports, and with swift-testing's tag filters) and run alone.
extension Tag {
    @Tag public static var prometheus: Self
    @Tag public static var promtool: Self
    @Tag public static var alertmanager: Self
    @Tag public static var victoriaMetrics: Self
    @Tag public static var nodeExporter: Self
    /// The real viewer in a tmux pane.
    @Tag public static var tmux: Self
    @Tag public static var endToEnd: Self
}
