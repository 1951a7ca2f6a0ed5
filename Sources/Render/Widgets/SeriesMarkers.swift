/// How a series is told apart without colour: a legend marker and the dot pattern its line
/// is drawn with (dashes and dots along x), or in ASCII the character its plot cells use.
/// With colour every series keeps the solid "━" and its palette colour.
struct SeriesMarker: Equatable {
    var legend: String
    /// Dots drawn, then dots skipped, along x (skipped 0: solid).
    var on: Int
    var off: Int

    private static let unicode: [SeriesMarker] = [
        SeriesMarker(legend: "━", on: 1, off: 0), SeriesMarker(legend: "╍", on: 4, off: 2),
        SeriesMarker(legend: "┅", on: 2, off: 2), SeriesMarker(legend: "·", on: 1, off: 3),
        SeriesMarker(legend: "∘", on: 1, off: 5), SeriesMarker(legend: "┉", on: 3, off: 4),
        SeriesMarker(legend: "╌", on: 6, off: 3), SeriesMarker(legend: "⁚", on: 1, off: 7),
    ]
    /// ASCII plots draw each series with its own character, so the line shows its marker.
    private static let ascii = ["*", "o", "+", "x", "#", "%", "@", "="]

    /// The marker of the `index`th series under `theme`.
    static func of(index: Int, theme: Theme) -> SeriesMarker {
        if theme.ascii { return SeriesMarker(legend: ascii[index % ascii.count], on: 1, off: 0) }
        guard theme.isMonochrome else { return unicode[0] }
        return unicode[index % unicode.count]
    }

    /// Whether the dot at `x` is drawn.
    func draws(_ x: Int) -> Bool { off == 0 || x % (on + off) < on }

    /// The legend symbol drawn for a hidden series (Grafana greys it out).
    static func hidden(theme: Theme) -> String { theme.ascii ? " " : "○" }
}
