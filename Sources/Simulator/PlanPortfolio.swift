import Foundation
import PromModel

/// The book: capital follows a random walk with drift and loses 3–5 % at each emergency
/// stop (positions are flattened at a loss, after a three-minute slide), winning it back over
/// the following six hours.
struct Book: Sendable {
    static let initialCapital = 1_000_000.0
    static let epoch = 1_704_067_200.0  // 2024-01-01, where the drift starts
    static let capacity = [6.0, 5, 4, 3, 3]
    static let slide = 180.0

    let noise: Noise

    /// 3–5 % of the capital at the time.
    func loss(_ stop: Incident) -> Double { trend(stop.start) * (0.03 + 0.02 * noise.unit(0xB00C, stop.slot)) }

    /// The drift: 20 % a year from the epoch.
    func trend(_ t: Double) -> Double { Book.initialCapital * (1 + 0.2 * (t - Book.epoch) / 31_557_600) }

    /// Capital at `t`: the drift and a walk, stepping each minute, less stop losses recovering.
    func capital(_ context: Context, at t: Double) -> Double {
        let minute = (t / 60).rounded(.down) * 60
        var value = trend(minute) + 6_000 * noise.walk(0xCA11, minute)
        for stop in context.recentStops where stop.start <= t && t - stop.start < 21_600 {
            value -= loss(stop) * (1 - (t - stop.start) / 21_600)
        }
        return value
    }

    func openPositions(_ context: Context, symbol index: Int) -> Double {
        let t = context.t
        var factor = 0.5 + 0.5 * noise.smooth(0x9051 &+ UInt64(index), t, scale: 600)
        for stop in context.recentStops where t >= stop.start && t < stop.end + 900 {
            factor *= t < stop.end ? 0 : (t - stop.end) / 900
        }
        return (Book.capacity[index] * factor).rounded()
    }

    func unrealized(_ context: Context, symbol index: Int) -> Double {
        let t = context.t
        let positions = openPositions(context, symbol: index)
        var value = 400 * positions * noise.walk(0x0A7E &+ UInt64(index), t, slowest: 3_600)
        if let next = context.upcomingStop, next.start - t < Book.slide {
            value -= loss(next) * Vocabulary.symbolWeights[index] * (1 - (next.start - t) / Book.slide)
        }
        return (value * 100).rounded() / 100
    }
}

extension Context {
    /// The emergency stop starting within the next slot, if one does.
    var upcomingStop: Incident? {
        recentStops.first { $0.start > t }
    }
}

extension PlanBuilder {
    mutating func addPortfolio() {
        let book = Book(noise: Noise(seed: seed))
        for (index, symbol) in Vocabulary.symbols.enumerated() {
            series("positions_open", [Label("symbol", symbol)]) { context, _ in book.openPositions(context, symbol: index) }
        }
        series("portfolio_value_usd", []) { context, _ in
            let open = (0..<Vocabulary.symbols.count).reduce(0.0) { $0 + book.unrealized(context, symbol: $1) }
            return ((book.capital(context, at: context.t) + open) * 100).rounded() / 100
        }
        for (index, symbol) in Vocabulary.symbols.enumerated() {
            let weight = Vocabulary.symbolWeights[index]
            series("pnl_realized_usd", [Label("symbol", symbol)]) { context, key in
                let dayStart = (context.t / 86_400).rounded(.down) * 86_400
                let minute = (context.t / 60).rounded(.down) * 60
                let session = book.capital(context, at: context.t) - book.capital(context, at: dayStart)
                let own = 300 * (book.noise.walk(key, minute) - book.noise.walk(key, dayStart))
                return ((weight * session + own) * 100).rounded() / 100
            }
        }
        for (index, symbol) in Vocabulary.symbols.enumerated() {
            series("pnl_unrealized_usd", [Label("symbol", symbol)]) { context, _ in book.unrealized(context, symbol: index) }
        }
    }
}
