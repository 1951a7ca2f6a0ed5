import Foundation
import Testing
import TestSupport
@testable import PrometheusAPI

/// Config files and secret files that are wrong in ways that used to hang, mislead or crawl.
@Suite struct HostileConfigTests {
    private func revealError(_ path: String) -> String? {
        do {
            _ = try Secret(.file(path), key: "basic_auth.password_file").reveal()
            return nil
        } catch {
            return error.description
        }
    }

    /// A FIFO with no writer hung (or said "You don't have permission"); /dev/zero read forever.
    @Test func aSecretFileMustBeASmallRegularFile() throws {
        let directory = try TemporaryDirectory("secrets")
        defer { directory.remove() }
        let fifo = directory.file("fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let clock = ContinuousClock()
        var message: String?
        let elapsed = clock.measure { message = revealError(fifo) }
        #expect(message?.contains("named pipe (FIFO), not a regular file") == true, "\(message ?? "no error")")
        #expect(elapsed < .seconds(2))
        #expect(revealError("/dev/zero")?.contains("is a device, not a regular file") == true)
        #expect(revealError(directory.path)?.contains("is a directory") == true)
        let big = try directory.write("big", String(repeating: "x", count: Secret.maximumFileSize + 1))
        #expect(revealError(big)?.contains("bytes; a secret file holds at most 64 KiB") == true)
        #expect(revealError(directory.file("missing"))?.contains("No such file or directory") == true)
        let good = try directory.write("good", "s3cret\n")
        #expect(try Secret(.file(good), key: "k").reveal() == "s3cret")
    }

    /// A 10 MB value was quoted whole (and ArgumentParser then wrapped it for seconds).
    @Test func errorsQuoteAShortExcerptOfHugeValues() throws {
        let huge = String(repeating: "a", count: 10_000_000)
        // (A 10 MB key is refused by the YAML scanner itself, which quotes none of it.)
        for yaml in [
            "datasources:\n  - name: x\n    url: http://x\n    timeout: \(huge)\n",
            "datasources:\n  - name: \(huge)\n    url: http://x\n  - name: \(huge)\n    url: http://y\n",
            "default: \(huge)\ndatasources:\n  - name: x\n    url: http://x\n",
            "datasources:\n  - name: \(huge)\n    url: ftp://x\n",
        ] {
            let directory = try TemporaryDirectory("config")
            defer { directory.remove() }
            let path = try directory.write("config.yaml", yaml)
            let clock = ContinuousClock()
            var message = ""
            let elapsed = clock.measure {
                do { _ = try PromdeckConfig.load(path: path) } catch { message = "\(error)" }
            }
            #expect(!message.isEmpty)
            #expect(message.count < 600, "\(message.prefix(700))")
            #expect(message.contains("aaaa…\""), "\(message.prefix(700))")
            #expect(elapsed < .seconds(30), "took \(elapsed)")
        }
    }
}
