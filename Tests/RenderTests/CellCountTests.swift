import Testing
@testable import Render

/// `Int(cells:)` rounds half away from zero exactly as `rounded()` does (it skips the libm
/// call), and stays total on values a server can send.
@Suite struct CellCountTests {
    @Test func roundsAsRoundedDoes() {
        var values: [Double] = [0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
                                4503599627370495.5, 4503599627370497, 1e12 + 0.5, -(1e12 + 0.5), 66.5, 66.49999999999999,
                                Double(1 << 40) - 0.5, Double(1 << 40), Double(1 << 41), .leastNonzeroMagnitude, .ulpOfOne]
        values += stride(from: -50.0, through: 50.0, by: 0.125)
        values += (0..<400).map { Double($0) / 240 * 399 }
        let limit = Double(1 << 40)
        for value in values {
            #expect(Int(cells: value) == Int(max(-limit, min(limit, value.rounded()))), "\(value)")
        }
    }

    @Test func nanAndInfinitiesStayInRange() {
        #expect(Int(cells: .nan) == 0)
        #expect(Int(cells: .infinity) == 1 << 40)
        #expect(Int(cells: -.infinity) == -(1 << 40))
        #expect(Int(cells: 1e308) == 1 << 40)
    }
}
