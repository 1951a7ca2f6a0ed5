import Foundation
import PackagePlugin

/// Generates the `Bundled` module's file table from the repository's own dashboards/*.json and
/// deploy/alerts.yml at build time, so the files stay the one source of truth and a copied
/// binary still has them.
@main
struct EmbedFiles: BuildToolPlugin {
    /// Paths relative to the package root; the dashboards are every `*.json` in dashboards/.
    static let alertRules = "deploy/alerts.yml"

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        let dashboards = try FileManager.default.contentsOfDirectory(atPath: root.appending(path: "dashboards").path)
            .filter { $0.hasSuffix(".json") }.sorted().map { "dashboards/" + $0 }
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
