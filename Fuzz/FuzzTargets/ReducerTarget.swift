import App
import Dashboards
import Foundation
import PromModel
import Terminal

/// Random event sequences against the viewer's state machine: keys (every key of the help,
/// cursor and function keys, text with wide characters), resizes, ticks, query answers and
/// failures, variable options, alerts, mouse, written files. The first byte picks the
/// dashboard; each later event is read from the next bytes.
enum ReducerTarget {
    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        var reader = FuzzReader(bytes)
        let dashboards = ReducerDashboards.all
        var harness = ViewerHarness(dashboards: dashboards, size: TerminalSize(width: 120, height: 40),
                                    dashboardIndex: reader.choice(dashboards.count))
        try harness.send(.start)
        // Bounded so one input stays fast however long it is: every event draws a whole frame,
        // about 25 ms at the largest sizes in a debug build under ASan, and libFuzzer's
        // -timeout is 10 s (400 events once took over 10 s).
        for _ in 0..<160 where !reader.isAtEnd && !harness.quit {
            let event = nextEvent(&reader, &harness)
            harness.now += Int64(reader.choice(4)) * 250
            try harness.send(event)
        }
    }

    static let namedKeys: [Key] = [
        .up, .down, .left, .right, .tab, .backTab, .enter, .escape, .backspace, .delete,
        .pageUp, .pageDown, .home, .end, .insert, .function(1), .function(5), .function(12),
        .ctrl("c"), .ctrl("l"), .ctrl("z"), .ctrl("u"), .char(" "),
    ]
    /// Wide, combining, right-to-left and control-looking text, as pasted into the prompt.
    static let oddCharacters: [Character] = ["日", "本", "🙂", "👩‍💻", "e\u{301}", "ש", "\u{200B}", "\u{1B}", "\u{7F}", "\u{9B}", "{", "}", "\"", "$", "~"]

    private static func nextEvent(_ reader: inout FuzzReader, _ harness: inout ViewerHarness) -> AppEvent {
        let state = harness.state
        switch reader.choice(16) {
        case 0...5:
            // Printable ASCII: every single-character key of the help and the prompt's text.
            return .key(.char(Character(Unicode.Scalar(0x20 + reader.choice(95))!)))
        case 6, 7:
            return .key(reader.element(of: namedKeys))
        case 8:
            return .key(.char(reader.element(of: oddCharacters)))
        case 9:
            // Down to nothing and up past any real terminal.
            return .resize(TerminalSize(width: reader.choice(256), height: reader.choice(101)))
        case 10:
            harness.now += Int64(reader.byte()) * 1_000
            return .tick
        case 11, 12:
            let ids = state.inFlight.keys.sorted()
            guard !ids.isEmpty else { return .tick }
            let id = ids[reader.choice(ids.count)]
            if reader.choice(4) == 0 {
                return .queryFailed(id, QueryError(.execution, reader.string(limit: 40)), duration: Int64(reader.byte()))
            }
            return .queryResult(id, QueryAnswers.response(&reader, now: harness.now), duration: Int64(reader.byte()))
        case 13:
            guard !harness.pendingOptions.isEmpty else { return .key(.char("v")) }
            let request = harness.pendingOptions[reader.choice(harness.pendingOptions.count)]
            let options = (0..<reader.choice(12)).map { _ in reader.string(limit: 12) }
            let result: Result<[String], QueryError> = reader.choice(5) == 0 ? .failure(QueryError(.connection, "refused")) : .success(options)
            // Sometimes an answer to an older question (a parent variable changed since).
            let query = reader.choice(4) == 0 ? "stale" : request.text
            return .variableOptions(dashboardUID: request.dashboardUID, name: request.name, result, query: query)
        case 14:
            let kinds: [MouseEvent.Kind] = [.click, .wheelUp, .wheelDown]
            return .mouse(MouseEvent(reader.element(of: kinds), x: reader.choice(256), y: reader.choice(128)))
        default:
            switch reader.choice(4) {
            case 0: return .alerts(.success(QueryAnswers.alerts(&reader, now: harness.now)))
            case 1: return .alerts(.failure(QueryError(.unavailable, reader.string(limit: 30))))
            case 2: return .fileWritten(path: reader.string(limit: 20), error: reader.choice(2) == 0 ? nil : "EACCES")
            default: return .suspend
            }
        }
    }
}
