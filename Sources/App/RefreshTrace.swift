/// Times each refresh for the viewer's figures (Benchmarks/README.md): a batch of queries from
/// the moment it starts to the first frame drawn after its last answer, beside its slowest
/// query. Times are offsets from any fixed origin, so the trace is pure and testable.
struct RefreshTrace {
    struct Record: Equatable {
        var queries: Int
        var slowest: Duration
        var wall: Duration

        /// One JSON line: what `Benchmarks/viewer-figures.sh` reads.
        var line: String {
            let ratio = slowest > .zero ? wall / slowest : 0
            return "{\"queries\":\(queries),\"slowest_ms\":\(Self.ms(slowest)),\"wall_ms\":\(Self.ms(wall)),\"ratio\":\(Self.rounded(ratio))}"
        }

        private static func ms(_ duration: Duration) -> String { rounded(duration / .milliseconds(1)) }
        private static func rounded(_ value: Double) -> String { String(Double(Int((value * 1000).rounded())) / 1000) }
    }

    private struct Batch {
        var started: Duration
        var pending: Set<QueryID>
        var count: Int
        var slowest: Duration = .zero
    }

    private var batches: [Batch] = []
    /// Batches shown by the frame on its way to the terminal.
    private var inFrame: [Batch] = []

    mutating func started(_ ids: [QueryID], at now: Duration) {
        guard !ids.isEmpty else { return }
        batches.append(Batch(started: now, pending: Set(ids), count: ids.count))
    }

    mutating func answered(_ id: QueryID, took: Duration) {
        guard let index = batches.firstIndex(where: { $0.pending.contains(id) }) else { return }
        batches[index].pending.remove(id)
        batches[index].slowest = max(batches[index].slowest, took)
    }

    /// A cancelled batch (time range or dashboard changed) says nothing about refresh speed.
    mutating func cancelled(_ ids: [QueryID]) {
        let gone = Set(ids)
        batches.removeAll { !$0.pending.isDisjoint(with: gone) }
    }

    /// A frame was rendered: it shows every batch whose answers were all in before it.
    mutating func rendered() {
        inFrame += batches.filter(\.pending.isEmpty)
        batches.removeAll(where: \.pending.isEmpty)
    }

    /// That frame reached the terminal: the records of the batches it shows.
    mutating func shown(at now: Duration) -> [Record] {
        defer { inFrame = [] }
        return inFrame.map { Record(queries: $0.count, slowest: $0.slowest, wall: now - $0.started) }
    }

    /// A frame rendered and shown at once.
    mutating func drawn(at now: Duration) -> [Record] {
        rendered()
        return shown(at: now)
    }
}
