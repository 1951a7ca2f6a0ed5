import PromModel

/// Prometheus's staleness marker: a NaN with a payload no arithmetic produces, written when a
/// series disappears so queries stop looking back past it. Compare bit patterns, never values.
public enum StaleNaN {
    public static let bitPattern: UInt64 = 0x7ff0_0000_0000_0002
    public static let value = Double(bitPattern: bitPattern)

    public static func isStale(_ value: Double) -> Bool { value.bitPattern == bitPattern }
}

extension Sample {
    /// A staleness marker at `timestamp`.
    public static func staleMarker(at timestamp: Timestamp) -> Sample { Sample(timestamp, StaleNaN.value) }

    public var isStaleMarker: Bool { StaleNaN.isStale(value) }
}
