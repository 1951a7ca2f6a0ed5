import Foundation
import PromModel

/// Virtual time: starts at `origin` (virtual, ms) when created and runs `speed` times faster
/// than the wall clock.
public struct VirtualClock: Sendable {
    public let origin: Timestamp
    public let speed: Double
    private let realStart: ContinuousClock.Instant

    public init(origin: Timestamp, speed: Double) {
        self.origin = origin
        self.speed = speed
        realStart = ContinuousClock.now
    }

    /// Starting at the wall clock's now.
    public init(speed: Double) {
        self.init(origin: Timestamp((Date().timeIntervalSince1970 * 1000).rounded()), speed: speed)
    }

    public var now: Timestamp {
        let elapsed = ContinuousClock.now - realStart
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return origin + Timestamp((milliseconds * speed).rounded(.down))
    }
}
