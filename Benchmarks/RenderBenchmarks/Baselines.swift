import PromModel
import Render

/// The honest floors each render benchmark is read against: the same amount of the work
/// that cannot be avoided, done directly, with nothing else.
enum Baselines {
    /// Every cell of a width×height buffer written once with styled text: four panel-wide
    /// styled strings per row, which is what any frame of that size must at least store.
    static func styledFill(width: Int, height: Int) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        let styles = [Style(foreground: .rgb(115, 191, 105)), Style(foreground: .rgb(242, 73, 92), attributes: .bold),
                      Style(foreground: .rgb(87, 148, 242)), Style(foreground: .rgb(255, 152, 48), background: .indexed(236))]
        let segment = width / 4
        let text = String(repeating: "x", count: segment)
        for row in 0..<height {
            for part in 0..<4 {
                _ = buffer.write(text, x: part * segment, y: row, style: styles[part])
            }
        }
        return buffer
    }

    /// The same points a time series panel plots, scanned once for the value range and then
    /// set as braille dots (2×4 per cell) in a columns×rows grid: no lines, axes or legend.
    static func brailleScatter(_ series: [Series], start: Timestamp, end: Timestamp, columns: Int, rows: Int) -> [UInt8] {
        var low = Double.infinity, high = -Double.infinity
        for line in series {
            for sample in line.samples where sample.value.isFinite {
                low = min(low, sample.value)
                high = max(high, sample.value)
            }
        }
        let span = max(high - low, .leastNonzeroMagnitude)
        let dotWidth = columns * 2, dotHeight = rows * 4
        let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
        var masks = [UInt8](repeating: 0, count: columns * rows)
        let duration = Double(max(end - start, 1))
        for line in series {
            for sample in line.samples where sample.value.isFinite {
                let x = min(dotWidth - 1, Int(Double(sample.timestamp - start) / duration * Double(dotWidth - 1)))
                let y = min(dotHeight - 1, Int((high - sample.value) / span * Double(dotHeight - 1)))
                guard x >= 0, y >= 0 else { continue }
                masks[(y / 4) * columns + x / 2] |= bits[y % 4][x % 2]
            }
        }
        return masks
    }

    /// Every cell of the table as text: label values copied, numbers formatted in the unit.
    static func formattedCells(_ samples: [InstantSample], labelNames: [String], unit: String?) -> [[String]] {
        samples.map { sample in
            labelNames.map { sample.labels[$0] ?? "" } + [ValueFormat.format(sample.sample.value, unit: unit).description]
        }
    }
}
