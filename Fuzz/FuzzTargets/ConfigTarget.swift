import PrometheusAPI

/// `config.yaml` as a user could write it: YAML, then our validation of datasources.
enum ConfigTarget {
    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        let config: PromdeckConfig
        do {
            config = try PromdeckConfig.parse(yaml: text(bytes), path: "/fuzz/config.yaml")
        } catch {
            // The message is shown to the user; it must stay short whatever the input.
            let message = error.description
            try check(message.utf8.count <= 4096 + 200, "error message of \(message.utf8.count) bytes")
            return
        }
        for datasource in config.datasources { _ = datasource.name }
        _ = try? config.datasource(named: nil)
    }
}
