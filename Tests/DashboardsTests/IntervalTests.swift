import Testing
@testable import Dashboards

/// Worked examples computed by hand from Grafana's algorithm (see IntervalCalculator).
@Suite struct IntervalTests {
    static let hour: Int64 = 3_600_000

    @Test func roundIntervalTableBounds() {
        #expect(GrafanaDuration.round(9) == 1)
        #expect(GrafanaDuration.round(10) == 10)
        #expect(GrafanaDuration.round(3_600) == 5_000)
        #expect(GrafanaDuration.round(44_999) == 30_000)
        #expect(GrafanaDuration.round(45_000) == 60_000)
        #expect(GrafanaDuration.round(1_080_000) == 1_200_000)
        #expect(GrafanaDuration.round(4e10) == 31_536_000_000)
    }

    @Test func durationsParseAndPrintLikeGrafana() {
        #expect(GrafanaDuration.parse("15s") == 15_000)
        #expect(GrafanaDuration.parse("500ms") == 500)
        #expect(GrafanaDuration.parse("30") == 30_000)
        #expect(GrafanaDuration.parse(">10s") == 10_000)
        #expect(GrafanaDuration.parse("1.5h") == 3_600_000) // describeInterval takes parseInt of the count
        #expect(GrafanaDuration.parse("1M") == 2_592_000_000)
        #expect(GrafanaDuration.parse("$__interval") == nil)
        #expect(GrafanaDuration.format(90_000) == "1m")
        #expect(GrafanaDuration.format(500) == "500ms")
        #expect(GrafanaDuration.format(2 * 86_400_000) == "2d")
        #expect(GrafanaDuration.prometheus(75_000) == "1m15s")
        #expect(GrafanaDuration.prometheus(1_215_000) == "20m15s")
        #expect(GrafanaDuration.prometheus(3_630_000) == "1h30s")
    }

    /// 1 h over 100 points: 36 s rounds to 30 s; rate = max(30 s + 15 s, 4 × 15 s) = 1 m.
    @Test func oneHourOverAHundredPoints() {
        let i = IntervalCalculator().intervals(rangeMs: Self.hour, maxDataPoints: 100)
        #expect(i.stepMs == 30_000 && i.intervalMs == 30_000 && i.rateIntervalMs == 60_000)
        #expect(i.builtInValues == [
            "__interval": "30s", "__interval_ms": "30000", "__rate_interval": "1m", "__rate_interval_ms": "60000",
            "__range": "3600s", "__range_s": "3600", "__range_ms": "3600000",
        ])
    }

    /// intervalFactor 2 doubles the 30 s step (and `$__interval`), not the rate interval; with
    /// "Min step: $__rate_interval" the rate interval is final (promlib's calculatePrometheusInterval).
    @Test func intervalFactorMultipliesTheStep() {
        let i = IntervalCalculator().intervals(rangeMs: Self.hour, maxDataPoints: 100, intervalFactor: 2)
        #expect(i.stepMs == 60_000 && i.intervalMs == 60_000 && i.rateIntervalMs == 60_000)
        let rate = IntervalCalculator().intervals(rangeMs: Self.hour, maxDataPoints: 100, queryMinStep: "$__rate_interval", intervalFactor: 2)
        #expect(rate.stepMs == 60_000)
    }

    /// 3.6 s rounds to 5 s, then the 15 s scrape interval is the floor.
    @Test func scrapeIntervalIsTheFloor() {
        let i = IntervalCalculator().intervals(rangeMs: Self.hour, maxDataPoints: 1000)
        #expect(i.stepMs == 15_000 && i.rateIntervalMs == 60_000)
    }

    /// 24 h over 80 columns: 18 m rounds to 20 m; rate = 20 m + 15 s.
    @Test func dayOverEightyColumns() {
        let i = IntervalCalculator().intervals(rangeMs: 24 * Self.hour, maxDataPoints: 80)
        #expect(i.stepMs == 1_200_000)
        #expect(i.builtInValues["__interval"] == "20m" && i.builtInValues["__rate_interval"] == "20m15s")
    }

    /// A 30 s scrape interval: 7 d over 200 points is 50.4 m, rounded to 1 h; rate = 1 h 30 s.
    @Test func configurableScrapeInterval() {
        let i = IntervalCalculator(scrapeIntervalMs: 30_000).intervals(rangeMs: 7 * 24 * Self.hour, maxDataPoints: 200)
        #expect(i.stepMs == Self.hour && i.rateIntervalMs == Self.hour + 30_000)
        let short = IntervalCalculator(scrapeIntervalMs: 30_000).intervals(rangeMs: Self.hour, maxDataPoints: 100)
        #expect(short.stepMs == 30_000 && short.rateIntervalMs == 120_000)
    }

    @Test func panelMinIntervalRaisesTheInterval() {
        let i = IntervalCalculator().intervals(rangeMs: Self.hour, maxDataPoints: 100, panelMinInterval: "2m")
        #expect(i.stepMs == 120_000 && i.rateIntervalMs == 135_000)
    }

    /// A target min step of 1 m: the step is 1 m and it replaces the scrape interval in the
    /// rate interval: max(30 s + 1 m, 4 × 1 m) = 4 m.
    @Test func queryMinStep() {
        let i = IntervalCalculator().intervals(rangeMs: Self.hour, maxDataPoints: 100, queryMinStep: "1m")
        #expect(i.stepMs == 60_000 && i.rateIntervalMs == 240_000)
    }

    @Test func minStepRateIntervalMakesTheStepTheRateInterval() {
        let i = IntervalCalculator().intervals(rangeMs: Self.hour, maxDataPoints: 100, queryMinStep: "$__rate_interval")
        #expect(i.stepMs == 60_000 && i.rateIntervalMs == 60_000 && i.builtInValues["__interval"] == "1m")
    }

    /// 1 y over 100,000 points would be 5 m, but Prometheus's 11,000-point cap needs
    /// round(1 y / 11000) = 1 h; the rate interval still uses the 5 m interval.
    @Test func safeIntervalCapsThePointCount() {
        let i = IntervalCalculator().intervals(rangeMs: 365 * 24 * Self.hour, maxDataPoints: 100_000)
        #expect(i.stepMs == Self.hour && i.rateIntervalMs == 315_000)
    }
}
