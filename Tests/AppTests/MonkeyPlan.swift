/// A fixed-seed stream of random keystrokes for the monkey test, as tmux `send-keys` names
/// them: every key of the help, cursor and function keys, and text for the `:` prompt with
/// garbage and wide characters. Every so often an overlay is opened on purpose, so each
/// one gets its share of random keys.
struct MonkeyPlan {
    /// One step: keys (tmux names) or literal text (`send-keys -l`).
    enum Step: Equatable {
        case keys([String])
        case text(String)
    }

    /// The dashboard keys (`q` quits, Ctrl-C and Ctrl-Z leave: they end the run, not in the
    /// stream), overlay keys, and keys no map uses.
    static let keys: [String] = ["1", "2", "3", "4", "5", "9", "0", "Tab", "BTab", "d", "Left", "Down", "Up", "Right",
                                 "h", "j", "k", "l", "PPage", "NPage", "Enter", "Escape", "+", "=", "-", "[", "]", "t", "p",
                                 "r", "v", "i", "e", "a", "C-l", "?", "Home", "End", "g", "G", "Space", "BSpace", "DC", "IC",
                                 "F1", "F2", "F5", "F10", "F12", "C-a", "C-u", "x", "/", "n"]
    /// What opens each overlay (and the zoom and ad-hoc views): `:` then text then Enter
    /// runs an ad-hoc query.
    static let openers: [[String]] = [["?"], ["d"], ["t"], ["v"], ["v", "Enter"], ["i"], ["a"], ["Enter"], [":"]]
    static let promptText = ["sum(up)", "rate(up[5m])", "日本語", "🙂👩‍💻", "e\u{301}", "{{{", "up{job=\"", "))))", "a\u{7F}b",
                             "\u{1B}[31m", "1/0", "x[1y]", "$__rate_interval", "\u{9B}2J", "   ", "label_values(up, job)"]

    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    /// SplitMix64: small, fixed and the same on every platform.
    private mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func pick<T>(_ array: [T]) -> T { array[Int(next() % UInt64(array.count))] }

    /// `count` keystrokes or so, in batches of a few keys.
    mutating func steps(count: Int) -> [Step] {
        var steps: [Step] = []
        var sent = 0
        var opener = Int(next() % UInt64(Self.openers.count))
        while sent < count {
            if next() % 6 == 0 {
                // Each overlay in turn, then random keys inside it.
                let keys = Self.openers[opener % Self.openers.count]
                opener += 1
                steps.append(.keys(keys))
                sent += keys.count
                if keys == [":"] {
                    steps.append(.text(pick(Self.promptText) + pick(Self.promptText)))
                    steps.append(.keys([next() % 2 == 0 ? "Enter" : "Escape"]))
                    sent += 2
                }
            }
            let batch = (0..<(1 + Int(next() % 6))).map { _ in pick(Self.keys) }
            steps.append(.keys(batch))
            sent += batch.count
        }
        return steps
    }
}
