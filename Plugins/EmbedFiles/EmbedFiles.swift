import Foundation
import PackagePlugin

/// Generates the `Bundled` module's file table from the repository's own dashboards/*.json and
/// deploy/alerts.yml at build time, so the files stay the one source of truth and a copied
/// binary still has them.
@main
struct EmbedFiles: BuildToolPlugin {
    /// Paths relative to the package root; the dashboards are every `*.json` in dashboards/ and dashboards/regions/.
    static let alertRules = "deploy/alerts.yml"

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        func jsonFiles(_ directory: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: root.appending(path: directory).path)
                .filter { $0.hasSuffix(".json") }.sorted().map { directory + "/" + $0 }
        }
        // dashboards/regions/ holds `demo --regions`' dashboards (its datasource uids exist only there).
        let dashboards = try jsonFiles("dashboards") + jsonFiles("dashboards/regions")
        let relative = dashboards + [Self.alertRules]
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(relative.count) files in Bundled",
                executable: try context.tool(named: "EmbedFilesTool").url,
                arguments: [output.path, root.path] + relative,
                inputFiles: relative.map { root.appending(path: $0) },
                outputFiles: [output])
        ]
    }
}
