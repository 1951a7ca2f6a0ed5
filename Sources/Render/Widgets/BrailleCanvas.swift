/// A dot grid over a rectangle of cells: 2×4 braille dots per cell (btop's trick), or one
/// ASCII mark per cell in ASCII mode. Each cell takes the colour of the last dot drawn in it.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private var masks: [UInt8]
    /// Per cell, 1 + the index in `pens` of the last dot drawn there (0: none). A series
    /// draws thousands of dots with one pen, so cells name it instead of copying its style.
    private var owners: [Int32]
    private var pens: [Pen] = []

    /// A style and, in ASCII mode, the character of the series that draws with it.
    private struct Pen: Equatable {
        var style: Style
        /// The ASCII character of the series (nil: the dot shape).
        var symbol: String?
        /// Dots drawn, then dots skipped, along x (off 0: solid), from `SeriesMarker`.
        var on: Int
        var off: Int
    }

    init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        masks = Array(repeating: 0, count: self.columns * self.rows)
        owners = Array(repeating: 0, count: self.columns * self.rows)
    }

    var dotWidth: Int { columns * 2 }
    var dotHeight: Int { rows * 4 }

    /// Bit of each dot in the braille pattern, byte (row × 2 + column) within the cell:
    /// rows 0–2 are bits 0–2 (left) and 3–5 (right), row 3 is bits 6 and 7.
    private static let bits: UInt64 = 0x8040_2004_1002_0801

    @inline(__always)
    private static func bit(_ x: Int, _ y: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: bits >> UInt64((((y & 3) << 1) | (x & 1)) << 3))
    }

    /// What a series draws with: its style and marker, taken once for all its dots.
    struct PenID: Equatable {
        fileprivate var owner: Int32
    }

    /// The pen for a style and marker: the last one again when it is the same.
    mutating func pen(_ style: Style, _ marker: SeriesMarker? = nil) -> PenID {
        let pen = Pen(style: style, symbol: marker?.legend, on: marker?.on ?? 1, off: marker?.off ?? 0)
        if let last = pens.last, last == pen { return PenID(owner: Int32(pens.count)) }
        pens.append(pen)
        return PenID(owner: Int32(pens.count))
    }

    /// `marker` leaves out the dots its pattern skips and names the ASCII character.
    mutating func set(_ x: Int, _ y: Int, style: Style, marker: SeriesMarker? = nil) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        if let marker, !marker.draws(x) { return }
        let index = (y >> 2) * columns + (x >> 1)
        masks[index] |= BrailleCanvas.bit(x, y)
        owners[index] = pen(style, marker).owner
    }

    /// One dot with a pen from `pen(_:_:)`, its marker's pattern applied.
    mutating func set(_ x: Int, _ y: Int, pen: PenID) {
        line(from: (x, y), to: (x, y), pen: pen)
    }

    /// A straight line between two dots (Bresenham).
    mutating func line(from a: (Int, Int), to b: (Int, Int), style: Style, marker: SeriesMarker? = nil) {
        line(from: a, to: b, pen: pen(style, marker))
    }

    /// A straight line between two dots (Bresenham) with a pen from `pen(_:_:)`.
    mutating func line(from a: (Int, Int), to b: (Int, Int), pen: PenID) {
        let owner = pen.owner
        guard owner > 0, Int(owner) <= pens.count else { return }
        let on = pens[Int(owner) - 1].on, off = pens[Int(owner) - 1].off
        let period = max(1, on + off)
        var (x0, y0) = a
        let (x1, y1) = b
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        let columns = columns, dotWidth = dotWidth, dotHeight = dotHeight
        masks.withUnsafeMutableBufferPointer { masks in
            owners.withUnsafeMutableBufferPointer { owners in
                var remaining = 100_000
                while remaining > 0 {
                    remaining -= 1
                    if x0 >= 0, y0 >= 0, x0 < dotWidth, y0 < dotHeight, off == 0 || x0 % period < on {
                        let index = (y0 >> 2) * columns + (x0 >> 1)
                        masks[index] |= BrailleCanvas.bit(x0, y0)
                        owners[index] = owner
                    }
                    if x0 == x1 && y0 == y1 { break }
                    let e2 = 2 * error
                    if e2 >= dy { error += dy; x0 += sx }
                    if e2 <= dx { error += dx; y0 += sy }
                }
            }
        }
    }

    func render(into buffer: inout Buffer, at origin: (x: Int, y: Int), ascii: Bool) {
        for row in 0..<rows {
            for column in 0..<columns {
                let index = row * columns + column
                let mask = masks[index]
                guard mask != 0 else { continue }
                let pen = owners[index] > 0 ? pens[Int(owners[index]) - 1] : nil
                let symbol: String
                if ascii, let own = pen?.symbol {
                    symbol = own
                } else if ascii {
                    let upper = mask & 0x1B != 0, lower = mask & 0xE4 != 0
                    symbol = upper && lower ? ":" : upper ? "'" : "."
                } else {
                    symbol = String(Character(Unicode.Scalar(0x2800 + UInt32(mask)) ?? " "))
                }
                buffer[origin.x + column, origin.y + row] = Cell(symbol, style: pen?.style ?? .plain)
            }
        }
    }
}
