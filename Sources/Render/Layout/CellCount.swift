extension Int {
    /// A cell count or coordinate computed in Double from server values: NaN is 0 and
    /// anything beyond ±2⁴⁰ is clamped, so ±Inf or 1e308 cannot trap the conversion.
    init(cells value: Double) {
        let limit = Double(1 << 40)
        guard !value.isNaN else { self = 0; return }
        // Rounding half away from zero (`rounded()`) without its libm call, which was a
        // tenth of plotting a busy panel: the fraction after truncation is exact.
        let clamped = Swift.max(-limit, Swift.min(limit, value))
        let whole = Int(clamped), fraction = clamped - Double(whole)
        self = fraction >= 0.5 ? whole + 1 : fraction <= -0.5 ? whole - 1 : whole
    }
}
