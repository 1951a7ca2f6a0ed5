/// What ships inside the binary, so a copy of it alone runs `demo` anywhere: the version, and
/// the repository's example dashboards and alert rules (embedded at build time by the
/// EmbedFiles plugin; the files in dashboards/ and deploy/ stay the source of truth).
public enum Bundled {
    /// promdeck's version: `--version`, `datasources`, inspect, the Debian package, and what
    /// `simulate --api` reports in /api/v1/status/buildinfo.
    public static let version = "0.1.0"

    /// A file as it is in the repository, `path` relative to its root.
    public struct File: Sendable, Equatable {
        public let path: String
        public let text: String
    }

    /// dashboards/*.json, sorted by path.
    public static var dashboards: [File] { files.filter { $0.path.hasPrefix("dashboards/") && !$0.path.hasPrefix(regionsFolder) } }

    /// dashboards/regions/*.json: `demo --regions`' dashboards, whose panels name its
    /// per-region and global datasources.
    public static var regionDashboards: [File] { files.filter { $0.path.hasPrefix(regionsFolder) } }

    static let regionsFolder = "dashboards/regions/"

    /// deploy/alerts.yml: the demo's alerting rules.
    public static var alertRules: File? { files.first { $0.path == "deploy/alerts.yml" } }
}
