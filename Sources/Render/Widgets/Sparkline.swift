import Foundation

/// A block sparkline (▁▂▃▄▅▆▇█) over one or more rows; nil values leave gaps.
struct Sparkline {
    var values: [Double?]
    var style: Style

    /// Values resampled to `count` columns (the last value of each bucket).
    static func resample(_ values: [Double?], to count: Int) -> [Double?] {
        guard count > 0, !values.isEmpty else { return [] }
        if values.count <= count { return values }
        return (0..<count).map { column in
            let end = min(values.count, (column + 1) * values.count / count)
            let start = column * values.count / count
            return values[start..<max(start + 1, end)].last(where: { $0 != nil }) ?? nil
        }
    }

    func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let sampled = Sparkline.resample(values, to: area.width)
        let present = sampled.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else { return }
        let levels = theme.glyphs.verticalLevels
        let steps = area.height * 8
        let offset = area.width - sampled.count
        for (index, value) in sampled.enumerated() {
            guard let value else { continue }
            // At least one eighth so a flat series still shows.
            let height = high > low ? Int(cells: (value - low) / (high - low) * Double(steps - 1)) + 1 : steps / 2
            for row in 0..<area.height {
                let filled = height - row * 8
                guard filled > 0 else { break }
                let glyph = levels[min(8, filled) - 1]
                buffer[area.x + offset + index, area.maxY - 1 - row] = Cell(glyph, style: style)
            }
        }
    }
}

/// Nice axis ticks (1, 2, 2.5, 5 × 10ⁿ).
enum Ticks {
    static func niceStep(range: Double, count: Int) -> Double {
        guard range > 0, range.isFinite, count > 0 else { return 1 }
        let rough = range / Double(count)
        let magnitude = pow10(floorLog10(rough))
        let normalized = rough / magnitude
        let nice: Double = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 2.5 ? 2.5 : normalized <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// Expands low…high to nice bounds and lists the ticks between them.
    static func nice(low: Double, high: Double, count: Int) -> (low: Double, high: Double, ticks: [Double]) {
        var low = low, high = high
        if high <= low { high = low + (low == 0 ? 1 : abs(low) * 0.1) }
        let step = niceStep(range: high - low, count: max(1, count))
        let niceLow = (low / step).rounded(.down) * step
        let niceHigh = (high / step).rounded(.up) * step
        var ticks: [Double] = []
        var value = niceLow
        while value <= niceHigh + step * 0.001 && ticks.count < 50 {
            ticks.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return (niceLow, niceHigh, ticks)
    }

    private static func floorLog10(_ value: Double) -> Int {
        var exponent = 0
        var v = value
        while v >= 10 { v /= 10; exponent += 1 }
        while v < 1 && exponent > -30 { v *= 10; exponent -= 1 }
        return exponent
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        if exponent >= 0 { for _ in 0..<exponent { result *= 10 } } else { for _ in 0..<(-exponent) { result /= 10 } }
        return result
    }
}

/// HH:MM labels for time axes, in a fixed offset from UTC.
enum TimeLabels {
    static func hourMinute(_ timestamp: Int64, offset: Int) -> String {
        let seconds = Int(timestamp / 1000) + offset
        let ofDay = ((seconds % 86400) + 86400) % 86400
        let hours = ofDay / 3600, minutes = (ofDay % 3600) / 60
        return (hours < 10 ? "0" : "") + String(hours) + ":" + (minutes < 10 ? "0" : "") + String(minutes)
    }

    /// "14:02:11": the header's update time and outage start.
    static func clock(_ timestamp: Int64, offset: Int) -> String {
        let seconds = Int(timestamp / 1000) + offset
        let second = ((seconds % 60) + 60) % 60
        return hourMinute(timestamp, offset: offset) + (second < 10 ? ":0" : ":") + String(second)
    }

    /// "2023-11-14 22:13:20", Grafana's default table time format, at the theme's offset.
    static func dateTime(_ timestamp: Int64, offset: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset) ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(timestamp) / 1000))
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(c.year ?? 1970)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second))"
    }

    /// A tick interval in ms giving roughly `count` labels over `span` ms.
    static func step(span: Int64, count: Int) -> Int64 {
        let candidates: [Int64] = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400].map { $0 * 1000 }
        let rough = span / Int64(max(1, count))
        return candidates.first { $0 >= rough } ?? 86_400_000 * ((rough / 86_400_000) + 1)
    }
}
