/// An executor that also runs work after a delay: the event loop an HTTP datasource's answers
/// arrive on. The viewer's run loop, its queries and its timers run there when one is given,
/// so a response resumes the query, and the query's answer the run loop, on the thread that
/// read it instead of waking a pool thread for each (a refresh is nine requests).
public protocol LoopExecutor: TaskExecutor {
    /// Runs `work` on this executor once `delay` has passed, unless cancelled first.
    func schedule(after delay: Duration, _ work: @escaping @Sendable () -> Void) -> any ScheduledWork
}

/// Work a `LoopExecutor` (or a sleeping task) will run later.
public protocol ScheduledWork: Sendable {
    func cancel()
}
