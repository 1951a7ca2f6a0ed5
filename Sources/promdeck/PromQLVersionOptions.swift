import ArgumentParser
import PromQL

/// `--promql-version 2|3`, shared by `query`, `lint`, `snapshot`, `view`, `demo` and
/// `simulate --api`: which Prometheus's PromQL our parser and embedded engine speak. 3 (3.14,
/// the default) or 2 (exactly 2.42's parser and engine semantics). A datasource's
/// `promql_version` in the config is the default where that datasource is used; the flag wins.
struct PromQLVersionOptions: ParsableArguments {
    @Option(
        name: .customLong("promql-version"),
        help: ArgumentHelp("PromQL of Prometheus 3 (3.14, the default) or 2 (2.42's parser and engine semantics).", valueName: "2|3"))
    var promqlVersion: Int?

    func validate() throws {
        if let promqlVersion, PromQLVersion(rawValue: promqlVersion) == nil {
            throw ValidationError("--promql-version must be 2 or 3, got \(promqlVersion)")
        }
    }

    /// The flag, else the datasource's configured `promql_version`, else 3.
    func version(configured: Int? = nil) -> PromQLVersion {
        promqlVersion.flatMap(PromQLVersion.init(rawValue:)) ?? configured.flatMap(PromQLVersion.init(rawValue:)) ?? .v3
    }
}
