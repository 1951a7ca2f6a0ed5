extension Int {
    /// A cell count or coordinate computed in Double from server values: NaN is 0 and
    /// anything beyond ±2⁴⁰ is clamped, so ±Inf or 1e308 cannot trap the conversion.
    init(cells value: Double) {
        let limit = Double(1 << 40)
        guard !value.isNaN else { self = 0; return }
        // Rounding half away from zero (`rounded()`) without its libm call, which was a
        // tenth of plotting a busy panel: the fraction after truncation is exact. Adding the
        // comparisons instead of branching on them: a plot's fractions are random, and a
        // mispredicted branch per point cost more than the rest of placing it.
        let clamped = Swift.max(-limit, Swift.min(limit, value))
        let whole = Int(clamped), fraction = clamped - Double(whole)
        self = whole &+ Int.one(if: fraction >= 0.5) &- Int.one(if: fraction <= -0.5)
    }

    /// 1 or 0 as the condition's bit: a select the compiler cannot turn back into a branch
    /// (where the condition is as good as random, a mispredicted branch costs more).
    @inline(__always)
    static func one(if condition: Bool) -> Int {
        Int(unsafeBitCast(condition, to: UInt8.self))
    }
}
