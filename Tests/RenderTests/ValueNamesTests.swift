import Testing
@testable import Render

/// Stats and gauges with several values keep their names at every size: shortened with an
/// ellipsis, beside the value when there is no line for them, never run together.
@Suite struct ValueNamesTests {
    static let names = ["eventbus", "exchange-api", "market-data-feed", "postgres", "redis"]

    static func values() -> [ReducedValue] {
        names.map { ReducedValue(name: $0, display: DisplayValue(numeric: 1, formatted: FormattedValue(text: "UP"), color: nil, percent: 1), sparkline: [1, 1, 1]) }
    }

    func draw(_ widget: some Widget, _ width: Int, _ height: Int) -> String {
        var buffer = Buffer(width: width, height: height)
        widget.render(into: &buffer, area: buffer.area, theme: Theme())
        return buffer.text
    }

    @Test(arguments: [(78, 4), (56, 5), (78, 2)])
    func gaugeBarsKeepTheirNames(width: Int, height: Int) {
        let gauge = GaugeModel(values: Self.values(), min: 0, max: 1, markers: [], showMarkers: false)
        let text = draw(GaugeWidget(model: gauge), width, height)
        for name in Self.names { #expect(text.contains(name.prefix(5)), "\(name):\n\(text)") }
        #expect(text.components(separatedBy: "UP").count - 1 == 5, "\(text)")
        // Two rows: the bar and one text row, where name and value share the line.
        if height == 2 { #expect(text.contains("eventbus UP") && text.contains("redis UP"), "\(text)") }
    }

    @Test(arguments: [(78, 3), (78, 2), (160, 6)])
    func statNamesNeverRunTogether(width: Int, height: Int) {
        let stat = StatModel(values: Self.values(), colorMode: "value", showSparkline: true, textMode: "auto", orientation: "auto")
        let text = draw(StatWidget(model: stat), width, height)
        for name in ["eventbus", "postgres", "redis"] { #expect(text.contains(name), "\(text)") }
        // Every name, whole or shortened, has a blank on each side.
        #expect(!text.contains("…m") && !text.contains("…p") && !text.contains("…r"), "\(text)")
    }
}
