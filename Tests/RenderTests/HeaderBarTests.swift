import PromModel
import Testing
@testable import Render

/// The header at 80, 120 and 160 columns: what it says about the datasources, the clock and
/// the range, and the order in which it shortens.
@Suite struct HeaderBarTests {
    /// 2026-01-01 14:02:11 UTC.
    static let now: Timestamp = 1_767_276_131_000

    static func model(_ datasources: [DatasourceHealth], absolute: Bool = false, paused: Bool = false) -> HeaderModel {
        HeaderModel(
            title: "Trading Performance", position: "2/4",
            variables: [.init(name: "datasource", value: "prod"), .init(name: "symbol", value: "All")],
            timeRange: "Last 1h", refresh: "30s", paused: paused, busy: false, datasources: datasources,
            clock: HeaderClock(
                now: now, lastUpdate: now - 4_000, nextRefresh: now + 11_500,
                absoluteRange: absolute ? (now - 3_600_000, now) : nil))
    }

    static let up = DatasourceHealth(name: "prod", url: "http://prom.example:9090", state: .up, since: now - 60_000)
    static let down = DatasourceHealth(
        name: "prod", url: "http://prom.example:9090", state: .unreachable, since: now - 120_000, error: "connection refused")

    func line(_ model: HeaderModel, _ width: Int, theme: Theme = Theme()) -> String {
        var buffer = Buffer(width: width, height: 1)
        HeaderBar(model: model).render(into: &buffer, area: buffer.area, theme: theme)
        return buffer.lines[0]
    }

    @Test func healthyAtEachWidth() {
        let model = Self.model([Self.up])
        let wide = line(model, 160)
        #expect(wide.count == 160)
        #expect(wide.hasPrefix(" [2/4] Trading Performance  $datasource=prod  $symbol=All   "))
        #expect(wide.hasSuffix("   • prod · Last 1h ⟳ 30s next 14:02:22 · upd 14:02:07 "))
        // 120: everything still fits.
        #expect(line(model, 120).hasSuffix("• prod · Last 1h ⟳ 30s next 14:02:22 · upd 14:02:07 "))
        #expect(line(model, 120).hasPrefix(" [2/4] Trading Performance  $datasource=prod  $symbol=All"))
        // 80: the update time goes first, then the countdown; the datasource stays.
        let narrow = line(model, 80)
        #expect(narrow.count == 80)
        #expect(narrow.hasSuffix(" • prod · Last 1h ⟳ 30s "))
        #expect(narrow.hasPrefix(" [2/4] Trading Performance  $datasource=prod  $symbol=…"))
    }

    @Test func unreachableBannerAtEachWidth() {
        let model = Self.model([Self.down])
        let wide = line(model, 160)
        // 160: the banner whole, the down server's URL included; the update time makes room.
        #expect(wide.hasPrefix(" [2/4] Trading Performance  ✗ prod unreachable since 14:00:11: connection refused (http://prom.example:9090)  "))
        #expect(wide.hasSuffix("✗ prod · Last 1h ⟳ 30s next 14:02:22 "))
        // 200: the URL too.
        #expect(line(model, 200).hasPrefix(" [2/4] Trading Performance  ✗ prod unreachable since 14:00:11: connection refused (http://prom.example:9090) "))
        // 120: both refresh times make room; the URL does not fit.
        let middle = line(model, 120)
        #expect(middle.hasPrefix(" [2/4] Trading Performance  ✗ prod unreachable since 14:00:11: connection refused "))
        #expect(middle.hasSuffix("✗ prod · Last 1h ⟳ 30s "))
        // 80: the right side keeps the datasource mark, the banner its name.
        let narrow = line(model, 80)
        #expect(narrow.hasPrefix(" [2/4] Trading Performance  ✗ prod unreachable "))
        #expect(narrow.hasSuffix("✗ prod · Last 1h ⟳ 30s "))
        #expect(narrow.count == 80)
        // A short title leaves the reason room at 80 (the time goes before it).
        var short = model
        short.title = "Infra"
        #expect(line(short, 80).hasPrefix(" [2/4] Infra  ✗ prod unreachable: connection refused "))
    }

    @Test func severalDatasourcesShortenToACount() {
        let vm = DatasourceHealth(name: "vm", url: "http://vm:8428", state: .up)
        let model = Self.model([Self.down, vm])
        let wide = line(model, 160)
        #expect(wide.contains("✗ prod • vm · Last 1h"))
        #expect(wide.hasPrefix(" [2/4] Trading Performance  ✗ prod unreachable since 14:00:11: connection refused (http://prom.example:9090)  "))
        #expect(line(model, 200).hasPrefix(" [2/4] Trading Performance  ✗ prod unreachable since 14:00:11: connection refused (http://prom.example:9090) "))
        var vmDown = vm
        vmDown.unreachable("timeout", at: Self.now)
        #expect(line(Self.model([Self.down, vmDown]), 160).contains("✗ prod unreachable since 14:00:11: connection refused (http://prom.example:9090) (+1 more)"))
        let narrow = line(model, 80)
        #expect(narrow.hasSuffix(" 1/2 up · Last 1h ⟳ 30s "))
        #expect(narrow.hasPrefix(" [2/4] Trading Performance  ✗ prod unreachable "))
    }

    @Test func absoluteRangeLosesItsDatesBeforeTheDatasource() {
        let model = Self.model([Self.up], absolute: true)
        #expect(line(model, 160).contains("• prod · 2026-01-01 13:02:11 → 2026-01-01 14:02:11 ⟳ 30s next 14:02:22"))
        #expect(line(model, 80).hasSuffix("• prod · 13:02:11 → 14:02:11 ⟳ 30s "))
    }

    @Test func snapshotHeaderIsUnchanged() {
        let plain = HeaderModel(title: "Trading Performance", timeRange: "Last 1h", refresh: "30s")
        #expect(line(plain, 80) == " Trading Performance" + String(repeating: " ", count: 46) + "Last 1h ⟳ 30s ")
    }

    @Test func asciiAndMonochrome() {
        let theme = Theme(options: RenderOptions(capability: .monochrome, asciiOnly: true))
        let text = line(Self.model([Self.down]), 120, theme: theme)
        #expect(text.hasPrefix(" [2/4] Trading Performance  x prod unreachable since 14:00:11: connection refused "))
        #expect(text.hasSuffix("x prod - Last 1h every 30s "))
        #expect(line(Self.model([Self.down]), 200, theme: theme).contains("x prod - Last 1h every 30s next 14:02:22 - upd 14:02:07 "))
    }
}
