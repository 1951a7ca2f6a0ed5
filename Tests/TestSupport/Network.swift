import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A TCP port on 127.0.0.1 that is free right now, chosen below the kernel's ephemeral range
/// (32768–60999 on Linux): a port the kernel hands out for `bind(0)` can be taken by any
/// outgoing connection of a parallel test between this check and the server's own bind, which
/// is how a Prometheus once failed with "address already in use" in CI.
public func freePort() throws -> Int {
    for _ in 0..<500 {
        let port = Int.random(in: 10_000...32_000)
        if portIsFree(port) { return port }
    }
    throw TestSupportError("no free port in 10000...32000 on 127.0.0.1")
}

/// A plain HTTP GET on loopback; nil when the connection fails.
public func httpGet(_ url: String, timeout: TimeInterval = 5) async -> (status: Int, body: String)? {
    guard let url = URL(string: url) else { return nil }
    var request = URLRequest(url: url)
    request.timeoutInterval = timeout
    guard let (data, response) = try? await URLSession.shared.data(for: request),
          let http = response as? HTTPURLResponse else { return nil }
    return (http.statusCode, String(decoding: data, as: UTF8.self))
}

/// Polls `condition` until it holds or `timeout` passes.
public func waitUntil(timeout: Duration = .seconds(30), interval: Duration = .milliseconds(100), _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: interval)
    }
    return await condition()
}

/// A fresh directory under the system temp dir, removed by `remove()`.
public struct TemporaryDirectory: Sendable {
    public let path: String

    public init(_ prefix: String = "promdeck-test") throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(12))")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    public func write(_ name: String, _ contents: String) throws -> String {
        let target = file(name)
        try contents.write(toFile: target, atomically: true, encoding: .utf8)
        return target
    }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The repository's root (the folder with Package.swift), found from this source file.
public func repositoryRoot(filePath: String = #filePath) -> String {
    var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while url.path != "/" {
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        url.deleteLastPathComponent()
    }
    return FileManager.default.currentDirectoryPath
}
