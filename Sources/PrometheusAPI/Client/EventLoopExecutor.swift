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
        Scheduled(task: loop.scheduleTask(in: TimeAmount(delay)) { work() })
    }

    private struct Scheduled: ScheduledWork {
        let task: NIOCore.Scheduled<Void>
        func cancel() { task.cancel() }
    }
}
