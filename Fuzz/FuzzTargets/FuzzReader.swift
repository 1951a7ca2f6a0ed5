/// Reads a fuzz input as a stream of choices; past the end every read is zero, so any
/// input is a complete program.
struct FuzzReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index >= bytes.count }

    mutating func byte() -> UInt8 {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func uint32() -> UInt32 {
        (0..<4).reduce(0) { value, _ in value << 8 | UInt32(byte()) }
    }

    /// A value in `0..<count` (count > 0).
    mutating func choice(_ count: Int) -> Int { Int(byte()) % count }

    mutating func element<T>(of array: [T]) -> T { array[choice(array.count)] }

    /// Up to `limit` bytes as text (invalid UTF-8 repaired).
    mutating func string(limit: Int) -> String {
        let count = choice(limit + 1)
        return String(decoding: (0..<count).map { _ in byte() }, as: UTF8.self)
    }
}
