import NIOCore
import PromModel

/// A NIO event loop as a task executor with timers: jobs run on the loop's thread (from a job
/// already there, without waking anything), delays are the loop's own scheduled tasks rather
/// than the global executor's timer thread.
final class EventLoopExecutor: LoopExecutor {
    private let loop: any EventLoop

    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    func schedule(after delay: Duration, _ work: @escaping @Sendable () -> Void) -> any ScheduledWork {
        let (seconds, attoseconds) = delay.components
        let nanoseconds = max(0, seconds) * 1_000_000_000 + max(0, attoseconds) / 1_000_000_000
        return Scheduled(task: loop.scheduleTask(in: .nanoseconds(nanoseconds)) { work() })
    }

    private struct Scheduled: ScheduledWork {
        let task: NIOCore.Scheduled<Void>
        func cancel() { task.cancel() }
    }
}
