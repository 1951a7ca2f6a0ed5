import Testing
@testable import Render

/// The canvas's line walk against the textbook all-octant Bresenham (Zingl), dot for dot: the
/// walk is written for speed (major axis counted, minor step without a branch), so any
/// segment it draws differently would move a series on screen.
@Suite struct BrailleLineTests {
    /// Zingl's loop as published, one `set` per dot (bounds and dash pattern checked there).
    static func reference(_ canvas: inout BrailleCanvas, from a: (Int, Int), to b: (Int, Int), style: Style, marker: SeriesMarker?) {
        var (x0, y0) = a
        let (x1, y1) = b
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        while true {
            canvas.set(x0, y0, style: style, marker: marker)
            if x0 == x1 && y0 == y1 { return }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x0 += sx }
            if e2 <= dx { error += dx; y0 += sy }
        }
    }

    func drawn(_ segments: [((Int, Int), (Int, Int))], marker: SeriesMarker?, fast: Bool) -> Buffer {
        var canvas = BrailleCanvas(columns: 12, rows: 6)
        let style = Style(foreground: .indexed(2))
        if fast {
            let pen = canvas.pen(style, marker)
            canvas.drawing(with: pen) { plotter in
                for (a, b) in segments { a == b ? plotter.dot(a.0, a.1) : plotter.line(from: a, to: b) }
            }
        } else {
            for (a, b) in segments { Self.reference(&canvas, from: a, to: b, style: style, marker: marker) }
        }
        var buffer = Buffer(width: 12, height: 6)
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

    @Test func steepFlatAndDiagonalSegmentsKeepTheirEnds() {
        for (a, b) in [((0, 0), (3, 20)), ((20, 2), (1, 3)), ((5, 5), (15, 15)), ((23, 0), (0, 23)), ((7, 7), (7, 7))] {
            #expect(drawn([(a, b)], marker: nil, fast: true) == drawn([(a, b)], marker: nil, fast: false), "\(a) → \(b)")
        }
    }
}
