import CNCurses
import Foundation
#if canImport(Glibc)
import Glibc
import TerminalTypes
#endif

extension CursesScreen {
    /// A thread that sleeps in poll(2) on stdin and the wake pipe, and drains ncurses' input
    /// only when bytes have arrived: idle costs nothing.
    func startInputThread() {
        let thread = Thread { [self] in inputLoop() }
        thread.name = "promdeck.input"
        thread.start()
    }

    private func inputLoop() {
        while true {
            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if fds[1].revents != 0 { break }
            // A hung-up terminal (SSH dropped, the emulator closed) polls as readable too, and
            // stays so: without this the loop would spin on it for good whenever the SIGHUP
            // does not come (a session leader that ignores it, a terminal that is not the
            // controlling one).
            let hungUp = fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
            guard let events = lock.withLock({ isClosed ? nil : readAvailableLocked() }) else { break }
            for event in events { continuation.yield(event) }
            if hungUp {
                // The terminal went away: same as SIGHUP.
                continuation.yield(.terminate(signal: SIGHUP))
                break
            }
        }
        close(wakePipe.read)
        close(wakePipe.write)
    }

    /// Requires `lock`. Everything ncurses can decode right now (nodelay mode).
    private func readAvailableLocked() -> [TerminalEvent] {
        // Read everything first: KeyDecoder decodes the run as a whole.
        var inputs: [KeyDecoder.Input] = []
        let window = promdeck_stdscr()
        for _ in 0..<256 {
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            if status == ERR { break }
            inputs.append((status == KEY_CODE_YES, UInt32(value)))
        }
        return KeyDecoder.decode(inputs).compactMap { decoded in
            switch decoded {
            case .event(let event): return event
            case .resize:
                refreshSizeLocked()
                return .resize(currentSize)
            case .cursesMouse: return readMouseLocked().map(TerminalEvent.mouse)
            }
        }
    }

    private func readMouseLocked() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let x = Int(event.x), y = Int(event.y)
        if promdeck_mouse_is_wheel_up(event.bstate) != 0 { return MouseEvent(.wheelUp, x: x, y: y) }
        if promdeck_mouse_is_wheel_down(event.bstate) != 0 { return MouseEvent(.wheelDown, x: x, y: y) }
        if promdeck_mouse_is_click(event.bstate) != 0 { return MouseEvent(.click, x: x, y: y) }
        return nil
    }
}
