import PromModel
import PromQL

import Synchronization

/// The data behind `promdeck demo` and `--demo`: the simulated platform "scraped" every 15 s
/// into the embedded store, the way Prometheus would scrape the five services, with an hour
/// of history filled in at start.
public final class DemoPlatform: Sendable {
    public static let scrapeInterval: Int64 = 15_000
    public static let defaultHistory: Int64 = 3_600_000
    /// Older samples are dropped so a demo left running all day does not grow.
    public static let retention: Int64 = 6 * 3_600_000

    public let simulation: Simulation
    public let store: SeriesStore
    public let engine: Engine
    /// The newest scrape time in the store.
    private let lastScrape: Mutex<Timestamp>

    public init(seed: UInt64, now: Timestamp, history: Int64 = DemoPlatform.defaultHistory, promQLVersion: PromQLVersion = .v3) {
        simulation = Simulation(seed: seed)
        store = SeriesStore()
        var engine = Engine(storage: store)
        engine.promQLVersion = promQLVersion
        self.engine = engine
        let first = DemoPlatform.alignUp(now - history)
        lastScrape = Mutex(first - DemoPlatform.scrapeInterval)
        advance(to: now)
    }

    /// Scrapes every 15 s boundary up to `now` not yet in the store, and applies retention.
    /// Cheap when nothing is due, so callers may ask before every query.
    public func advance(to now: Timestamp) {
        lastScrape.withLock { last in
            var next = last + DemoPlatform.scrapeInterval
            // After a long pause (a suspended laptop) only the retention window is refilled.
            next = max(next, DemoPlatform.alignUp(now - DemoPlatform.retention))
            guard next <= now else { return }
            // Stored as Prometheus of the engine's version would scrape them (3.x: le="1.0").
            var floatLabels = engine.promQLVersion == .v3 ? FloatLabelValues() : nil
            while next <= now {
                let samples = simulation.samples(at: next)
                if floatLabels != nil {
                    store.append(contentsOf: samples.lazy.map { (floatLabels!.normalizing($0.labels), $0.sample) })
                } else {
                    store.append(contentsOf: samples.lazy.map { ($0.labels, $0.sample) })
                }
                last = next
                next += DemoPlatform.scrapeInterval
            }
            store.dropSamples(before: now - DemoPlatform.retention)
        }
    }

    /// The first scrape boundary at or after `time`.
    static func alignUp(_ time: Timestamp) -> Timestamp {
        let interval = scrapeInterval
        let remainder = ((time % interval) + interval) % interval
        return remainder == 0 ? time : time + interval - remainder
    }
}
