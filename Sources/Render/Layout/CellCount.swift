extension Int {
    /// A cell count or coordinate computed in Double from server values: NaN is 0 and
    /// anything beyond ±2⁴⁰ is clamped, so ±Inf or 1e308 cannot trap the conversion.
    init(cells value: Double) {
        let limit = Double(1 << 40)
        self = value.isNaN ? 0 : Int(Swift.max(-limit, Swift.min(limit, value.rounded())))
    }
}
