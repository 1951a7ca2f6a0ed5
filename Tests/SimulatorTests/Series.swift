import PromModel
@testable import Simulator

/// Samples of a simulation over a range, indexed for the behaviour tests.
struct SampledRange {
    let times: [Timestamp]
    /// Series identity (labels as text) → value at each time.
    private(set) var values: [String: [Double]] = [:]
    private(set) var labels: [String: Labels] = [:]

    init(_ simulation: Simulation, from start: Timestamp, to end: Timestamp, step: Int64) {
        times = Array(stride(from: start, through: end, by: Int(step)))
        for (row, time) in times.enumerated() {
            for sample in simulation.samples(at: time) {
                let key = sample.labels.description
                if values[key] == nil {
                    values[key] = [Double](repeating: .nan, count: times.count)
                    labels[key] = sample.labels
                }
                values[key]?[row] = sample.sample.value
            }
        }
    }

    /// The values of the one series matching every given label.
    func series(_ name: String, _ matchers: [String: String] = [:]) -> [Double] {
        let matching = labels.filter { _, labels in
            labels.name == name && matchers.allSatisfy { labels[$0.key] == $0.value }
        }
        guard matching.count == 1, let key = matching.first?.key else { return [] }
        return values[key] ?? []
    }

    /// All series whose name matches.
    func all(where include: (Labels) -> Bool) -> [(Labels, [Double])] {
        labels.filter { include($0.value) }.compactMap { key, labels in values[key].map { (labels, $0) } }
    }

    func index(of time: Timestamp) -> Int? { times.firstIndex(of: time) }
}
