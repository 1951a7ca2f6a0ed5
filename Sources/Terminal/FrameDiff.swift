import Render

/// The runs of cells that differ between the frame on screen and the next one, so a
/// steady refresh sends only what changed.
public enum FrameDiff {
    /// Runs that turn `previous` into `next`; every non-empty row in full when there is no
    /// previous frame or its size differs.
    public static func runs(from previous: Buffer?, to next: Buffer) -> [CellRun] {
        let full = previous.map { $0.width != next.width || $0.height != next.height } ?? true
        var runs: [CellRun] = []
        for y in 0..<next.height {
            var x = 0
            while x < next.width {
                guard full || !sameCell(previous, next, x, y) else {
                    x += 1
                    continue
                }
                // A run starts on a whole grapheme: back up over a continuation cell.
                var start = x
                while start > 0, next[start, y].isContinuation { start -= 1 }
                if let last = runs.last, last.y == y, last.x + last.cells.count > start {
                    start = last.x + last.cells.count
                }
                var end = x
                while end < next.width, full || !sameCell(previous, next, end, y) || next[end, y].isContinuation {
                    end += 1
                }
                if end > start {
                    let cells = (start..<end).map { next[$0, y] }
                    if let last = runs.last, last.y == y, last.x + last.cells.count == start {
                        runs[runs.count - 1].cells += cells
                    } else {
                        runs.append(CellRun(x: start, y: y, cells: cells))
                    }
                }
                x = max(end, x + 1)
            }
        }
        return runs
    }

    private static func sameCell(_ previous: Buffer?, _ next: Buffer, _ x: Int, _ y: Int) -> Bool {
        guard let previous else { return false }
        return previous[x, y] == next[x, y]
    }
}
