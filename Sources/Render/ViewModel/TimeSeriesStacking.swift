import Dashboards
import PromModel

/// Grafana's stacking of time series (`custom.stacking` `{mode: normal|percent, group}`,
/// also what old `graph` panels' `stack` migrate to): series of one group are drawn each on
/// top of the ones before it, at each timestamp. As in Grafana's getStackingGroups
/// (packages/grafana-ui/src/components/uPlot/utils.ts) a group is mode + group name +
/// direction, a series mostly below zero stacking downwards on its own; series hidden from
/// the graph do not stack. A missing or non-finite point stays a gap and adds nothing.
enum TimeSeriesStacking {
    struct Key: Hashable {
        var percent: Bool
        var group: String
        var negative: Bool
    }

    /// The group a series stacks in, nil when it does not stack.
    static func key(_ custom: JSONValue, points: [Sample]) -> Key? {
        guard let stacking = custom["stacking"], let mode = stacking["mode"]?.string, mode == "normal" || mode == "percent" else {
            return nil
        }
        let negatives = points.count(where: { $0.value.isFinite && ($0.value < 0 || ($0.value == 0 && $0.value.sign == .minus)) })
        let positives = points.count(where: { $0.value.isFinite && $0.value > 0 })
        return Key(percent: mode == "percent", group: stacking["group"]?.string ?? "A", negative: negatives > positives)
    }

    /// Each line's points replaced by its stacked values (lines keyed nil are left alone).
    static func apply(_ lines: [TimeSeriesLine], keys: [Key?]) -> [TimeSeriesLine] {
        var out = lines
        var sums: [Key: [Int64: Double]] = [:]
        var totals: [Key: [Int64: Double]] = [:]
        for (index, key) in keys.enumerated() {
            guard let key else { continue }
            for point in lines[index].points where point.value.isFinite {
                totals[key, default: [:]][point.timestamp, default: 0] += abs(point.value)
            }
        }
        for (index, key) in keys.enumerated() {
            guard let key else { continue }
            out[index].points = lines[index].points.map { point in
                guard point.value.isFinite else { return point }
                let sum = (sums[key]?[point.timestamp] ?? 0) + point.value
                sums[key, default: [:]][point.timestamp] = sum
                guard key.percent else { return Sample(point.timestamp, sum) }
                let total = totals[key]?[point.timestamp] ?? 0
                return Sample(point.timestamp, total > 0 ? sum / total : 0)
            }
        }
        return out
    }
}
