#ifndef PROMDECK_TERMINAL_RESTORE_H
#define PROMDECK_TERMINAL_RESTORE_H

// Gives the terminal back when the process dies of a fatal signal (SIGSEGV, SIGILL, SIGTRAP,
// SIGABRT, SIGBUS, SIGFPE) while the viewer owns it. Only async-signal-safe calls run in the
// handler: tcsetattr of the modes saved before curses changed them, write(2) of the escape
// sequences that leave the alternate screen and the mouse and keypad modes, write(2) of a
// one-line notice, then the handler that was there before (the Swift runtime's backtracer,
// or the default action) gets the signal, so the process still dies of it, non-zero.
//
// A signal handler can reach nothing but static storage; this file holds the one copy.

// Saves the terminal modes of `tty`; call before curses changes them.
void promdeck_restore_save_modes(int tty);

// Keeps the bytes to write to `output` (the terminal) on a crash and the notice for
// `notice_fd` (a "%s" in it becomes the signal's name), and installs the handlers. With a
// `report_fd` (else -1), stdout and stderr are pointed at it and stdin at /dev/null before
// the previous handler runs: the Swift runtime's backtracer then writes its report there
// instead of drawing it on the terminal and waiting for a key. Returns 0, or -1 with errno.
int promdeck_restore_install(int output, const char *sequence, int notice_fd, const char *notice, int report_fd);

// Gives the calling thread an alternate signal stack if it has none, so that a stack overflow
// on it still reaches the handler (sigaltstack is per thread; install sets up only the
// caller's). Cheap after the first call on a thread; the stack is freed when the thread
// exits. Returns 0, or -1 with errno.
int promdeck_restore_guard_thread(void);

// Puts the previous handlers back (the viewer gave the terminal back itself).
void promdeck_restore_uninstall(void);

// Runs the restore as the handler would (without a signal), for tests of the bytes written.
void promdeck_restore_run_for_test(int signal);

#endif
