/// `$__interval`, `$__rate_interval` and the query step for one query, computed as Grafana
/// computes them for a Prometheus datasource.
///
/// Sources (grafana/grafana):
/// - packages/grafana-data/src/datetime/rangeutil.ts, `calculateInterval` and `roundInterval`:
///   the frontend interval is roundInterval(range / maxDataPoints), raised to the lower
///   limit, which is the panel's min interval or else the datasource's scrape interval.
/// - pkg/promlib/models/query.go, `calculatePrometheusInterval`: the step starts from the
///   query's min step (or else that interval), takes round(range / maxDataPoints) when that
///   is larger, and never goes below round(range / 11000) (Prometheus's 11,000-point cap);
///   `calculateRateInterval`: rate interval = max(interval + scrape, 4 × scrape), where
///   "scrape" is the query's min step if set, else the scrape interval (default 15 s).
///   `interpolateVariables` then writes `$__interval` as the step. The step (not a
///   `$__rate_interval` one) is multiplied by the target's legacy `intervalFactor`.
public struct IntervalCalculator: Hashable, Sendable {
    /// The datasource's scrape interval (Grafana's "timeInterval"); 15 s when not configured.
    public var scrapeIntervalMs: Int64

    public init(scrapeIntervalMs: Int64 = 15_000) {
        self.scrapeIntervalMs = scrapeIntervalMs > 0 ? scrapeIntervalMs : 15_000
    }

    /// Prometheus refuses range queries of more than 11,000 points.
    static let safeResolution: Double = 11_000

    /// - Parameters:
    ///   - rangeMs: the time range's length.
    ///   - maxDataPoints: points wanted (the panel's maxDataPoints, or its width).
    ///   - panelMinInterval: the panel's `interval` ("Min interval"), already interpolated.
    ///   - queryMinStep: the target's `interval` ("Min step"), possibly "$__rate_interval".
    ///   - intervalFactor: the target's "Resolution" 1/n (Grafana 7 and older), 1 when unset.
    public func intervals(
        rangeMs: Int64, maxDataPoints: Int, panelMinInterval: String? = nil, queryMinStep: String? = nil,
        intervalFactor: Int = 1
    ) -> QueryIntervals {
        let points = Double(max(1, maxDataPoints))
        let raw = Double(max(0, rangeMs)) / points
        let lowLimit = panelMinInterval.flatMap(GrafanaDuration.parse) ?? scrapeIntervalMs
        let interval = max(GrafanaDuration.round(raw), lowLimit)

        let minStepText = queryMinStep.flatMap { $0.isEmpty ? nil : $0 }
        let isVariable = minStepText.map(Self.isBuiltInIntervalVariable) ?? false
        let minStep = isVariable ? interval : (minStepText.flatMap(GrafanaDuration.parse) ?? interval)
        let calculated = raw < Double(minStep) ? minStep : GrafanaDuration.round(raw)
        let safe = GrafanaDuration.round(Double(max(0, rangeMs)) / Self.safeResolution)
        var step = max(calculated, safe)
        let factor = Int64(max(1, intervalFactor))

        let rate: Int64
        if minStepText.map(Self.isRateIntervalVariable) ?? false {
            // "Min step: $__rate_interval": the step is the rate interval itself.
            step = Self.rateInterval(step, scrape: scrapeIntervalMs)
            rate = step
        } else {
            var scrape = scrapeIntervalMs
            if let text = minStepText {
                if text == "$__interval" || text == "${__interval}" {
                    scrape = step
                } else if !isVariable, let parsed = GrafanaDuration.parse(text) {
                    scrape = parsed
                }
            }
            rate = Self.rateInterval(interval, scrape: scrape)
            step *= factor
        }
        return QueryIntervals(intervalMs: step, rateIntervalMs: rate, stepMs: step, rangeMs: rangeMs)
    }

    static func rateInterval(_ interval: Int64, scrape: Int64) -> Int64 {
        max(interval + scrape, 4 * scrape)
    }

    static func isRateIntervalVariable(_ text: String) -> Bool {
        text == "$__rate_interval" || text == "${__rate_interval}"
    }

    static func isBuiltInIntervalVariable(_ text: String) -> Bool {
        ["$__interval", "$__interval_ms", "$__rate_interval", "$__rate_interval_ms",
         "${__interval}", "${__interval_ms}", "${__rate_interval}", "${__rate_interval_ms}"].contains(text)
    }
}

/// The built-in interval values of one query.
public struct QueryIntervals: Hashable, Sendable {
    /// `$__interval` / `$__interval_ms` (for Prometheus, Grafana substitutes the step).
    public var intervalMs: Int64
    public var rateIntervalMs: Int64
    public var stepMs: Int64
    public var rangeMs: Int64

    public init(intervalMs: Int64, rateIntervalMs: Int64, stepMs: Int64, rangeMs: Int64) {
        self.intervalMs = intervalMs
        self.rateIntervalMs = rateIntervalMs
        self.stepMs = stepMs
        self.rangeMs = rangeMs
    }

    /// `$__range` in whole seconds, rounded as Grafana does.
    public var rangeSeconds: Int64 { Int64((Double(rangeMs) / 1000).rounded()) }

    /// The values of the built-in variables, by name without the `$`.
    public var builtInValues: [String: String] {
        [
            "__interval": GrafanaDuration.format(intervalMs),
            "__interval_ms": String(intervalMs),
            "__rate_interval": GrafanaDuration.prometheus(rateIntervalMs),
            "__rate_interval_ms": String(rateIntervalMs),
            "__range": "\(rangeSeconds)s",
            "__range_s": String(rangeSeconds),
            "__range_ms": String(rangeMs),
        ]
    }
}
