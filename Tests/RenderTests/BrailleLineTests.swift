import Testing
@testable import Render

/// The canvas's line walk against the textbook all-octant Bresenham (Zingl), dot for dot: the
/// walk is written for speed (major axis counted, minor step without a branch), so any
/// segment it draws differently would move a series on screen.
@Suite struct BrailleLineTests {
    /// Zingl's loop as published, one `set` per dot (bounds and dash pattern checked there).
    /// `limit`: the canvas's cut-off for segments from far outside, its first dots only.
    static func reference(_ canvas: inout BrailleCanvas, from a: (Int, Int), to b: (Int, Int), style: Style, marker: SeriesMarker?,
                          limit: Int = .max) {
        var (x0, y0) = a
        let (x1, y1) = b
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        var dots = 0
        while true {
            canvas.set(x0, y0, style: style, marker: marker)
            dots += 1
            if x0 == x1 && y0 == y1 || dots > limit { return }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x0 += sx }
            if e2 <= dx { error += dx; y0 += sy }
        }
    }

    func drawn(_ segments: [((Int, Int), (Int, Int))], marker: SeriesMarker?, fast: Bool, rows: Int = 6) -> Buffer {
        var canvas = BrailleCanvas(columns: 12, rows: rows)
        let style = Style(foreground: .indexed(2))
        if fast {
            let pen = canvas.pen(style, marker)
            canvas.drawing(with: pen) { plotter in
                for (a, b) in segments {
                    if a == b { plotter.dot(a.0, a.1) } else { plotter.line(from: a, to: b) }
                }
            }
        } else {
            for (a, b) in segments { Self.reference(&canvas, from: a, to: b, style: style, marker: marker) }
        }
        var buffer = Buffer(width: 12, height: rows)
        canvas.render(into: &buffer, at: (0, 0), ascii: false)
        return buffer
    }

    @Test(arguments: [nil, SeriesMarker(legend: "╍", on: 4, off: 2), SeriesMarker(legend: "·", on: 1, off: 3)])
    func everySegmentMatchesTheTextbookWalk(marker: SeriesMarker?) {
        var generator = SeededGenerator(seed: 42)
        // Ends mostly inside the 24×24-dot grid, some outside it (clipped dot by dot).
        func end() -> (Int, Int) { (Int.random(in: -6...30, using: &generator), Int.random(in: -6...30, using: &generator)) }
        for round in 0..<2_000 {
            let segments = (0..<3).map { _ in (end(), end()) }
            let fast = drawn(segments, marker: marker, fast: true), slow = drawn(segments, marker: marker, fast: false)
            #expect(fast == slow, "round \(round): \(segments)")
            if fast != slow { return }
        }
    }

    /// A series' polyline as `TimeSeriesWidget` draws it: each segment starts after the dot
    /// before it when the segment before reached it, against every segment walked whole.
    /// Some points lie so far outside that their segments are cut off before reaching the grid.
    @Test(arguments: [nil, SeriesMarker(legend: "╍", on: 4, off: 2)])
    func polylinesSkippingSharedEndsMatchTheTextbookWalk(marker: SeriesMarker?) {
        var generator = SeededGenerator(seed: 7)
        func point() -> (Int, Int) {
            let far = Int.random(in: 0..<10, using: &generator) == 0
            return (Int.random(in: -4...28, using: &generator), far ? Int.random(in: -400_000 ... -200_000, using: &generator) : Int.random(in: -4...28, using: &generator))
        }
        for round in 0..<1_000 {
            let points = (0..<6).map { _ in point() }
            var canvas = BrailleCanvas(columns: 12, rows: 6)
            let style = Style(foreground: .indexed(2))
            let pen = canvas.pen(style, marker)
            canvas.drawing(with: pen) { plotter in
                plotter.dot(points[0].0, points[0].1)
                var drawn = true
                for (a, b) in zip(points, points.dropFirst()) { drawn = plotter.line(from: a, to: b, fromDrawn: drawn) }
            }
            var reference = BrailleCanvas(columns: 12, rows: 6)
            Self.reference(&reference, from: points[0], to: points[0], style: style, marker: marker)
            for (a, b) in zip(points, points.dropFirst()) {
                // The textbook walk, cut off where the canvas's is (100,000 dots after the first).
                Self.reference(&reference, from: a, to: b, style: style, marker: marker, limit: 100_000)
            }
            var fast = Buffer(width: 12, height: 6), slow = Buffer(width: 12, height: 6)
            canvas.render(into: &fast, at: (0, 0), ascii: false)
            reference.render(into: &slow, at: (0, 0), ascii: false)
            #expect(fast == slow, "round \(round): \(points)")
            if fast != slow { return }
        }
    }

    /// Series drawn over one another, each with its own pen, as a busy panel draws them:
    /// mostly short steps (stamped whole) near every edge and corner, some long ones (walked).
    /// Each cell must take the colour of the last series with a dot in it, as the textbook
    /// walk, dot by dot, gives it.
    @Test func overlappingSeriesOwnTheCellsTheyDrewLast() {
        var generator = SeededGenerator(seed: 11)
        let columns = 9, rows = 5, width = columns * 2, height = rows * 4
        for round in 0..<500 {
            let series = (0..<4).map { _ -> [(Int, Int)] in
                var point = (Int.random(in: 0..<width, using: &generator), Int.random(in: 0..<height, using: &generator))
                return (0..<8).map { _ in
                    let long = Int.random(in: 0..<6, using: &generator) == 0
                    let reachX = long ? 9 : 4, reachY = long ? 19 : 12
                    point = (min(width - 1, max(0, point.0 + Int.random(in: -reachX...reachX, using: &generator))),
                             min(height - 1, max(0, point.1 + Int.random(in: -reachY...reachY, using: &generator))))
                    return point
                }
            }
            var canvas = BrailleCanvas(columns: columns, rows: rows)
            var reference = BrailleCanvas(columns: columns, rows: rows)
            for (index, points) in series.enumerated() {
                let style = Style(foreground: .indexed(UInt8(index + 1)))
                let pen = canvas.pen(style)
                canvas.drawing(with: pen) { plotter in
                    plotter.dot(points[0].0, points[0].1)
                    var drawn = true
                    for (a, b) in zip(points, points.dropFirst()) { drawn = plotter.line(from: a, to: b, fromDrawn: drawn) }
                }
                Self.reference(&reference, from: points[0], to: points[0], style: style, marker: nil)
                for (a, b) in zip(points, points.dropFirst()) { Self.reference(&reference, from: a, to: b, style: style, marker: nil) }
            }
            var fast = Buffer(width: columns, height: rows), slow = Buffer(width: columns, height: rows)
            canvas.render(into: &fast, at: (0, 0), ascii: false)
            reference.render(into: &slow, at: (0, 0), ascii: false)
            #expect(fast == slow, "round \(round): \(series)")
            if fast != slow { return }
        }
    }

    /// Every stamp has the dots of the walk it stands for, from each dot of a cell.
    @Test func everyStampHoldsItsWalksDots() {
        for dx in -SegmentStamps.maxX...SegmentStamps.maxX {
            for dy in -SegmentStamps.maxY...SegmentStamps.maxY {
                // Each dot of a cell (x & 1, y & 3) as the start, the whole segment in the grid.
                for start in [(4, 16), (5, 17), (6, 18), (7, 19)] {
                    let a = start, b = (start.0 + dx, start.1 + dy)
                    #expect(drawn([(a, b)], marker: nil, fast: true, rows: 9) == drawn([(a, b)], marker: nil, fast: false, rows: 9), "\(a) → \(b)")
                }
            }
        }
    }

    @Test func steepFlatAndDiagonalSegmentsKeepTheirEnds() {
        for (a, b) in [((0, 0), (3, 20)), ((20, 2), (1, 3)), ((5, 5), (15, 15)), ((23, 0), (0, 23)), ((7, 7), (7, 7))] {
            #expect(drawn([(a, b)], marker: nil, fast: true) == drawn([(a, b)], marker: nil, fast: false), "\(a) → \(b)")
        }
    }
}
