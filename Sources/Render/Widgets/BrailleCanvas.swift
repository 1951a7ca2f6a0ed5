/// A dot grid over a rectangle of cells: 2×4 braille dots per cell (btop's trick), or one
/// ASCII mark per cell in ASCII mode. Each cell takes the colour of the last dot drawn in it.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    /// Per cell, its braille mask (the low byte) and its owner: 1 + the index in `pens` of
    /// the last dot drawn there (0: none) in the bytes above. A series draws thousands of
    /// dots with one pen, so cells name it instead of copying its style; one word per cell
    /// is one store per dot.
    private var cells: [UInt32]
    private var pens: [Pen] = []
    /// Where each cell of a segment stamp is from the stamp's first cell, in this grid.
    private let placeOffsets: [Int]

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
        // The scratch cells of segment stamps after the last, never shown.
        cells = Array(repeating: 0, count: self.columns * self.rows + SegmentStamps.scratchCells)
        placeOffsets = SegmentStamps.placeOffsets(columns: self.columns, rows: self.rows)
    }

    var dotWidth: Int { columns * 2 }
    var dotHeight: Int { rows * 4 }

    /// Bit of each dot in the braille pattern, byte (row × 2 + column) within the cell:
    /// rows 0–2 are bits 0–2 (left) and 3–5 (right), row 3 is bits 6 and 7.
    private static let bits: UInt64 = 0x8040_2004_1002_0801

    @inline(__always)
    static func bit(_ x: Int, _ y: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: bits >> UInt64((((y & 3) << 1) | (x & 1)) << 3))
    }

    /// What a series draws with: its style and marker, taken once for all its dots.
    struct PenID: Equatable {
        /// 1 + the pen's index, shifted above a cell's mask.
        fileprivate var owner: UInt32
    }

    /// Owners a cell's bytes above its mask can name.
    private static let maxPens = 0xFF_FFFF

    /// The pen for a style and marker: the last one again when it is the same (or when
    /// 16 million pens are taken).
    mutating func pen(_ style: Style, _ marker: SeriesMarker? = nil) -> PenID {
        let pen = Pen(style: style, symbol: marker?.legend, on: marker?.on ?? 1, off: marker?.off ?? 0)
        if let last = pens.last, last == pen || pens.count == Self.maxPens { return PenID(owner: UInt32(pens.count) << 8) }
        pens.append(pen)
        return PenID(owner: UInt32(pens.count) << 8)
    }

    /// `marker` leaves out the dots its pattern skips and names the ASCII character.
    mutating func set(_ x: Int, _ y: Int, style: Style, marker: SeriesMarker? = nil) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        if let marker, !marker.draws(x) { return }
        let index = (y >> 2) * columns + (x >> 1)
        cells[index] = cells[index] & 0xFF | UInt32(BrailleCanvas.bit(x, y)) | pen(style, marker).owner
    }

    /// Draws with one pen: `body` gets a plotter whose dots and lines go straight into the
    /// grid. A busy panel draws a thousand series of hundreds of segments: setting up each
    /// segment (pen lookup, buffer access) cost more than its dots.
    mutating func drawing(with pen: PenID, _ body: (inout Plotter) -> Void) {
        let owner = pen.owner
        let index = Int(owner >> 8) - 1
        guard index >= 0, index < pens.count else { return }
        let on = pens[index].on, off = pens[index].off
        let columns = columns, dotWidth = dotWidth, dotHeight = dotHeight
        cells.withUnsafeMutableBufferPointer { cells in
            SegmentStamps.table.withUnsafeBufferPointer { stamps in
                placeOffsets.withUnsafeBufferPointer { places in
                    guard let cells = cells.baseAddress, let stamps = stamps.baseAddress, let places = places.baseAddress else { return }
                    var plotter = Plotter(cells: cells, stamps: stamps, places: places, columns: columns,
                                          dotWidth: dotWidth, dotHeight: dotHeight, owner: owner, on: on,
                                          period: max(1, on + off), solid: off == 0)
                    body(&plotter)
                }
            }
        }
    }

    /// Dots and lines of one pen, written into the canvas's grid while `drawing` runs.
    struct Plotter {
        fileprivate let cells: UnsafeMutablePointer<UInt32>
        fileprivate let stamps: UnsafePointer<UInt8>
        fileprivate let places: UnsafePointer<Int>
        fileprivate let columns: Int, dotWidth: Int, dotHeight: Int
        fileprivate let owner: UInt32
        /// Dots drawn, then skipped, along x (the marker's dash pattern).
        fileprivate let on: Int, period: Int
        fileprivate let solid: Bool

        /// One dot, the pen's dash pattern applied.
        mutating func dot(_ x: Int, _ y: Int) {
            line(from: (x, y), to: (x, y))
        }

        /// A straight line between two dots (Bresenham). `fromDrawn`: `a` is already drawn
        /// (the end of the segment before, of a series' polyline), so the walk starts at the
        /// dot after it; a series of hundreds of short segments would draw each point twice.
        /// Returns whether the walk reached `b` (a segment from far outside the grid is cut
        /// off before it does). A short segment is stamped whole, `a` too: drawn again with
        /// the same pen, it stays as it was. Inlined into the caller's loop: the call cost
        /// as much as a stamp.
        @inline(__always) @discardableResult
        mutating func line(from a: (Int, Int), to b: (Int, Int), fromDrawn: Bool = false) -> Bool {
            let (x0, y0) = a, (x1, y1) = b
            let dx = x1 &- x0, dy = y1 &- y0
            // Both ends inside the grid (it is convex, so every dot is: none needs its own
            // bounds check) and the steps short.
            let inside = UInt(bitPattern: x0) < UInt(dotWidth) && UInt(bitPattern: x1) < UInt(dotWidth)
                && UInt(bitPattern: y0) < UInt(dotHeight) && UInt(bitPattern: y1) < UInt(dotHeight)
            let short = UInt(bitPattern: dx &+ SegmentStamps.maxX) <= UInt(2 * SegmentStamps.maxX)
                && UInt(bitPattern: dy &+ SegmentStamps.maxY) <= UInt(2 * SegmentStamps.maxY)
            if solid && inside && short {
                stamp(x0, y0, dx, dy)
                return true
            }
            return walkedLine(from: a, to: b, fromDrawn: fromDrawn, inside: inside)
        }

        /// A line too long for a stamp, or partly outside the grid, or dashed: walked.
        @inline(never)
        private mutating func walkedLine(from a: (Int, Int), to b: (Int, Int), fromDrawn: Bool, inside: Bool) -> Bool {
            if inside && solid {
                return BrailleCanvas.walk(from: a, to: b, skipFirst: fromDrawn) { x, y in put(x, y) }
            }
            // Outside the grid the walk is cut off, so no far-away end can stall a frame.
            return BrailleCanvas.walk(from: a, to: b, limit: 100_000, skipFirst: fromDrawn) { x, y in
                guard x >= 0, y >= 0, x < dotWidth, y < dotHeight, solid || x % period < on else { return }
                put(x, y)
            }
        }

        /// A short segment's cells from its stamp: each cell's mask or'ed in, the pen made
        /// its owner. The cells hold the segment's dots, so they are inside the grid; the
        /// stamp's unused cells go to scratch cells.
        @inline(__always)
        private func stamp(_ x: Int, _ y: Int, _ dx: Int, _ dy: Int) {
            let stamp = stamps + SegmentStamps.offset(dx: dx, dy: dy, x: x, y: y)
            let first = (y &>> 2) &* columns &+ (x &>> 1), spread = x & (SegmentStamps.spread - 1)
            for slot in 0..<SegmentStamps.cells {
                // All ones for a place in the grid, 0 for a scratch place.
                let place = Int(stamp[slot]), inGrid = (place &- SegmentStamps.scratch) &>> 63
                let index = (first & inGrid | spread & ~inGrid) &+ places[place]
                cells[index] = cells[index] & 0xFF | UInt32(stamp[SegmentStamps.cells &+ slot]) | owner
            }
        }

        @inline(__always)
        private func put(_ x: Int, _ y: Int) {
            let index = (y &>> 2) &* columns &+ (x &>> 1)
            cells[index] = cells[index] & 0xFF | UInt32(BrailleCanvas.bit(x, y)) | owner
        }
    }

    /// Bresenham's dots from `a` to `b`, both ends included: the dots of Zingl's all-octant
    /// form, walked along the major axis. That axis steps on every dot, so the loop counts
    /// instead of comparing with the end; the minor step is a mask, not a branch (which dots
    /// step is as good as random). One loop for both axes, with both steps masked, was no
    /// faster: the extra step cost what the axis branch's mispredictions did.
    /// `skipFirst` leaves `a` out: the walk takes its first step before the loop, which
    /// then plots every dot it visits. Returns whether the walk reached `b` within `limit`.
    @inline(__always)
    static func walk(from a: (Int, Int), to b: (Int, Int), limit: Int = .max, skipFirst: Bool = false,
                     _ plot: (Int, Int) -> Void) -> Bool {
        var (x, y) = a
        let dx = abs(b.0 - x), dy = -abs(b.1 - y)
        let sx = x < b.0 ? 1 : -1, sy = y < b.1 ? 1 : -1
        var error = dx + dy
        let skipped = Int.one(if: skipFirst)
        if -dy > dx {
            @inline(__always) func step() {
                let stepX = 0 &- Int.one(if: error &<< 1 >= dy)
                error = error &+ dx &+ (dy & stepX)
                x = x &+ (sx & stepX)
                y = y &+ sy
            }
            if skipFirst { step() }
            for _ in skipped..<(min(limit, -dy) + 1) {
                plot(x, y)
                step()
            }
            return -dy <= limit
        } else {
            @inline(__always) func step() {
                let stepY = 0 &- Int.one(if: error &<< 1 <= dx)
                error = error &+ dy &+ (dx & stepY)
                y = y &+ (sy & stepY)
                x = x &+ sx
            }
            if skipFirst { step() }
            for _ in skipped..<(min(limit, dx) + 1) {
                plot(x, y)
                step()
            }
            return dx <= limit
        }
    }

    func render(into buffer: inout Buffer, at origin: (x: Int, y: Int), ascii: Bool) {
        for row in 0..<rows {
            for column in 0..<columns {
                let index = row * columns + column
                let mask = UInt8(truncatingIfNeeded: cells[index])
                guard mask != 0 else { continue }
                let owner = Int(cells[index] >> 8)
                let pen = owner > 0 ? pens[owner - 1] : nil
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
