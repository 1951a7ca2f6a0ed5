import PromModel
import Foundation
import Yams

/// Walks the config file's YAML node tree (not Codable) so every unknown key and bad value
/// is reported with its line and column from the node's mark.
struct ConfigParser {
    let path: String
    private var directory: String { (path as NSString).deletingLastPathComponent }

    init(path: String) {
        self.path = path
    }

    typealias Fields = [String: (key: Node, value: Node)]

    func parse(_ text: String) throws(ConfigError) -> PromdeckConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw yamlError(error)
        }
        var config = PromdeckConfig(path: path)
        guard let root, root.null == nil else { return config }
        let fields = try self.fields(root, in: "the config file", allowed: ["default", "datasources", "theme", "alertmanager_url", "dashboards"])
        if let entry = fields["theme"] { config.theme = try string(entry.value, key: "theme") }
        if let entry = fields["alertmanager_url"] {
            config.alertmanagerURL = try DatasourceURL.validate(try string(entry.value, key: "alertmanager_url"), key: "alertmanager_url", location: location(entry.value))
        }
        if let entry = fields["dashboards"], entry.value.null == nil {
            guard let sequence = entry.value.sequence else { throw error(at: entry.value, "dashboards: expected a list of directories") }
            config.dashboards = try sequence.enumerated().map { index, node throws(ConfigError) in try directoryPath(node, key: "dashboards[\(index)]") }
        }
        if let entry = fields["datasources"], entry.value.null == nil {
            guard let sequence = entry.value.sequence else { throw error(at: entry.value, "datasources: expected a list of datasources") }
            for (index, node) in sequence.enumerated() {
                let settings = try datasource(node, context: "datasources[\(index)]")
                if let previous = config.datasources.first(where: { $0.name == settings.name }) {
                    throw error(at: node, "datasources[\(index)]: duplicate name \(ErrorMapping.excerpt(settings.name)) (first defined at \(previous.source ?? "?"))")
                }
                config.datasources.append(settings)
            }
        }
        if let entry = fields["default"] {
            let name = try string(entry.value, key: "default")
            guard config.datasources.contains(where: { $0.name == name }) else {
                throw error(at: entry.value, "default: no datasource named \(ErrorMapping.excerpt(name)) (configured: \(config.datasources.map(\.name).joined(separator: ", ")))")
            }
            config.defaultDatasource = name
        }
        return config
    }

    // MARK: Datasources

    private func datasource(_ node: Node, context: String) throws(ConfigError) -> DatasourceSettings {
        let fields = try self.fields(node, in: context, allowed: [
            "name", "url", "basic_auth", "authorization", "http_headers", "tls_config", "timeout", "scrape_interval", "flavor",
            "incremental_querying", "incremental_overlap",
            "promql_version",
            "uid", "type", "thanos",
        ], hints: [
            "bearer_token": "use authorization: {type: Bearer, credentials_file: FILE}",
            "bearer_token_file": "use authorization: {type: Bearer, credentials_file: FILE}",
            "headers": "the key is http_headers",
        ])
        guard let nameEntry = fields["name"] else { throw error(at: node, "\(context): missing key \"name\"") }
        let name = try string(nameEntry.value, key: "\(context).name")
        guard !name.isEmpty else { throw error(at: nameEntry.value, "\(context).name: must not be empty") }
        let prefix = "datasource \(ErrorMapping.excerpt(name))"
        guard let urlEntry = fields["url"] else { throw error(at: node, "\(prefix): missing key \"url\"") }
        let url = try DatasourceURL.validate(try string(urlEntry.value, key: "\(prefix) url"), key: "\(prefix) url", location: location(urlEntry.value))
        var settings = DatasourceSettings(name: name, url: url, source: "\(path):\(node.mark?.line ?? 0)")
        if let basic = fields["basic_auth"] { settings.auth = try basicAuth(basic.value, prefix: prefix) }
        if let authorization = fields["authorization"] {
            if case .basic = settings.auth {
                throw error(at: authorization.key, "\(prefix): basic_auth and authorization are mutually exclusive")
            }
            settings.auth = try self.authorization(authorization.value, prefix: prefix)
        }
        if let headers = fields["http_headers"] { settings.headers = try httpHeaders(headers.value, prefix: prefix) }
        if let tls = fields["tls_config"] { settings.tls = try tlsConfig(tls.value, prefix: prefix) }
        if let timeout = fields["timeout"] { settings.timeout = try duration(timeout.value, key: "\(prefix) timeout") }
        if let interval = fields["scrape_interval"] { settings.scrapeInterval = try duration(interval.value, key: "\(prefix) scrape_interval") }
        if let entry = fields["incremental_querying"] {
            guard entry.value.scalar != nil, let flag = entry.value.bool else {
                throw error(at: entry.value, "\(prefix) incremental_querying: expected true or false")
            }
            settings.incrementalQuerying = flag
        }
        if let overlap = fields["incremental_overlap"] { settings.incrementalOverlap = try duration(overlap.value, key: "\(prefix) incremental_overlap") }
        if let entry = fields["flavor"] {
            let text = try string(entry.value, key: "\(prefix) flavor")
            guard let flavor = DatasourceSettings.Flavor(rawValue: text) else {
                throw error(at: entry.value, "\(prefix) flavor: \"\(text)\" is not one of \(DatasourceSettings.Flavor.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            settings.flavor = flavor
        }
        if let entry = fields["promql_version"] {
            let text = try string(entry.value, key: "\(prefix) promql_version")
            guard let version = Int(text), DatasourceSettings.promQLVersions.contains(version) else {
                throw error(at: entry.value, "\(prefix) promql_version: \"\(text)\" is not one of 2, 3")
            }
            settings.promQLVersion = version
        }
        if let entry = fields["uid"] {
            settings.uid = try string(entry.value, key: "\(prefix) uid")
            guard settings.uid?.isEmpty == false else { throw error(at: entry.value, "\(prefix) uid: must not be empty") }
        }
        if let entry = fields["type"] {
            settings.type = try string(entry.value, key: "\(prefix) type")
            // A VictoriaMetrics plugin datasource speaks MetricsQL, as `flavor: victoriametrics` says.
            if settings.type == "victoriametrics-metrics-datasource", fields["flavor"] == nil { settings.flavor = .victoriametrics }
        }
        if let entry = fields["thanos"] { settings.thanos = try thanos(entry.value, prefix: prefix) }
        return settings
    }

    /// `thanos: {dedup: true, partial_response: false}`: sent with every query to a Thanos Querier.
    private func thanos(_ node: Node, prefix: String) throws(ConfigError) -> DatasourceSettings.Thanos {
        let context = "\(prefix) thanos"
        let fields = try self.fields(node, in: context, allowed: ["dedup", "partial_response"])
        var options = DatasourceSettings.Thanos()
        for (key, entry) in fields {
            guard entry.value.scalar != nil, let flag = entry.value.bool else {
                throw error(at: entry.value, "\(context).\(key): expected true or false")
            }
            if key == "dedup" { options.dedup = flag } else { options.partialResponse = flag }
        }
        return options
    }

    private func basicAuth(_ node: Node, prefix: String) throws(ConfigError) -> DatasourceSettings.Auth {
        let context = "\(prefix) basic_auth"
        let fields = try self.fields(node, in: context, allowed: ["username", "password_file", "password_env"], hints: [
            "password": "inline passwords are not allowed; put it in a file named by password_file, or in an environment variable named by password_env",
        ])
        guard let user = fields["username"] else { throw error(at: node, "\(context): missing key \"username\"") }
        let username = try string(user.value, key: "\(context).username")
        let password = try secret(fields, fileKey: "password_file", envKey: "password_env", context: context, node: node)
        return .basic(username: username, password: password)
    }

    private func authorization(_ node: Node, prefix: String) throws(ConfigError) -> DatasourceSettings.Auth {
        let context = "\(prefix) authorization"
        let fields = try self.fields(node, in: context, allowed: ["type", "credentials_file", "credentials_env"], hints: [
            "credentials": "inline credentials are not allowed; use credentials_file or credentials_env",
        ])
        var type = "Bearer"
        if let entry = fields["type"] {
            type = try string(entry.value, key: "\(context).type")
            guard !type.isEmpty, !type.contains(where: { $0 == " " || $0.isNewline }) else {
                throw error(at: entry.value, "\(context).type: must be one word such as Bearer")
            }
            guard type.lowercased() != "basic" else { throw error(at: entry.value, "\(context).type: use basic_auth for Basic authentication") }
        }
        let credentials = try secret(fields, fileKey: "credentials_file", envKey: "credentials_env", context: context, node: node)
        return .authorization(type: type, credentials: credentials)
    }

    private func secret(_ fields: Fields, fileKey: String, envKey: String, context: String, node: Node) throws(ConfigError) -> Secret {
        switch (fields[fileKey], fields[envKey]) {
        case (let file?, nil):
            let path = try filePath(file.value, key: "\(context).\(fileKey)")
            return Secret(.file(path), key: "\(context).\(fileKey)", location: "\(self.path):\(file.value.mark?.line ?? 0)")
        case (nil, let env?):
            let name = try string(env.value, key: "\(context).\(envKey)")
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw error(at: env.value, "\(context).\(envKey): not an environment variable name")
            }
            return Secret(.environment(name), key: "\(context).\(envKey)", location: "\(self.path):\(env.value.mark?.line ?? 0)")
        case (_?, let env?):
            throw error(at: env.key, "\(context): set only one of \(fileKey) and \(envKey)")
        case (nil, nil):
            throw error(at: node, "\(context): missing \(fileKey) or \(envKey)")
        }
    }

    private static let reservedHeaders: Set<String> = [
        "authorization", "host", "content-length", "content-type", "content-encoding", "accept-encoding",
        "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization",
    ]

    private func httpHeaders(_ node: Node, prefix: String) throws(ConfigError) -> [HTTPHeaderField] {
        let context = "\(prefix) http_headers"
        guard let mapping = node.mapping else { throw error(at: node, "\(context): expected a mapping of header names to values") }
        var headers: [HTTPHeaderField] = []
        for (key, value) in mapping {
            let name = try string(key, key: context)
            let token = CharacterSet(charactersIn: "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
            guard !name.isEmpty, name.unicodeScalars.allSatisfy(token.contains) else {
                throw error(at: key, "\(context): \(ErrorMapping.excerpt(name)) is not a valid header name")
            }
            guard !ConfigParser.reservedHeaders.contains(name.lowercased()) else {
                let advice = name.lowercased() == "authorization" ? "; use the authorization or basic_auth block, which keep the secret in a file" : ""
                throw error(at: key, "\(context): header \(ErrorMapping.excerpt(name)) is set by promdeck itself\(advice)")
            }
            guard !headers.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw error(at: key, "\(context): duplicate header \(ErrorMapping.excerpt(name))")
            }
            let text = try string(value, key: "\(context).\(name)")
            guard !text.contains(where: { $0 == "\r" || $0 == "\n" }) else { throw error(at: value, "\(context).\(ErrorMapping.excerpt(name)): a header value cannot span lines") }
            headers.append(HTTPHeaderField(name, text))
        }
        return headers
    }

    private func tlsConfig(_ node: Node, prefix: String) throws(ConfigError) -> DatasourceSettings.TLS {
        let context = "\(prefix) tls_config"
        let fields = try self.fields(node, in: context, allowed: ["ca_file", "cert_file", "key_file", "server_name", "insecure_skip_verify"], hints: [
            "ca": "use ca_file", "cert": "use cert_file", "key": "use key_file",
        ])
        var tls = DatasourceSettings.TLS()
        if let entry = fields["ca_file"] { tls.caFile = try filePath(entry.value, key: "\(context).ca_file") }
        if let entry = fields["cert_file"] { tls.certFile = try filePath(entry.value, key: "\(context).cert_file") }
        if let entry = fields["key_file"] { tls.keyFile = try filePath(entry.value, key: "\(context).key_file") }
        if (tls.certFile == nil) != (tls.keyFile == nil) {
            throw error(at: node, "\(context): cert_file and key_file go together (a client certificate needs its key)")
        }
        if let entry = fields["server_name"] {
            tls.serverName = try string(entry.value, key: "\(context).server_name")
            guard tls.serverName?.isEmpty == false else { throw error(at: entry.value, "\(context).server_name: must not be empty") }
        }
        if let entry = fields["insecure_skip_verify"] {
            guard entry.value.scalar != nil, let flag = entry.value.bool else {
                throw error(at: entry.value, "\(context).insecure_skip_verify: expected true or false")
            }
            tls.insecureSkipVerify = flag
        }
        return tls
    }
}

