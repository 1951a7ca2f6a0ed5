import CNCurses
import Render

extension CursesScreen {
    public func draw(_ runs: [CellRun]) {
        lock.withLock {
            guard !isClosed else { return }
            let window = promdeck_stdscr()
            let limit = currentSize
            // Without an allocation per cell, and a style's pair and attributes looked up
            // once for the cells after it that share it: a first frame of a tall terminal is
            // a hundred thousand cells, which took 30 ms.
            var lastStyle: Style?
            var rendition = Rendition(attributes: 0, pair: 0)
            withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: Int(CCHARW_MAX)) { scalars in
                for run in runs where run.y >= 0 && run.y < limit.height {
                    for (offset, cell) in run.cells.enumerated() {
                        let x = run.x + offset
                        guard !cell.isContinuation, x >= 0, x < limit.width else { continue }
                        let style = cell.style
                        if style != lastStyle {
                            rendition = renditionLocked(for: style)
                            lastStyle = style
                        }
                        // A wide grapheme that would hang off the right edge is drawn as a blank.
                        let fits = Int(cell.width) <= 1 || x + Int(cell.width) <= limit.width
                        var character = makeCharacter(fits ? cell.symbol : " ", rendition, scalars)
                        // The bottom-right cell reports ERR (the cursor cannot advance) but is drawn.
                        _ = mvwadd_wch(window, Int32(run.y), Int32(x), &character)
                    }
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

    /// A style as ncurses draws it: attributes and a colour pair.
    private struct Rendition {
        var attributes: attr_t
        var pair: Int32
    }

    /// Requires `lock`.
    private func renditionLocked(for style: Style) -> Rendition {
        var attributes = attr_t(0)
        if style.attributes.contains(.bold) { attributes |= promdeck_attr_bold() }
        if style.attributes.contains(.dim) { attributes |= promdeck_attr_dim() }
        if style.attributes.contains(.reverse) { attributes |= promdeck_attr_reverse() }
        if style.attributes.contains(.underline) { attributes |= promdeck_attr_underline() }
        if style.attributes.contains(.italic) { attributes |= promdeck_attr_italic() }
        let pair = Int32(pairNumber(for: style, attributes: &attributes))
        return Rendition(attributes: attributes, pair: pair)
    }

    /// `scalars`: room for `CCHARW_MAX` characters, the terminating 0 included.
    private func makeCharacter(_ symbol: String, _ rendition: Rendition, _ scalars: UnsafeMutableBufferPointer<wchar_t>) -> cchar_t {
        var count = 0
        for scalar in symbol.unicodeScalars {
            guard count < scalars.count - 1 else { break }
            // Control characters would move the cursor; never let data do that.
            let value = scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) ? 0x3F : scalar.value
            scalars[count] = wchar_t(bitPattern: value)
            count += 1
        }
        if count == 0 {
            scalars[0] = 0x20
            count = 1
        }
        scalars[count] = 0
        var character = cchar_t()
        var pair = rendition.pair
        _ = setcchar(&character, scalars.baseAddress, rendition.attributes, Int16(truncatingIfNeeded: min(pair, Int32(Int16.max))), &pair)
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
