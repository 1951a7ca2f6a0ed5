import Foundation

/// Grafana's time series panel in braille: 2×4 dots per cell, one colour per series, a y axis
/// with nice ticks in the field's unit, HH:MM time labels, and a legend with last/max values.
public struct TimeSeriesWidget: Widget {
    public var model: TimeSeriesModel

    public init(model: TimeSeriesModel) { self.model = model }

    /// The y range: the data's, widened to nice ticks, with fixed min/max honoured exactly.
    func yRange(plotRows: Int) -> (low: Double, high: Double, ticks: [Double]) {
        let extent = valueExtent()
        if let base = model.logBase { return logRange(positive: extent.positive, base: base, plotRows: plotRows) }
        var low = model.fixedMin ?? extent.all?.low ?? 0
        var high = model.fixedMax ?? extent.all?.high ?? 1
        if high <= low { if model.fixedMax == nil { high = low + max(1, abs(low) * 0.1) } else { low = high - 1 } }
        var nice = Ticks.nice(low: low, high: high, count: max(1, plotRows / 2))
        if let fixedMin = model.fixedMin { nice.low = fixedMin }
        if let fixedMax = model.fixedMax { nice.high = fixedMax }
        nice.ticks = nice.ticks.filter { $0 >= nice.low - 1e-9 && $0 <= nice.high + 1e-9 }
        return nice
    }

    /// A log axis: from the power of the base at or below the smallest positive value to the
    /// one at or above the largest, a tick at each power (every other one when crowded).
    func logRange(positive: (low: Double, high: Double)?, base: Double, plotRows: Int) -> (low: Double, high: Double, ticks: [Double]) {
        let low = model.fixedMin.flatMap { $0 > 0 ? $0 : nil } ?? positive?.low ?? 1
        let high = max(low, model.fixedMax.flatMap { $0 > 0 ? $0 : nil } ?? positive?.high ?? base)
        let lowExponent = Int(floor(log(low) / log(base) + 1e-9))
        var highExponent = Int(ceil(log(high) / log(base) - 1e-9))
        if highExponent <= lowExponent { highExponent = lowExponent + 1 }
        let every = max(1, (highExponent - lowExponent + 1 + max(1, plotRows / 2) - 1) / max(1, plotRows / 2))
        let ticks = stride(from: lowExponent, through: highExponent, by: every).map { pow(base, Double($0)) }
        return (model.fixedMin.flatMap { $0 > 0 ? $0 : nil } ?? pow(base, Double(lowExponent)),
                model.fixedMax.flatMap { $0 > 0 ? $0 : nil } ?? pow(base, Double(highExponent)), ticks)
    }

    /// The smallest and largest finite value drawn within the time range, of all and of the
    /// positive ones (a log axis), in one pass: 1,000 series are 241,000 points.
    func valueExtent() -> (all: (low: Double, high: Double)?, positive: (low: Double, high: Double)?) {
        var low = Double.infinity, high = -Double.infinity
        var positiveLow = Double.infinity, positiveHigh = -Double.infinity
        let start = model.start, end = model.end
        // The positive extent only places a log axis: a linear one skips its half of the work.
        let positive = model.logBase != nil
        for line in drawnLines {
            for point in line.points where point.timestamp >= start && point.timestamp <= end && point.value.isFinite {
                // Minima and maxima without branches: whether a value is positive is random.
                let value = point.value
                low = min(low, value)
                high = max(high, value)
                if positive {
                    positiveLow = min(positiveLow, value > 0 ? value : .infinity)
                    positiveHigh = max(positiveHigh, value > 0 ? value : -.infinity)
                }
            }
        }
        return (low <= high ? (low, high) : nil, positiveLow <= positiveHigh ? (positiveLow, positiveHigh) : nil)
    }