// MARK: - Node helpers

extension ConfigParser {
    /// A mapping's entries by key, after rejecting unknown and duplicate keys.
    func fields(_ node: Node, in context: String, allowed: [String], hints: [String: String] = [:]) throws(ConfigError) -> Fields {
        guard let mapping = node.mapping else { throw error(at: node, "\(context): expected a mapping with keys \(allowed.joined(separator: ", "))") }
        var fields: Fields = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw error(at: key, "\(context): keys must be plain names") }
            guard allowed.contains(name) else {
                let hint = hints[name].map { ": \($0)" } ?? " (allowed: \(allowed.joined(separator: ", ")))"
                throw error(at: key, "\(context): unknown key \(ErrorMapping.excerpt(name))\(hint)")
            }
            guard fields[name] == nil else { throw error(at: key, "\(context): duplicate key \(ErrorMapping.excerpt(name))") }
            fields[name] = (key, value)
        }
        return fields
    }

    func string(_ node: Node, key: String) throws(ConfigError) -> String {
        guard let scalar = node.scalar, node.null == nil || scalar.style != .plain else {
            throw error(at: node, "\(key): expected a string")
        }
        return scalar.string
    }

    func duration(_ node: Node, key: String) throws(ConfigError) -> Duration {
        let text = try string(node, key: key)
        guard let milliseconds = PrometheusDuration.milliseconds(text), milliseconds > 0 else {
            throw error(at: node, "\(key): \(ErrorMapping.excerpt(text)) is not a duration such as 30s, 1m or 1m30s")
        }
        return .milliseconds(milliseconds)
    }

    /// An existing file; relative paths are taken from the config file's directory.
    func filePath(_ node: Node, key: String) throws(ConfigError) -> String {
        let text = try string(node, key: key)
        guard !text.isEmpty else { throw error(at: node, "\(key): must not be empty") }
        let expanded = (text as NSString).expandingTildeInPath
        let resolved = expanded.hasPrefix("/") ? expanded : (directory as NSString).appendingPathComponent(expanded)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw error(at: node, "\(key): no such file \(ErrorMapping.excerpt(resolved))")
        }
        return resolved
    }

    /// A directory path, relative ones taken from the config file's directory; whether it
    /// exists is the viewer's concern (it lists where it looked).
    func directoryPath(_ node: Node, key: String) throws(ConfigError) -> String {
        let text = try string(node, key: key)
        guard !text.isEmpty else { throw error(at: node, "\(key): must not be empty") }
        let expanded = (text as NSString).expandingTildeInPath
        return expanded.hasPrefix("/") ? expanded : (directory as NSString).appendingPathComponent(expanded)
    }

    func location(_ node: Node) -> (path: String?, line: Int?, column: Int?) {
        (path, node.mark?.line, node.mark?.column)
    }

    func error(at node: Node, _ message: String) -> ConfigError {
        ConfigError(message, path: path, line: node.mark?.line, column: node.mark?.column)
    }

    func yamlError(_ error: any Error) -> ConfigError {
        guard let yaml = error as? YamlError else { return ConfigError("invalid YAML: \(error)", path: path) }
        switch yaml {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return ConfigError("invalid YAML: \(detail)\(problem)", path: path, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the key's first occurrence.
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return ConfigError("duplicate key \(keys) (first defined here)", path: path, line: context.mark.line, column: context.mark.column)
        default:
            return ConfigError("invalid YAML: \(yaml)", path: path)
        }
    }
}
