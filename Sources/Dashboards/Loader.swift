import Foundation

/// A dashboard read from disk: where it came from, its source tree (with positions, for
/// lint) and the typed model.
public struct DashboardFile: Sendable {
    public var path: String
    public var document: JSONDocument
    public var dashboard: Dashboard

    public init(path: String, document: JSONDocument) {
        self.path = path
        self.document = document
        dashboard = Dashboard(decoding: DashboardMigrator.migrate(document.root.value))
    }

    /// The file name without its directory and without ".json".
    public var name: String {
        let base = (path as NSString).lastPathComponent
        return base.lowercased().hasSuffix(".json") ? String(base.dropLast(5)) : base
    }
}

/// Why a dashboard could not be loaded or found.
public struct DashboardLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String?
    public var message: String
    /// Set for invalid JSON.
    public var position: SourcePosition?

    public init(path: String?, message: String, position: SourcePosition? = nil) {
        self.path = path
        self.message = message
        self.position = position
    }

    /// `file:line:col: message` when the position is known.
    public var description: String {
        switch (path, position) {
        case (let path?, let position?): "\(path):\(position): \(message)"
        case (let path?, nil): "\(path): \(message)"
        default: message
        }
    }
}

/// Reads dashboard JSON files.
public struct DashboardLoader: Sendable {
    public init() {}

    /// One file.
    public func loadFile(_ path: String) throws(DashboardLoadError) -> DashboardFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DashboardLoadError(path: path, message: "cannot read file")
        }
        return try parse(Array(data), path: path)
    }

    /// A dashboard's JSON from memory (the ones built into the binary); `path` names it in errors.
    public func parse(_ bytes: [UInt8], path: String) throws(DashboardLoadError) -> DashboardFile {
        do {
            return DashboardFile(path: path, document: try JSONDocument.parse(bytes))
        } catch {
            throw DashboardLoadError(path: path, message: "invalid JSON: \(error.message)", position: error.position)
        }
    }

    /// The `*.json` files of a directory (sorted by name, not recursive), or a single file.
    public func jsonFiles(at path: String) throws(DashboardLoadError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DashboardLoadError(path: path, message: "no such file or directory")
        }
        guard isDirectory.boolValue else { return [path] }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw DashboardLoadError(path: path, message: "cannot list directory")
        }
        return names.filter { $0.lowercased().hasSuffix(".json") }.sorted()
            .map { (path as NSString).appendingPathComponent($0) }
    }

    /// Every dashboard under `path` (a file or a directory). Files that fail to load are
    /// reported in `failures` rather than hiding the good ones.
    public func load(_ path: String) throws(DashboardLoadError) -> DashboardCatalog {
        var files: [DashboardFile] = []
        var failures: [DashboardLoadError] = []
        for file in try jsonFiles(at: path) {
            do { files.append(try loadFile(file)) } catch { failures.append(error) }
        }
        return DashboardCatalog(files: files, failures: failures)
    }
}

/// A set of loaded dashboards, searchable by name.
public struct DashboardCatalog: Sendable {
    public var files: [DashboardFile]
    public var failures: [DashboardLoadError]

    public init(files: [DashboardFile], failures: [DashboardLoadError] = []) {
        self.files = files
        self.failures = failures
    }

    /// Finds a dashboard by file name, uid or title (see `DashboardLookup`).
    public func find(_ name: String) throws(DashboardLoadError) -> DashboardFile {
        files[try lookup.index(of: name)]
    }

    /// "name (uid, "Title")" for each dashboard, for error messages and listings.
    public var availableList: String { lookup.availableList }

    private var lookup: DashboardLookup {
        DashboardLookup(files.map { DashboardLookup.Candidate(fileName: $0.name, path: $0.path, dashboard: $0.dashboard) })
    }
}