    /// How far down the plot a value sits (0 top, 1 bottom), clamped to the range; nil when a
    /// log axis cannot show it (zero or negative).
    func fraction(_ value: Double, low: Double, high: Double) -> Double? {
        let clamped = min(high, max(low, value))
        guard model.logBase != nil else { return (high - clamped) / (high - low) }
        // The base sets the ticks; a position is the same ratio of logarithms in any base.
        guard value > 0, low > 0, high > low else { return nil }
        return (log(high) - log(clamped)) / (log(high) - log(low))
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard area.width >= 8, area.height >= 2 else { return }
        let tableHeader = model.legendAsTable ? 1 : 0
        let legend = legendView
        var legendRows = model.showLegend && area.height >= 6 && !legend.model.lines.isEmpty ? min(legend.model.lines.count + tableHeader, max(1 + tableHeader, area.height / (model.legendAsTable ? 3 : 4))) : 0
        // Zoomed, the legend is a list to scroll through: a third of the height, at least 3 rows.
        if let explorer = model.explorer, area.height >= 6 {
            legendRows = min(max(1, SeriesExplorer.entries(of: model, filter: explorer.filter).count), max(3, area.height / 3))
        }
        let xAxisRows = area.height - legendRows >= 4 ? 1 : 0
        let plotRows = area.height - legendRows - xAxisRows
        let range = yRange(plotRows: plotRows)
        let labels = range.ticks.map { model.processor.format($0) }
        let axisWidth = min(area.width / 3, (labels.map { DisplayWidth.of($0) }.max() ?? 0) + 1)
        let plot = Rect(x: area.x + axisWidth, y: area.y, width: area.width - axisWidth, height: plotRows)
        guard !plot.isEmpty else { return }
        // Y axis labels at their tick rows, skipping collisions.
        var usedRows = Set<Int>()
        for (tick, label) in zip(range.ticks, labels) {
            guard let fraction = fraction(tick, low: range.low, high: range.high) else { continue }
            let row = plot.y + Int(cells: fraction * Double(plot.height - 1))
            guard row >= plot.y, row < plot.maxY, usedRows.insert(row).inserted else { continue }
            let text = TextFit.truncate(label, to: axisWidth - 1, ellipsis: theme.glyphs.ellipsis)
            buffer.write(text, x: plot.x - 1 - DisplayWidth.of(text), y: row, style: theme.dimText, clip: area)
        }
        drawLines(into: &buffer, plot: plot, range: (range.low, range.high), theme: theme)
        if xAxisRows > 0 { drawTimeAxis(into: &buffer, plot: plot, row: plot.maxY, theme: theme) }
        let legendArea = Rect(x: area.x, y: area.maxY - legendRows, width: area.width, height: legendRows)
        if let explorer = model.explorer {
            if legendRows > 0 { drawLegendList(explorer, into: &buffer, area: legendArea, theme: theme) }
            drawCursor(explorer, into: &buffer, plot: plot, theme: theme)
        } else if legendRows > 0 {
            legend.drawLegend(into: &buffer, area: legendArea, theme: theme)
        }
    }

    func drawLines(into buffer: inout Buffer, plot: Rect, range: (Double, Double), theme: Theme) {
        var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
        let span = Double(model.end - model.start)
        let (low, high) = range
        let maxGap = model.step * 2
        let distinct = theme.isMonochrome || theme.ascii
        let start = model.start, end = model.end
        let width = Double(canvas.dotWidth - 1), height = Double(canvas.dotHeight - 1)
        // A busy panel is a thousand series of hundreds of points. Each line's dots are worked
        // out in one tight pass before any is drawn, the x of a timestamp once for all the
        // series that share it (those of one query do), a colour's style once. The dots are
        // written by index, not appended: an append per point checked the array's capacity
        // and uniqueness through a call.
        var dots: [LineDot] = []
        var columns = DotColumns()
        var styles: [ValueColor: Style] = [:]
        for line in drawnLines {
            if dots.count < line.points.count { dots = Array(repeating: .gap, count: line.points.count) }
            let count = dots.withUnsafeMutableBufferPointer { dots in
                var count = 0
                for point in line.points where point.timestamp >= start && point.timestamp <= end {
                    defer { count += 1 }
                    guard point.value.isFinite, let fraction = fraction(point.value, low: low, high: high) else {
                        dots[count] = .gap
                        continue
                    }
                    let x = columns.x(of: point.timestamp, at: count) { Int(cells: Double($0 - start) / span * width) }
                    dots[count] = LineDot(x: x, y: Int(cells: fraction * height), timestamp: point.timestamp)
                }
                return count
            }
            let style = theme.isMonochrome ? Style.plain : styles[line.color] ?? {
                let made = theme.style(for: line.color)
                styles[line.color] = made
                return made
            }()
            let pen = canvas.pen(style, distinct ? SeriesMarker.of(index: line.index, theme: theme) : nil)
            canvas.drawing(with: pen) { plotter in
                var previous = LineDot.gap
                // Whether the previous dot is drawn (as a dot, or as the end of its segment):
                // the next segment then starts after it.
                var previousDrawn = false
                for dot in dots[..<count] {
                    if dot.isGap {
                        previous = dot
                        continue
                    }
                    if !previous.isGap, dot.timestamp - previous.timestamp <= maxGap {
                        previousDrawn = plotter.line(from: (previous.x, previous.y), to: (dot.x, dot.y), fromDrawn: previousDrawn)
                    } else {
                        plotter.dot(dot.x, dot.y)
                        previousDrawn = true
                    }
                    previous = dot
                }
            }
        }
        canvas.render(into: &buffer, at: (plot.x, plot.y), ascii: theme.ascii)
    }

