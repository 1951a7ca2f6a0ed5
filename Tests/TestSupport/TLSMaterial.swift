import Foundation

/// A throwaway CA and a server certificate it signed (SAN IP 127.0.0.1 and DNS `localhost`,
/// `prometheus.test`), made with openssl in a temp dir; plus an unrelated CA for the
/// wrong-CA case.
public struct TLSMaterial: Sendable {
    public let directory: TemporaryDirectory
    public var caCertificate: String { directory.file("ca.crt") }
    public var serverCertificate: String { directory.file("server.crt") }
    public var serverKey: String { directory.file("server.key") }
    /// A CA that did not sign the server's certificate.
    public var otherCACertificate: String { directory.file("other-ca.crt") }

    public init() throws {
        directory = try TemporaryDirectory("tls")
        let dir = directory
        func openssl(_ arguments: [String]) throws {
            let output = try runCommand("openssl", arguments, directory: dir.path, timeout: .seconds(60))
            guard output.status == 0 else { throw TestSupportError("openssl \(arguments.first ?? "") failed: \(output.stderr)") }
        }
        for ca in ["ca", "other-ca"] {
            try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                         "-keyout", "\(ca).key", "-out", "\(ca).crt", "-days", "2", "-subj", "/CN=promdeck test \(ca)",
                         "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        }
        try openssl(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                     "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"])
        _ = try dir.write("server.ext", """
            subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:prometheus.test
            extendedKeyUsage=serverAuth
            keyUsage=critical,digitalSignature,keyEncipherment

            """)
        try openssl(["x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                     "-out", "server.crt", "-days", "2", "-extfile", "server.ext"])
    }

    public func remove() { directory.remove() }
}
