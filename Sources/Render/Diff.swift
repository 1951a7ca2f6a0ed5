extension Buffer {
    /// The runs of cells that differ from `previous`: what a terminal must repaint to turn
    /// `previous` into this buffer. A run never starts on a continuation cell nor ends inside
    /// a wide grapheme. With no previous frame, or one of another size, every row is one run
    /// (a full repaint). The terminal backend and the bytes benchmark both paint these runs.
    public func diff(from previous: Buffer?) -> [CellRun] {
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).map { row in
                CellRun(x: 0, y: row, cells: Array(cells[(row * width)..<((row + 1) * width)]))
            }
        }
        var runs: [CellRun] = []
        for row in 0..<height {
            let base = row * width
            var column = 0
            while column < width {
                guard cells[base + column] != previous.cells[base + column] else {
                    column += 1
                    continue
                }
                var start = column
                // Repaint a wide grapheme from its first column.
                if cells[base + start].isContinuation, start > 0 { start -= 1 }
                var end = column + 1
                while end < width, cells[base + end] != previous.cells[base + end] { end += 1 }
                if end < width, cells[base + end].isContinuation { end += 1 }
                if let last = runs.last, last.y == row, last.x + last.cells.count >= start {
                    // Overlapping after widening: extend the previous run instead.
                    let from = last.x + last.cells.count
                    runs[runs.count - 1].cells += cells[(base + from)..<(base + max(from, end))]
                } else {
                    runs.append(CellRun(x: start, y: row, cells: Array(cells[(base + start)..<(base + end)])))
                }
                column = end
            }
        }
        return runs
    }

    /// This buffer with the runs painted over it cell by cell, as a terminal would; a run
    /// from a differently sized buffer starts from blank cells of the new size.
    public func applying(_ runs: [CellRun], width newWidth: Int? = nil, height newHeight: Int? = nil) -> Buffer {
        let targetWidth = newWidth ?? width, targetHeight = newHeight ?? height
        var result = targetWidth == width && targetHeight == height ? self : Buffer(width: targetWidth, height: targetHeight)
        for run in runs where run.y >= 0 && run.y < targetHeight {
            for (offset, cell) in run.cells.enumerated() {
                let column = run.x + offset
                guard column >= 0, column < targetWidth else { continue }
                result.cells[run.y * targetWidth + column] = cell
            }
        }
        return result
    }
}
