/// The dots of every short segment, worked out once as the braille masks of the cells it
/// crosses. A busy panel is a thousand series of hundreds of segments of 1–3 dots across
/// and a few to a dozen down: writing six cells without a branch cost less than walking
/// the dots, whose count changes from segment to segment and so mispredicted the walk's
/// exit once per segment. 20 KB, made once.
enum SegmentStamps {
    /// The longest steps along x and y a stamp covers.
    static let maxX = 3, maxY = 11
    /// Cells a stamp writes: no segment of those steps crosses more. A stamp crossing
    /// fewer writes the rest into scratch cells after the grid's last: writing a crossed
    /// cell again would wait for the write before it, and so would one scratch cell
    /// written by every segment. Each slot has `spread` of them, picked by the start's x.
    static let cells = 6, spread = 8
    /// Bytes per stamp: each cell's place (a scratch place from `scratch` on), then its mask.
    static let stride = 16
    /// Cells from a segment's first cell to those it crosses, along x and y.
    static let reach = 3

    /// The stamp of a segment from a dot with `x & 1`, `y & 3` to `dx`, `dy` dots away.
    @inline(__always)
    static func offset(dx: Int, dy: Int, x: Int, y: Int) -> Int {
        (((dx &+ maxX) &* (2 * maxY + 1) &+ (dy &+ maxY)) &<< 3 | (x & 1) &<< 2 | (y & 3)) &* stride
    }

    /// A cell's place in a stamp: its column and row from the first cell's, as one number.
    static func place(column: Int, row: Int) -> Int { (row + reach) * (2 * reach + 1) + column + reach }

    /// The first scratch place (that of slot 0).
    static let scratch = (2 * reach + 1) * (2 * reach + 1)
    /// Scratch cells after a grid's last cell.
    static let scratchCells = cells * spread

    /// Where each place is in a grid `columns` × `rows`, from the first cell; a slot's
    /// first scratch cell's is its index, after the grid's last cell.
    static func placeOffsets(columns: Int, rows: Int) -> [Int] {
        (-reach...reach).flatMap { row in (-reach...reach).map { row * columns + $0 } } + (0..<cells).map { columns * rows + $0 * spread }
    }

    /// Every stamp, each made by the canvas's own walk so a stamped segment has exactly
    /// the walked segment's dots.
    static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: (2 * maxX + 1) * (2 * maxY + 1) * 8 * stride)
        for dx in -maxX...maxX {
            for dy in -maxY...maxY {
                for cellX in 0..<2 {
                    for cellY in 0..<4 {
                        // Far enough from 0 that no dot is negative; a multiple of the cell size.
                        let a = (4 + cellX, 8 + cellY), b = (a.0 + dx, a.1 + dy)
                        var crossed: [(place: Int, mask: UInt8)] = []
                        _ = BrailleCanvas.walk(from: a, to: b) { x, y in
                            let place = place(column: (x >> 1) - (a.0 >> 1), row: (y >> 2) - (a.1 >> 2))
                            if let known = crossed.firstIndex(where: { $0.place == place }) {
                                crossed[known].mask |= BrailleCanvas.bit(x, y)
                            } else {
                                crossed.append((place, BrailleCanvas.bit(x, y)))
                            }
                        }
                        precondition(crossed.count <= cells, "a stamp crosses at most \(cells) cells")
                        precondition(2 * cells <= stride, "a stamp's places and masks fit its stride")
                        let at = offset(dx: dx, dy: dy, x: cellX, y: cellY)
                        for slot in 0..<cells {
                            let inGrid = slot < crossed.count
                            table[at + slot] = UInt8(inGrid ? crossed[slot].place : scratch + slot)
                            table[at + cells + slot] = inGrid ? crossed[slot].mask : 0
                        }
                    }
                }
            }
        }
        return table
    }()
}