    func drawTimeAxis(into buffer: inout Buffer, plot: Rect, row: Int, theme: Theme) {
        let span = model.end - model.start
        let offset = Int64(theme.options.timeZoneOffset) * 1000
        let step = TimeLabels.step(span: span, count: max(1, plot.width / 10))
        var tick = ((model.start + offset + step - 1) / step) * step - offset
        var nextFree = plot.x
        while tick <= model.end {
            let column = plot.x + Int(cells: (Double(tick - model.start) / Double(span) * Double(plot.width - 1)).rounded(.down))
            let label = TimeLabels.hourMinute(tick, offset: theme.options.timeZoneOffset)
            let x = min(plot.maxX - label.count, max(plot.x, column - label.count / 2))
            if x >= nextFree {
                buffer.write(label, x: x, y: row, style: theme.dimText)
                nextFree = x + label.count + 1
            }
            tick += step
        }
    }

    /// The lines drawn and fitted by the y axis: not those the explorer hides or filters out.
    var drawnLines: [TimeSeriesLine] {
        guard let explorer = model.explorer else { return model.lines }
        return model.lines.filter { !explorer.hidden.contains($0.name) && SeriesExplorer.matches($0.name, filter: explorer.filter) }
    }

    /// A legend value's label, the same in every legend layout: Grafana's reducer name
    /// ("Mean", "Max"; "Last" for lastNotNull, whose "Last *" star explains nothing here).
    static func calcLabel(_ id: String) -> String {
        let name = id == "lastNotNull" ? "Last" : Reducer.displayName(id)
        return name.hasSuffix(" *") ? String(name.dropLast(2)) : name
    }

    /// "Mean: 8.2 req/s Max: 12 req/s": every calc named, in the legend's order.
    static func calcsText(_ line: TimeSeriesLine) -> String {
        line.legendValues.map { calcLabel($0.id) + ": " + $0.text }.joined(separator: " ")
    }

    /// The legend marker of a line and its style.
    func marker(_ line: TimeSeriesLine, theme: Theme) -> (String, Style) {
        (SeriesMarker.of(index: line.index, theme: theme).legend, theme.isMonochrome ? .plain : theme.style(for: line.color))
    }

    /// The widget as its legend sees it: without the lines hidden from the legend.
    var legendView: TimeSeriesWidget {
        // Most panels hide no series from the legend: no copy of a thousand lines then.
        guard model.lines.contains(where: { !$0.inLegend }) else { return self }
        var copy = self
        copy.model.lines = model.lines.filter(\.inLegend)
        return copy
    }

    func drawLegend(into buffer: inout Buffer, area: Rect, theme: Theme) {
        // A table legend needs its header and a row per series; when that does not fit, the
        // list or compact legend still names every series instead of hiding them under "+N more".
        if model.legendAsTable && area.height - 1 >= model.lines.count {
            drawTableLegend(into: &buffer, area: area, theme: theme)
            return
        }
        guard model.lines.count <= area.height else {
            drawCompactLegend(into: &buffer, area: area, theme: theme)
            return
        }
        let nameWidth = min(max(8, area.width / 2), (model.lines.map { DisplayWidth.of($0.name) }.max() ?? 0))
        for (index, line) in model.lines.enumerated() {
            let y = area.y + index
            let (symbol, style) = marker(line, theme: theme)
            var x = buffer.write(symbol + " ", x: area.x, y: y, style: style, clip: area)
            let name = TextFit.truncate(line.name, to: nameWidth, ellipsis: theme.glyphs.ellipsis)
            buffer.write(name, x: x, y: y, clip: area)
            x += nameWidth + 1
            for (id, text) in line.legendValues {
                let label = Self.calcLabel(id) + ": "
                x = buffer.write(label, x: x + 1, y: y, style: theme.dimText, clip: area)
                x = buffer.write(text, x: x, y: y, clip: area)
            }
        }
    }

