/// The top line. Left: position and title, then the variables' values, or in their place a
/// banner while a datasource is unreachable. Right: the datasources' health, the time range, the refresh period
/// with the time of the next refresh, the last update, a paused badge and a busy mark.
///
/// When the line is too narrow the right side gives way in a fixed order (`HeaderRight.Step`):
/// the last update goes first, then the absolute range's dates, the next refresh, the
/// datasource names; then the left side is cut (the banner shortens, the title last).
public struct HeaderBar: Widget {
    public var model: HeaderModel

    public init(model: HeaderModel) { self.model = model }

    /// Columns the left side keeps at least before the right side shortens.
    static let leftMinimum = 24

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let glyphs = theme.glyphs
        let line = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(line, with: Cell(" ", style: theme.headerBar))
        let offset = theme.options.timeZoneOffset
        var right = HeaderRight(model: model, glyphs: glyphs, offset: offset)
        // The right side shortens while the left would not show its banner, or its title and
        // variables, in full (and while it leaves the left fewer than `leftMinimum` columns).
        // The datasource mark itself goes only when even the minimum would not fit.
        let leftNeeded = min(leftWidth(theme), line.width - Self.leftMinimum)
        while right.width(theme) + leftNeeded + 1 > line.width, right.shorten(keepingDatasources: true) {}
        while right.width(theme) + Self.leftMinimum + 1 > line.width, right.shorten(keepingDatasources: false) {}
        let paused = model.paused ? " \(glyphs.paused) PAUSED" : ""
        let busy = model.busy ? " " + glyphs.busy : ""
        let rightText = theme.displayed(right.text), pausedText = theme.displayed(paused), busyText = theme.displayed(busy + " ")
        let rightWidth = DisplayWidth.of(rightText) + DisplayWidth.of(pausedText) + DisplayWidth.of(busyText)
        var x = max(line.x, line.maxX - rightWidth)
        x = buffer.write(rightText, x: x, y: line.y, style: theme.headerBar, clip: line)
        x = buffer.write(pausedText, x: x, y: line.y, style: theme.pausedBadge, clip: line)
        buffer.write(busyText, x: x, y: line.y, style: theme.headerBar, clip: line)

        let left = Rect(x: line.x, y: line.y, width: max(0, line.width - rightWidth - 1), height: 1)
        var title = " "
        if let position = model.position { title += "[\(position)] " }
        title += model.title
        let end = buffer.writeFitted(title, x: left.x, y: line.y, style: theme.headerTitle, area: left, theme: theme)
        guard end + 2 < left.maxX else { return }
        // The banner takes the variables' place: while the data is not current, that matters more.
        if let banner = banner(width: left.maxX - end - 2, theme: theme) {
            buffer.writeFitted(banner, x: end + 2, y: line.y, style: theme.headerAlert, area: left, theme: theme)
            return
        }
        let variables = model.variables.map { "$\($0.name)=\($0.value)" }.joined(separator: "  ")
        if !variables.isEmpty {
            buffer.writeFitted(variables, x: end + 2, y: line.y, style: theme.headerBar, area: left, theme: theme)
        }
    }

    /// What the left side needs in full: the title, then the banner (at its shortest) or the
    /// variables.
    private func leftWidth(_ theme: Theme) -> Int {
        var title = " "
        if let position = model.position { title += "[\(position)] " }
        title += model.title
        if let forms = bannerForms(theme) { return DisplayWidth.of(theme.displayed(title + "  " + forms[0])) }
        let variables = model.variables.map { "$\($0.name)=\($0.value)" }.joined(separator: "  ")
        return DisplayWidth.of(theme.displayed(title + (variables.isEmpty ? "" : "  " + variables)))
    }

    /// "✗ prod unreachable since 14:02:11: connection refused (http://…) (+1 more)", shortened
    /// to fit `width`: the URL goes, then the count of others, then the time, then the reason.
    func banner(width: Int, theme: Theme) -> String? {
        guard let candidates = bannerForms(theme) else { return nil }
        return candidates.first { DisplayWidth.of(theme.displayed($0)) <= width } ?? candidates[candidates.count - 1]
    }

    /// The banner's forms, longest first; the right side makes room for the first: during an
    /// outage which server is down, and where, matters more than the refresh times.
    func bannerForms(_ theme: Theme) -> [String]? {
        let down = model.datasources.filter { $0.state == .unreachable }
        guard let first = down.first else { return nil }
        let head = "\(theme.glyphs.error) \(first.name) unreachable"
        let since = first.since.map { " since " + TimeLabels.clock($0, offset: theme.options.timeZoneOffset) } ?? ""
        let reason = first.error.map { $0.isEmpty ? "" : ": " + $0 } ?? ""
        let more = down.count > 1 ? " (+\(down.count - 1) more)" : ""
        return [head + since + reason + " (\(first.url))" + more, head + since + reason + more, head + since + reason, head + reason, head]
    }
}

