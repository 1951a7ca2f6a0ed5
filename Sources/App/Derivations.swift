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
    }

    private let box = Box()

    func dashboard(_ key: DashboardKey, compute: () -> Dashboard) -> Dashboard {
        if let (cached, value) = box.dashboard.withLock({ $0 }), cached == key { return value }
        let value = compute()
        box.dashboard.withLock { $0 = (key, value) }
        return value
    }

    func layout(_ key: LayoutKey, compute: () -> DashboardLayout) -> DashboardLayout {
        if let (cached, value) = box.layout.withLock({ $0 }), cached == key { return value }
        let value = compute()
        box.layout.withLock { $0 = (key, value) }
        return value
    }

    // A cache is not part of what the state is.
    static func == (lhs: Derivations, rhs: Derivations) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