    /// Grafana's table legend: names left, one right-aligned column per calc under a header.
    func drawTableLegend(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let headers = model.legendCalcs.map(Self.calcLabel)
        let values = model.lines.map(\.legendValues)
        let widths = headers.indices.map { column in
            max(DisplayWidth.of(headers[column]), values.map { column < $0.count ? DisplayWidth.of($0[column].text) : 0 }.max() ?? 0)
        }
        let valuesWidth = widths.reduce(0) { $0 + $1 + 2 }
        let nameWidth = max(4, area.width - valuesWidth - 2)
        var x = area.x + 2 + nameWidth
        for (header, width) in zip(headers, widths) {
            x += 2
            buffer.write(header, x: x + width - DisplayWidth.of(header), y: area.y, style: Style(attributes: .bold), clip: area)
            x += width
        }
        let rows = area.height - 1
        let shown = model.lines.count > rows ? rows - 1 : model.lines.count
        for (index, line) in model.lines.prefix(max(0, shown)).enumerated() {
            let y = area.y + 1 + index
            let (symbol, style) = marker(line, theme: theme)
            var x = buffer.write(symbol + " ", x: area.x, y: y, style: style, clip: area)
            buffer.write(TextFit.truncate(line.name, to: nameWidth, ellipsis: theme.glyphs.ellipsis), x: x, y: y, clip: area)
            x += nameWidth
            let lineValues = values[index]
            for (column, width) in widths.enumerated() where column < lineValues.count {
                x += 2
                let text = lineValues[column].text
                buffer.write(text, x: x + width - DisplayWidth.of(text), y: y, clip: area)
                x += width
            }
        }
        if shown < model.lines.count, rows > 0 {
            buffer.write("+\(model.lines.count - max(0, shown)) more", x: area.x + 2, y: area.maxY - 1, style: theme.dimText, clip: area)
        }
    }

    /// Too many series for a row each: names with their first legend value, named, packed, and
    /// "+N more" for what does not fit.
    func drawCompactLegend(into buffer: inout Buffer, area: Rect, theme: Theme) {
        var x = area.x, y = area.y
        func more(_ count: Int) {
            let text = "+\(count) more"
            buffer.write(text, x: max(area.x, min(x, area.maxX - text.count)), y: y, style: theme.dimText, clip: area)
        }
        for (index, line) in model.lines.enumerated() {
            // Packed entries carry the first calc, named as the list legend names it (the
            // others are not worked out: a thousand series pack a few dozen entries).
            let values = line.legendCalcs.first.map { Self.calcLabel($0) + ": " + line.legendValue($0) } ?? ""
            let after = model.lines.count - index - 1
            let reserve = after > 0 ? "+\(after) more".count + 1 : 0
            // An entry never runs under the "+N more" that may follow it on its line.
            let entry = TextFit.truncate(TextFit.truncate(line.name, to: 24, ellipsis: theme.glyphs.ellipsis) + (values.isEmpty ? "" : " " + values),
                                         to: max(4, area.width - 2 - reserve), ellipsis: theme.glyphs.ellipsis)
            let width = DisplayWidth.of(entry) + 2
            if x + width > area.maxX && x > area.x {
                guard y + 1 < area.maxY else { return more(after + 1) }
                x = area.x
                y += 1
            }
            if y == area.maxY - 1 && x + width + reserve > area.maxX && after > 0 && x > area.x { return more(after + 1) }
            let (symbol, style) = marker(line, theme: theme)
            x = buffer.write(symbol + " ", x: x, y: y, style: style, clip: area)
            x = buffer.write(entry, x: x, y: y, clip: area) + 1
        }
    }
}

/// A point of a line as a dot of the canvas, or a gap (a value the axis cannot show).
private struct LineDot {
    var x: Int
    var y: Int
    var timestamp: Int64

    static let gap = LineDot(x: 0, y: .min, timestamp: 0)
    var isGap: Bool { y == .min }
}

/// The dot column of each timestamp position of the last line, kept for the next line: the
/// series of one query share their timestamps, so the division is done once per position.
private struct DotColumns {
    private var timestamps: [Int64] = []
    private var columns: [Int] = []

    @inline(__always)
    mutating func x(of timestamp: Int64, at position: Int, _ compute: (Int64) -> Int) -> Int {
        if position < timestamps.count {
            if timestamps[position] == timestamp { return columns[position] }
            let x = compute(timestamp)
            timestamps[position] = timestamp
            columns[position] = x
            return x
        }
        let x = compute(timestamp)
        timestamps.append(timestamp)
        columns.append(x)
        return x
    }
}
