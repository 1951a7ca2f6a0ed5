/// An invariant a fuzz input broke: the fuzz executable traps on it (so libFuzzer keeps the
/// input), the corpus test reports it.
public struct FuzzFailure: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) { self.description = description }
}

/// One fuzz target: bytes in, the code under test called, its invariants checked. A trap in
/// the code under test is a crash either way; a broken invariant throws.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case promql, dashboard, queryResponse = "query-response", exposition, config, keys, reducer

    /// What `Fuzz/run.sh` and the corpus folders call it.
    public var name: String { rawValue }

    public func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        switch self {
        case .promql: try PromQLTarget.run(bytes)
        case .dashboard: try DashboardTarget.run(bytes)
        case .queryResponse: try QueryResponseTarget.run(bytes)
        case .exposition: try ExpositionTarget.run(bytes)
        case .config: try ConfigTarget.run(bytes)
        case .keys: try KeyDecoderTarget.run(bytes)
        case .reducer: try ReducerTarget.run(bytes)
        }
    }
}

/// Fails with `message` unless `condition` holds.
func check(_ condition: Bool, _ message: @autoclosure () -> String) throws(FuzzFailure) {
    if !condition { throw FuzzFailure(message()) }
}

/// Input bytes as text, the way a file or a server's body would be read: invalid UTF-8
/// repaired, not rejected, so every input reaches the parser.
func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
