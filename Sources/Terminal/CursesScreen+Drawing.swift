import CNCurses
import Render

extension CursesScreen {
    public func draw(_ runs: [CellRun]) {
        lock.withLock {
            guard !isClosed else { return }
            let window = promdeck_stdscr()
            let limit = currentSize
            for run in runs where run.y >= 0 && run.y < limit.height {
                for (offset, cell) in run.cells.enumerated() {
                    let x = run.x + offset
                    guard !cell.isContinuation, x >= 0, x < limit.width else { continue }
                    // A wide grapheme that would hang off the right edge is drawn as a blank.
                    let fits = Int(cell.width) <= 1 || x + Int(cell.width) <= limit.width
                    var character = makeCharacter(fits ? cell.symbol : " ", style: cell.style)
                    // The bottom-right cell reports ERR (the cursor cannot advance) but is drawn.
                    _ = mvwadd_wch(window, Int32(run.y), Int32(x), &character)
                }
            }
        }
    }

    public func present() {
        lock.withLock {
            guard !isClosed else { return }
            wnoutrefresh(promdeck_stdscr())
            doupdate()
        }
    }

    /// Requires `lock`.
    private func makeCharacter(_ symbol: String, style: Style) -> cchar_t {
        var scalars: [wchar_t] = []
        for scalar in symbol.unicodeScalars.prefix(Int(CCHARW_MAX) - 1) {
            // Control characters would move the cursor; never let data do that.
            let value = scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) ? 0x3F : scalar.value
            scalars.append(wchar_t(bitPattern: value))
        }
        if scalars.isEmpty { scalars.append(0x20) }
        scalars.append(0)
        var attributes = attr_t(0)
        if style.attributes.contains(.bold) { attributes |= promdeck_attr_bold() }
        if style.attributes.contains(.dim) { attributes |= promdeck_attr_dim() }
        if style.attributes.contains(.reverse) { attributes |= promdeck_attr_reverse() }
        if style.attributes.contains(.underline) { attributes |= promdeck_attr_underline() }
        if style.attributes.contains(.italic) { attributes |= promdeck_attr_italic() }
        var pair = Int32(pairNumber(for: style, attributes: &attributes))
        var character = cchar_t()
        _ = setcchar(&character, scalars, attributes, Int16(truncatingIfNeeded: min(pair, Int32(Int16.max))), &pair)
        return character
    }

    /// Requires `lock`. On a monochrome terminal a coloured background becomes reverse video,
    /// so highlighted cells still stand out.
    private func pairNumber(for style: Style, attributes: inout attr_t) -> Int32 {
        guard let foreground = depth.number(for: style.foreground),
              let background = depth.number(for: style.background) else {
            if style.background != .default { attributes |= promdeck_attr_reverse() }
            return 0
        }
        let (pair, isNew) = pairs.pair(foreground: foreground, background: background)
        if isNew { init_extended_pair(pair, foreground, background) }
        return pair
    }
}
