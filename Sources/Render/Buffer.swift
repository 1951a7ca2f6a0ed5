/// A grid of cells that widgets draw into; the terminal backend paints only the difference
/// between two of them.
public struct Buffer: Hashable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public internal(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Reads a cell (blank outside the buffer); writing keeps wide graphemes whole: replacing
    /// either half of a wide grapheme blanks the other half.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, x < width, y >= 0, y < height else { return .blank }
            return cells[y * width + x]
        }
        set { put(newValue, x: x, y: y) }
    }

    /// Stores one cell, cleaning up any wide grapheme it cuts in half. A wide cell also writes
    /// its continuation cell to the right.
    mutating func put(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, x > 0, cells[index - 1].width == 2 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if old.width == 2, x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
        if cell.width == 2 {
            guard x + 1 < width else {
                cells[index] = Cell(" ", style: cell.style)
                return
            }
            let next = cells[index + 1]
            if next.width == 2, x + 2 < width, cells[index + 2].isContinuation {
                cells[index + 2] = Cell(" ", style: cells[index + 2].style)
            }
            cells[index + 1] = .continuation(cell.style)
        }
    }

    /// Writes text from (x, y) within `clip` (the whole buffer by default), sanitising control
    /// characters first. Returns the column after the last cell written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let bounds = (clip ?? area).intersection(area)
        guard y >= bounds.y, y < bounds.maxY else { return x }
        var column = x
        for grapheme in Sanitizer.visible(text) {
            let columns = DisplayWidth.of(grapheme)
            if columns == 0 { continue }
            if column >= bounds.maxX { break }
            if column + columns > bounds.maxX {
                // A wide grapheme that does not fit: pad instead of splitting it.
                if column >= bounds.x { put(Cell(" ", style: style), x: column, y: y) }
                column += 1
                break
            }
            if column >= bounds.x {
                put(Cell(String(grapheme), width: UInt8(columns), style: style), x: column, y: y)
            }
            column += columns
        }
        return column
    }

    /// Fills a rectangle with one cell (clipped to the buffer).
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let target = rect.intersection(area)
        guard !target.isEmpty else { return }
        for row in target.y..<target.maxY {
            for column in target.x..<target.maxX { put(cell, x: column, y: row) }
        }
    }

    /// Becomes a copy of `other` in this buffer's own storage when the sizes match (no
    /// allocation unless the storage is shared), instead of sharing `other`'s.
    mutating func overwrite(with other: Buffer) {
        guard width == other.width, height == other.height else { return self = other }
        cells.withUnsafeMutableBufferPointer { target in
            other.cells.withUnsafeBufferPointer { source in _ = target.update(fromContentsOf: source) }
        }
    }

    /// Changes the style of every cell in a rectangle, keeping the symbols.
    public mutating func setStyle(_ rect: Rect, _ transform: (inout Style) -> Void) {
        let target = rect.intersection(area)
        guard !target.isEmpty else { return }
        for row in target.y..<target.maxY {
            for column in target.x..<target.maxX { transform(&cells[row * width + column].style) }
        }
    }

    /// Copies `source`'s cells, starting at its row `sourceY`, into `target` of this buffer.
    public mutating func blit(_ source: Buffer, sourceY: Int = 0, into target: Rect) {
        for row in 0..<target.height {
            let sy = sourceY + row
            guard sy >= 0, sy < source.height else { continue }
            for column in 0..<min(target.width, source.width) {
                let cell = source[column, sy]
                if cell.isContinuation && column == 0 { put(.blank, x: target.x, y: target.y + row); continue }
                if cell.isContinuation { continue }
                if cell.width == 2 && column + 1 >= target.width {
                    put(Cell(" ", style: cell.style), x: target.x + column, y: target.y + row)
                    continue
                }
                put(cell, x: target.x + column, y: target.y + row)
            }
        }
    }

    /// Each row as plain text (continuation cells skipped), for tests and `--format text`.
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width where !self[column, row].isContinuation {
                line += self[column, row].symbol
            }
            return line
        }
    }

    public var text: String { lines.joined(separator: "\n") }
}

/// A horizontal run of changed cells starting at (x, y).
public struct CellRun: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]

    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}
