import Foundation
import Terminal
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The fatal-signal handler runs on an alternate stack, which is per thread: each worker
/// thread the viewer uses gets one, and a thread that exits gives its stack back.
@Suite struct ThreadGuardTests {
    struct AlternateStack: Equatable { var enabled: Bool; var size: Int }

    /// The calling thread's alternate stack.
    static func alternateStack() -> AlternateStack {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0 else { return AlternateStack(enabled: false, size: 0) }
        return AlternateStack(enabled: (current.ss_flags & Int32(SS_DISABLE)) == 0, size: current.ss_size)
    }

    /// What a thread saw: its stack before the guard, after it, and after a second call.
    final class Observed: @unchecked Sendable {
        var before = AlternateStack(enabled: true, size: 0), after = AlternateStack(enabled: false, size: 0)
        var again = AlternateStack(enabled: false, size: 0), guarded = false
    }

    /// Runs one guarded thread and joins it (the join returns after its key destructors ran).
    static func guardedThread() -> Observed {
        let observed = Observed()
        var thread = pthread_t()
        let context = Unmanaged.passRetained(observed).toOpaque()
        let created = pthread_create(&thread, nil, { raw in
            let observed = Unmanaged<Observed>.fromOpaque(raw!).takeRetainedValue()
            observed.before = ThreadGuardTests.alternateStack()
            observed.guarded = CrashRestore.guardCurrentThread()
            observed.after = ThreadGuardTests.alternateStack()
            CrashRestore.guardCurrentThread()
            observed.again = ThreadGuardTests.alternateStack()
            return nil
        }, context)
        precondition(created == 0, "pthread_create: \(created)")
        pthread_join(thread, nil)
        return observed
    }

    @Test func aNewThreadGetsAnAlternateStackOnce() {
        let observed = Self.guardedThread()
        #expect(!observed.before.enabled, "a fresh thread has no alternate stack")
        #expect(observed.guarded)
        #expect(observed.after == AlternateStack(enabled: true, size: 64 * 1024))
        #expect(observed.again == observed.after, "a second call keeps the same stack")
    }

    /// Many short-lived threads, as a pool makes over a day: the mappings are given back.
    @Test func exitedThreadsGiveTheirStacksBack() throws {
        func mappings() throws -> Int {
            try String(contentsOfFile: "/proc/self/maps", encoding: .utf8).split(separator: "\n").count
        }
        let start = try mappings()
        for _ in 0..<200 { #expect(Self.guardedThread().guarded) }
        let end = try mappings()
        #expect(end < start + 50, "200 guarded threads left \(end - start) more mappings")
    }
}
