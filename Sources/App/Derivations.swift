import Dashboards
import Render
import Synchronization

/// What a state derives (its dashboard with repeats expanded and rows toggled, and that
/// dashboard's layout), computed once per input and kept with the state: the reducer, focus
/// and the frame ask for them many times per event. Copies of a state share the box; every
/// entry is keyed by everything it was computed from, so a changed state never reads a stale one.
struct Derivations: Hashable, Sendable {
    struct DashboardKey: Hashable {
        var index: Int
        var selections: [String: [String]]?
        var options: [String: [String]]?
        var toggledRows: Set<Int>?
        var allRowsOpen: Bool
        var panelFilter = ""
    }

    struct LayoutKey: Hashable {
        var dashboard: DashboardKey
        var width: Int
        var height: Int
    }

    private final class Box: Sendable {
        let dashboard = Mutex<(DashboardKey, Dashboard)?>(nil)
        let layout = Mutex<(LayoutKey, DashboardLayout)?>(nil)
        let references = Mutex<(DashboardKey, [Int: Set<String>])?>(nil)
    }

    private let box = Box()

    func dashboard(_ key: DashboardKey, compute: () -> Dashboard) -> Dashboard {
        Self.cached(box.dashboard, key, compute)
    }

    func layout(_ key: LayoutKey, compute: () -> DashboardLayout) -> DashboardLayout {
        Self.cached(box.layout, key, compute)
    }

    /// The variables each panel's queries use, by panel id.
    func variableReferences(_ key: DashboardKey, compute: () -> [Int: Set<String>]) -> [Int: Set<String>] {
        Self.cached(box.references, key, compute)
    }

    private static func cached<Key: Equatable & Sendable, Value: Sendable>(_ slot: borrowing Mutex<(Key, Value)?>, _ key: Key, _ compute: () -> Value) -> Value {
        if let (cached, value) = slot.withLock({ $0 }), cached == key { return value }
        let value = compute()
        slot.withLock { $0 = (key, value) }
        return value
    }

    // A cache is not part of what the state is.
    static func == (lhs: Derivations, rhs: Derivations) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