/// The right side's pieces, and the order in which they shorten.
struct HeaderRight {
    let model: HeaderModel
    let glyphs: Glyphs
    let offset: Int
    var showsUpdate = true
    var showsDates = true
    var showsCountdown = true
    var namesDatasources = true
    var showsDatasources = true

    init(model: HeaderModel, glyphs: Glyphs, offset: Int) {
        self.model = model
        self.glyphs = glyphs
        self.offset = offset
    }

    /// One step shorter; false when nothing is left to drop.
    mutating func shorten(keepingDatasources: Bool) -> Bool {
        if showsUpdate, model.clock?.lastUpdate != nil { showsUpdate = false; return true }
        if showsDates, model.clock?.absoluteRange != nil { showsDates = false; return true }
        if showsCountdown, model.clock?.nextRefresh != nil, model.refresh != nil { showsCountdown = false; return true }
        if namesDatasources, model.datasources.count > 1 { namesDatasources = false; return true }
        if !keepingDatasources, showsDatasources, !model.datasources.isEmpty { showsDatasources = false; return true }
        return false
    }

    func width(_ theme: Theme) -> Int {
        let paused = model.paused ? " \(glyphs.paused) PAUSED" : ""
        let busy = model.busy ? " " + glyphs.busy : ""
        return DisplayWidth.of(theme.displayed(text + paused + busy + " "))
    }

    var text: String {
        var parts: [String] = []
        if showsDatasources, let health = datasources { parts.append(health) }
        // The range and the refresh period read as one piece, as they always have.
        var timing = range
        if let refresh = model.refresh {
            timing += " \(glyphs.refresh) \(refresh)"
            // A time of day, not a countdown: it stays true without a redraw each second.
            if showsCountdown, let clock = model.clock, let next = clock.nextRefresh {
                timing += " next " + TimeLabels.clock(next, offset: offset)
            }
        }
        parts.append(timing)
        if showsUpdate, let clock = model.clock, let last = clock.lastUpdate {
            parts.append("upd " + TimeLabels.clock(last, offset: offset))
        }
        return " " + parts.joined(separator: " · ")
    }

    private var range: String {
        guard let (from, to) = model.clock?.absoluteRange else { return model.timeRange }
        if showsDates { return TimeLabels.dateTime(from, offset: offset) + " → " + TimeLabels.dateTime(to, offset: offset) }
        return TimeLabels.clock(from, offset: offset) + " → " + TimeLabels.clock(to, offset: offset)
    }

    /// "• prod" for one; "• prod ✗ vm" for several, or "1/2 up" once names do not fit.
    private var datasources: String? {
        let all = model.datasources
        guard !all.isEmpty else { return nil }
        func mark(_ health: DatasourceHealth) -> String {
            switch health.state {
            case .up: glyphs.bullet
            case .unreachable: glyphs.error
            case .unknown: "?"
            }
        }
        if all.count == 1 || namesDatasources { return all.map { "\(mark($0)) \($0.name)" }.joined(separator: " ") }
        return "\(all.filter { $0.state == .up }.count)/\(all.count) up"
    }
}
