import Testing
@testable import App

@Suite("Refresh trace")
struct RefreshTraceTests {
    @Test("a refresh lasts from its start to the first frame after its last answer")
    func wallTimeToFrame() {
        var trace = RefreshTrace()
        trace.started([QueryID(1), QueryID(2)], at: .milliseconds(100))
        trace.answered(QueryID(1), took: .milliseconds(4))
        #expect(trace.drawn(at: .milliseconds(105)).isEmpty, "one answer is still out")
        trace.answered(QueryID(2), took: .milliseconds(9))
        let records = trace.drawn(at: .milliseconds(111))
        #expect(records == [RefreshTrace.Record(queries: 2, slowest: .milliseconds(9), wall: .milliseconds(11))])
        #expect(records.first?.line == #"{"queries":2,"slowest_ms":9.0,"wall_ms":11.0,"ratio":1.222}"#)
        #expect(trace.drawn(at: .milliseconds(200)).isEmpty, "reported once")
    }

    @Test("overlapping batches are kept apart, and a cancelled one is dropped")
    func batches() {
        var trace = RefreshTrace()
        trace.started([QueryID(1)], at: .zero)
        trace.started([QueryID(2)], at: .milliseconds(10))
        trace.started([QueryID(3)], at: .milliseconds(20))
        trace.cancelled([QueryID(3)])
        trace.answered(QueryID(2), took: .milliseconds(3))
        #expect(trace.drawn(at: .milliseconds(14)).map(\.queries) == [1])
        trace.answered(QueryID(1), took: .milliseconds(30))
        trace.answered(QueryID(3), took: .milliseconds(1))
        #expect(trace.drawn(at: .milliseconds(31)) == [RefreshTrace.Record(queries: 1, slowest: .milliseconds(30), wall: .milliseconds(31))])
    }
}
