import PromModel
import PromQL

import Synchronization

/// The data behind `promdeck demo` and `--demo`: the simulated platform "scraped" every 15 s
/// into the embedded store, the way Prometheus would scrape the five services, with an hour
/// of history filled in at start. `demo --regions` runs one per region (its samples labelled
/// `region`, as a Prometheus's external labels mark them on remote write) and a global one
/// holding every region, the way a long-term store behind a query gateway does.
public final class DemoPlatform: Sendable {
    public static let scrapeInterval: Int64 = 15_000
    public static let defaultHistory: Int64 = 3_600_000
    /// Older samples are dropped so a demo left running all day does not grow.
    public static let retention: Int64 = 6 * 3_600_000

    /// The first region's simulation (the only one outside `demo --regions`).
    public var simulation: Simulation { sources[0].simulation }
    /// Each simulated region and the `region` label its samples carry (nil: none added).
    private let sources: [(simulation: Simulation, region: String?)]
    public let store: SeriesStore
    public let engine: Engine
    /// The newest scrape time in the store.
    private let lastScrape: Mutex<Timestamp>

    public convenience init(seed: UInt64, now: Timestamp, history: Int64 = DemoPlatform.defaultHistory, promQLVersion: PromQLVersion = .v3) {
        self.init(regions: [], seed: seed, now: now, history: history, promQLVersion: promQLVersion)
    }

    /// The regions in one store, each a simulation of its own seed whose samples carry
    /// `region="<name>"`; no regions is the plain demo (one simulation of `seed`, no label).
    public init(regions: [DemoRegion], seed: UInt64 = 1, now: Timestamp, history: Int64 = DemoPlatform.defaultHistory,
                promQLVersion: PromQLVersion = .v3) {
        sources = regions.isEmpty ? [(Simulation(seed: seed), nil)] : regions.map { (Simulation(seed: $0.seed), $0.name) }
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
                for source in sources {
                    let samples = source.simulation.samples(at: next)
                    let region = source.region
                    func labelled(_ labels: Labels) -> Labels { region.map { labels.setting("region", $0) } ?? labels }
                    if floatLabels != nil {
                        store.append(contentsOf: samples.lazy.map { (labelled(floatLabels!.normalizing($0.labels)), $0.sample) })
                    } else {
                        store.append(contentsOf: samples.lazy.map { (labelled($0.labels), $0.sample) })
                    }
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

/// One simulated region of `demo --regions`: its `region` label value and the seed that
/// makes its traffic differ from the others'.
public struct DemoRegion: Hashable, Sendable {
    public var name: String
    public var seed: UInt64

    public init(name: String, seed: UInt64) {
        self.name = name
        self.seed = seed
    }

    /// `count` regions a, b, c… seeded from `seed` on.
    public static func regions(_ count: Int, seed: UInt64) -> [DemoRegion] {
        let names = "abcdefghijklmnopqrstuvwxyz".map(String.init)
        return names.prefix(max(0, count)).enumerated().map { DemoRegion(name: $1, seed: seed &+ UInt64($0)) }
    }
}
