import Foundation
import PromModel
import Testing
@testable import PrometheusAPI

/// Server error text never carries a credential onward: vmauth quotes a wrong bearer token
/// in its 401 body, proxies echo Authorization headers.
@Suite struct CredentialScrubberTests {
    static func settings(_ auth: DatasourceSettings.Auth) -> DatasourceSettings {
        DatasourceSettings(name: "global", url: "http://127.0.0.1:8427", auth: auth)
    }

    @Test func theSentTokenIsMaskedWhereverItAppears() {
        let scrubber = CredentialScrubber(
            settings: Self.settings(.authorization(type: "Bearer", credentials: Secret(.value("wrong-token-1d8e5b"), key: "k"))), environment: [:])
        // vmauth's answer to an unknown token (lib/auth/auth.go quotes the auth tokens it saw).
        let body = #"remoteAddr: "127.0.0.1:51234"; cannot authorize request with auth tokens ["bearer:wrong-token-1d8e5b"]"#
        let scrubbed = scrubber.scrub(body)
        #expect(!scrubbed.contains("wrong-token-1d8e5b"))
        #expect(scrubbed.contains("cannot authorize request"))
    }

    @Test func basicPasswordAndItsBase64AreMasked() {
        let scrubber = CredentialScrubber(
            settings: Self.settings(.basic(username: "admin", password: Secret(.value("secret-pw"), key: "k"))), environment: [:])
        let base64 = Data("admin:secret-pw".utf8).base64EncodedString()
        let scrubbed = scrubber.scrub("user admin sent Basic \(base64) (password secret-pw)")
        #expect(!scrubbed.contains(base64))
        #expect(!scrubbed.contains("secret-pw"))
        #expect(scrubbed.contains("admin"))
    }

    @Test func unknownTokensAfterBearerOrTokenFieldsAreMaskedToo() {
        let scrubber = CredentialScrubber(settings: Self.settings(.none), environment: [:])
        let header = scrubber.scrub("invalid header Authorization: Bearer abc.def-ghi")
        #expect(header.hasPrefix("invalid header Authorization: <redacted>"))
        #expect(!header.contains("abc.def-ghi"))
        #expect(scrubber.scrub("bad token=0123456789abcdef, retry") == "bad token=<redacted>, retry")
        #expect(scrubber.scrub("query parse error at 3") == "query parse error at 3")
    }

    @Test func errorsKeepTheirKindAndLoseTheSecret() {
        let scrubber = CredentialScrubber(
            settings: Self.settings(.authorization(type: "Bearer", credentials: Secret(.value("tok-abcdef"), key: "k"))), environment: [:])
        let error = ErrorMapping.unauthorized(status: 401, host: "127.0.0.1:8427", detail: "unknown token tok-abcdef")
        let scrubbed = scrubber.scrub(error)
        #expect(scrubbed.kind == .unauthorized)
        #expect(scrubbed.summary == "HTTP 401")
        #expect(!scrubbed.message.contains("tok-abcdef"))
    }

    @Test func configCarriesUIDTypeAndThanosOptions() throws {
        let config = try PromdeckConfig.parse(yaml: """
            datasources:
              - name: thanos
                uid: P1809F7CD0C75ACF3
                type: prometheus
                url: http://thanos-query:10902
                thanos: {dedup: true, partial_response: false}
              - name: vm
                type: victoriametrics-metrics-datasource
                url: http://vm:8428
            """, path: "/tmp/config.yaml")
        #expect(config.datasources[0].uid == "P1809F7CD0C75ACF3")
        #expect(config.datasources[0].type == "prometheus")
        #expect(config.datasources[0].thanos.parameters.map { "\($0.0)=\($0.1)" } == ["dedup=true", "partial_response=false"])
        #expect(config.datasources[1].flavor == .victoriametrics)
        #expect(throws: ConfigError.self) {
            try PromdeckConfig.parse(yaml: "datasources:\n  - {name: t, url: 'http://x', thanos: {dedup: maybe}}\n", path: "/tmp/c.yaml")
        }
    }
}
