/// A dot grid over a rectangle of cells: 2×4 braille dots per cell (btop's trick), or one
/// ASCII mark per cell in ASCII mode. Each cell takes the colour of the last dot drawn in it.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private var masks: [UInt8]
    private var styles: [Style?]
    /// The ASCII character of the series that last drew in a cell (nil: the dot shape).
    private var symbols: [String?]

    init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        masks = Array(repeating: 0, count: self.columns * self.rows)
        styles = Array(repeating: nil, count: self.columns * self.rows)
        symbols = Array(repeating: nil, count: self.columns * self.rows)
    }

    var dotWidth: Int { columns * 2 }
    var dotHeight: Int { rows * 4 }

    /// Bit of each dot in the braille pattern, by (column, row) within the cell.
    private static let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// `marker` leaves out the dots its pattern skips and names the ASCII character.
    mutating func set(_ x: Int, _ y: Int, style: Style, marker: SeriesMarker? = nil) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        if let marker, !marker.draws(x) { return }
        let index = (y / 4) * columns + x / 2
        masks[index] |= BrailleCanvas.bits[y % 4][x % 2]
        styles[index] = style
        symbols[index] = marker?.legend
    }

    /// A straight line between two dots (Bresenham).
    mutating func line(from a: (Int, Int), to b: (Int, Int), style: Style, marker: SeriesMarker? = nil) {
        var (x0, y0) = a
        let (x1, y1) = b
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        var guardCount = 0
        while guardCount < 100_000 {
            guardCount += 1
            set(x0, y0, style: style, marker: marker)
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x0 += sx }
            if e2 <= dx { error += dx; y0 += sy }
        }
    }

    func render(into buffer: inout Buffer, at origin: (x: Int, y: Int), ascii: Bool) {
        for row in 0..<rows {
            for column in 0..<columns {
                let index = row * columns + column
                let mask = masks[index]
                guard mask != 0 else { continue }
                let symbol: String
                if ascii, let own = symbols[index] {
                    symbol = own
                } else if ascii {
                    let upper = mask & 0x1B != 0, lower = mask & 0xE4 != 0
                    symbol = upper && lower ? ":" : upper ? "'" : "."
                } else {
                    symbol = String(Character(Unicode.Scalar(0x2800 + UInt32(mask)) ?? " "))
                }
                buffer[origin.x + column, origin.y + row] = Cell(symbol, style: styles[index] ?? .plain)
            }
        }
    }
}
