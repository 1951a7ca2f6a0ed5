import PromModel

/// A matrix series as a server sent it need not be in time order: a proxy that merges
/// replicas (Thanos without dedup, a hand-written exporter behind a gateway) can repeat or
/// interleave points. Panels, reducers and the incremental cache assume one point per
/// timestamp, ascending. This puts them so once, at decoding: ascending, and for a timestamp
/// sent more than once the last one sent wins (as Prometheus's own remote-read merge keeps
/// the newest chunk's sample). A series already in order — every real Prometheus answer —
/// costs one comparison per point.
enum TimeOrder {
    static func normalised<Point>(_ points: [Point], timestamp: (Point) -> Timestamp) -> [Point] {
        guard !isStrictlyAscending(points, timestamp: timestamp) else { return points }
        // Stable by original index, so "last sent" is well defined among equal timestamps.
        let order = points.indices.sorted { left, right in
            let (a, b) = (timestamp(points[left]), timestamp(points[right]))
            return a != b ? a < b : left < right
        }
        var result: [Point] = []
        result.reserveCapacity(points.count)
        for index in order {
            let point = points[index]
            if let previous = result.last, timestamp(previous) == timestamp(point) {
                result[result.count - 1] = point
            } else {
                result.append(point)
            }
        }
        return result
    }

    private static func isStrictlyAscending<Point>(_ points: [Point], timestamp: (Point) -> Timestamp) -> Bool {
        var previous: Timestamp?
        for point in points {
            let current = timestamp(point)
            if let previous, current <= previous { return false }
            previous = current
        }
        return true
    }
}
