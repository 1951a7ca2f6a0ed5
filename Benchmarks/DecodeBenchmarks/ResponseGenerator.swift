import Foundation

/// A query_range response shaped like a dashboard's: counters (integers), rates (17-digit
/// floats), gauges (short decimals), a few NaN/+Inf, millisecond timestamps; 720 points a series.
struct ResponseGenerator {
    static let pointsPerSeries = 720

    static func response(bytes target: Int) -> (body: [UInt8], samples: Int) {
        var out = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
        out.reserveCapacity(target + 1_000_000)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        var series = 0
        var samples = 0
        let start: Int64 = 1_764_000_000_000
        while out.utf8.count < target {
            if series > 0 { out += "," }
            out += "{\"metric\":{\"__name__\":\"http_requests_total\",\"instance\":\"10.0.\(series % 7).\(series):8080\",\"job\":\"order-service\",\"route\":\"/api/v1/orders/\(series)\",\"status\":\"\(200 + series % 5)\"},\"values\":["
            for point in 0..<pointsPerSeries {
                if point > 0 { out += "," }
                let time = start + Int64(point) * 15_000 + Int64(series % 3)
                let milliseconds = String(time % 1000)
                let seconds = "\(time / 1000).\(String(repeating: "0", count: 3 - milliseconds.count))\(milliseconds)"
                let value: String
                switch (series + point) % 10 {
                case 0...2: value = String(next() % 10_000_000)
                case 3...6: value = String(Double(next() % 1_000_000) / 7.0)
                case 7...8: value = String(Double(next() % 100_000) / 1000)
                default: value = point % 50 == 0 ? "NaN" : "+Inf"
                }
                out += "[\(seconds),\"\(value)\"]"
                samples += 1
            }
            out += "]}"
            series += 1
        }
        out += "]}}"
        return (Array(out.utf8), samples)
    }
}
