import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The terminal going away under the viewer (SSH dropped, the emulator closed) when no SIGHUP
/// comes with it: a session leader that ignores it, nohup, a terminal that is not the
/// viewer's controlling one. Here the viewer runs on a pseudo-terminal that is no process's
/// controlling terminal, so its hang-up signals nobody; the viewer must see the hang-up
/// itself and exit, not poll a dead terminal for good.
@Suite(.tags(.endToEnd)) struct TerminalHangupEndToEndTests {
    @Test func aHungUpTerminalEndsTheViewerWithoutASignal() async throws {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        var name = [CChar](repeating: 0, count: 256)
        try #require(openpty(&master, &slave, &name, nil, &size) == 0)
        // The viewer must not inherit the master: while any process holds it, nothing hangs up.
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        let state = try TemporaryDirectory("promdeck-hangup")
        defer { state.remove() }

        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let viewer = try ChildProcess(try promdeckExecutable(), ["demo", "--refresh", "2s"],
                                      environment: ["TERM": "xterm-256color", "HOME": state.path, "XDG_STATE_HOME": state.path,
                                                    "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
                                      terminalPath: path)
        close(slave)
        defer { viewer.stop(grace: .seconds(1)) }

        // Read what it draws (a full pseudo-terminal would block its writes) until a frame is out.
        var drawn = 0
        let drew = await waitUntil(timeout: .seconds(30), interval: .milliseconds(20)) {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            while poll(&poller, 1, 0) > 0, poller.revents & Int16(POLLIN) != 0 {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }
                drawn += count
            }
            // An 80x24 frame of panels is more than this; the set-up sequences alone are less.
            return drawn > 1_500
        }
        #expect(drew, "the demo drew no frame (\(drawn) bytes)")

        close(master)
        let exited = await waitUntil(timeout: .seconds(15), interval: .milliseconds(50)) { !viewer.isRunning }
        #expect(exited, "the viewer still runs on a hung-up terminal")
    }
}
