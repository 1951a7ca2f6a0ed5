#if canImport(Glibc)
import Glibc
#endif

/// Whether a TCP port on 127.0.0.1 can be bound right now.
public func portIsFree(_ port: Int) -> Bool {
    guard (1...65_535).contains(port) else { return false }
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    } == 0
}

/// An offset that makes every one of `ports` free on 127.0.0.1 (for servers on fixed ports
/// shifted by an offset, like `promdeck simulate --port-offset`).
public func freePortOffset(for ports: [Int], range: ClosedRange<Int> = 10_000...50_000) throws -> Int {
    for _ in 0..<200 {
        let offset = Int.random(in: range)
        if ports.allSatisfy({ portIsFree($0 + offset) }) { return offset }
    }
    throw TestSupportError("no port offset in \(range) leaves all of \(ports) free")
}
