import Foundation

/// SplitMix64: the seeded generator behind every random choice of the simulation. The
/// system generator is never used, so a seed reproduces a run exactly.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.finalize(state)
    }

    /// SplitMix64's output function: a strong 64-bit mixer, also used as a stateless hash.
    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Stateless noise: a value is a hash of (seed, key, index), so it depends only on where it
/// is asked for, never on what was asked before.
struct Noise: Sendable {
    let seed: UInt64

    func bits(_ key: UInt64, _ index: Int64) -> UInt64 {
        let a = SplitMix64.finalize(seed &+ 0x9E37_79B9_7F4A_7C15 &* (key | 1))
        return SplitMix64.finalize(a ^ SplitMix64.finalize(UInt64(bitPattern: index) &+ key))
    }

    /// Uniform in [0, 1).
    func unit(_ key: UInt64, _ index: Int64) -> Double {
        Double(bits(key, index) >> 11) * 0x1.0p-53
    }

    /// Uniform in [-1, 1).
    func signed(_ key: UInt64, _ index: Int64) -> Double { unit(key, index) * 2 - 1 }

    /// Smooth value noise in [-1, 1]: hashed values at multiples of `scale` seconds joined by
    /// smoothstep, so it wanders without jumps.
    func smooth(_ key: UInt64, _ t: Double, scale: Double) -> Double {
        let position = t / scale
        let knot = position.rounded(.down)
        let fraction = position - knot
        let index = Int64(knot)
        let eased = fraction * fraction * (3 - 2 * fraction)
        let left = signed(key, index), right = signed(key, index + 1)
        return left + (right - left) * eased
    }

    /// A random walk look-alike (fractional Brownian motion by octaves of value noise), in
    /// roughly [-2, 2], evaluated in constant time at any instant.
    func walk(_ key: UInt64, _ t: Double, slowest: Double = 86_400) -> Double {
        var total = 0.0, amplitude = 1.0, scale = slowest
        for octave in 0..<5 {
            total += amplitude * smooth(key &+ UInt64(octave) &* 0x51ED, t, scale: scale)
            amplitude *= 0.5
            scale /= 4
        }
        return total
    }
}

/// FNV-1a, a hash of text that is the same in every process (Swift's Hasher is not).
func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
    }
    return hash
}
