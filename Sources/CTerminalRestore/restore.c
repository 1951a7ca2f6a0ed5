#define _GNU_SOURCE
#include "CTerminalRestore.h"

#include <errno.h>
#include <pthread.h>
#include <sys/mman.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static const int fatal_signals[] = { SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE };
#define FATAL_COUNT (sizeof(fatal_signals) / sizeof(fatal_signals[0]))

static struct {
    int installed;
    int tty;
    int output;
    struct termios modes;
    int have_modes;
    char sequence[512];
    size_t sequence_length;
    int notice_fd;
    int report_fd;
    int null_fd;
    char notice[1024];
    size_t notice_length;
    struct sigaction previous[FATAL_COUNT];
    volatile sig_atomic_t restoring;
} state = { .tty = -1, .output = -1, .notice_fd = -1, .report_fd = -1, .null_fd = -1 };

// A stack overflow cannot run the handler on the overflowed stack.
static char alternate_stack[64 * 1024];

// Other threads' alternate stacks: one mapping per thread, made on first use and unmapped by
// the key's destructor when the thread exits (pool threads come and go in an all-day session).
#define THREAD_STACK_SIZE (64 * 1024)
static pthread_once_t thread_stack_once = PTHREAD_ONCE_INIT;
static pthread_key_t thread_stack_key;
static __thread int thread_stack_checked;

static void release_thread_stack(void *memory) {
    stack_t off = { .ss_sp = NULL, .ss_size = 0, .ss_flags = SS_DISABLE };
    sigaltstack(&off, NULL);
    munmap(memory, THREAD_STACK_SIZE);
}

static void make_thread_stack_key(void) {
    pthread_key_create(&thread_stack_key, release_thread_stack);
}

static void write_all(int fd, const char *bytes, size_t length) {
    while (fd >= 0 && length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;
        bytes += written;
        length -= (size_t)written;
    }
}

static const char *signal_name(int signal) {
    switch (signal) {
    case SIGSEGV: return "SIGSEGV";
    case SIGILL: return "SIGILL";
    case SIGTRAP: return "SIGTRAP";
    case SIGABRT: return "SIGABRT";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    default: return "a fatal signal";
    }
}

static void restore(int signal) {
    int saved_errno = errno;
    if (state.have_modes) tcsetattr(state.tty, TCSANOW, &state.modes);
    write_all(state.output, state.sequence, state.sequence_length);
    // "promdeck: crashed (SIGSEGV); ..." — the notice's %s is the signal name.
    const char *mark = strstr(state.notice, "%s");
    if (mark != NULL) {
        write_all(state.notice_fd, state.notice, (size_t)(mark - state.notice));
        const char *name = signal_name(signal);
        write_all(state.notice_fd, name, strlen(name));
        write_all(state.notice_fd, mark + 2, strlen(mark + 2));
    } else {
        write_all(state.notice_fd, state.notice, state.notice_length);
    }
    if (state.report_fd >= 0) {
        dup2(state.report_fd, STDOUT_FILENO);
        dup2(state.report_fd, STDERR_FILENO);
        if (state.null_fd >= 0) dup2(state.null_fd, STDIN_FILENO);
    }
    errno = saved_errno;
}

static void handler(int signal, siginfo_t *info, void *context) {
    int index = -1;
    for (size_t i = 0; i < FATAL_COUNT; i++) if (fatal_signals[i] == signal) index = (int)i;
    if (!state.restoring) {
        state.restoring = 1;
        restore(signal);
    }
    if (index < 0) return;
    struct sigaction previous = state.previous[index];
    if (info != NULL && info->si_code > 0) {
        // A fault: returning runs the faulting instruction again, which now reaches the
        // previous handler (the backtracer resets the default action and does the same).
        sigaction(signal, &previous, NULL);
        return;
    }
    // Sent (kill, raise, abort): nothing faults again, so run the previous handler here,
    // then die of the signal with its default action.
    if (previous.sa_flags & SA_SIGINFO) {
        if (previous.sa_sigaction != NULL) previous.sa_sigaction(signal, info, context);
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(signal);
    }
    struct sigaction fallback;
    memset(&fallback, 0, sizeof(fallback));
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(signal, &fallback, NULL);
    raise(signal);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, signal);
    sigprocmask(SIG_UNBLOCK, &only, NULL);
    _exit(128 + signal);
}

int promdeck_restore_guard_thread(void) {
    if (thread_stack_checked) return 0;
    thread_stack_checked = 1;
    stack_t current;
    if (sigaltstack(NULL, &current) != 0) return -1;
    // The main thread's static stack, or one the Swift runtime set up: keep it.
    if (!(current.ss_flags & SS_DISABLE)) return 0;
    if (pthread_once(&thread_stack_once, make_thread_stack_key) != 0) return -1;
    void *memory = mmap(NULL, THREAD_STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) return -1;
    stack_t stack = { .ss_sp = memory, .ss_size = THREAD_STACK_SIZE, .ss_flags = 0 };
    if (sigaltstack(&stack, NULL) != 0 || pthread_setspecific(thread_stack_key, memory) != 0) {
        int saved = errno;
        stack_t off = { .ss_sp = NULL, .ss_size = 0, .ss_flags = SS_DISABLE };
        sigaltstack(&off, NULL);
        munmap(memory, THREAD_STACK_SIZE);
        errno = saved;
        return -1;
    }
    return 0;
}

void promdeck_restore_save_modes(int tty) {
    state.tty = tty;
    state.have_modes = tcgetattr(tty, &state.modes) == 0;
}

int promdeck_restore_install(int output, const char *sequence, int notice_fd, const char *notice, int report_fd) {
    if (state.installed) promdeck_restore_uninstall();
    state.output = output;
    state.report_fd = report_fd;
    if (report_fd >= 0 && state.null_fd < 0) state.null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    state.sequence_length = strlen(sequence);
    if (state.sequence_length >= sizeof(state.sequence)) state.sequence_length = sizeof(state.sequence) - 1;
    memcpy(state.sequence, sequence, state.sequence_length);
    state.sequence[state.sequence_length] = 0;
    state.notice_fd = notice_fd;
    state.notice_length = strlen(notice);
    if (state.notice_length >= sizeof(state.notice)) state.notice_length = sizeof(state.notice) - 1;
    memcpy(state.notice, notice, state.notice_length);
    state.notice[state.notice_length] = 0;
    state.restoring = 0;

    stack_t stack = { .ss_sp = alternate_stack, .ss_size = sizeof(alternate_stack), .ss_flags = 0 };
    stack_t current;
    // Keep an alternate stack someone (the Swift runtime) already set up.
    if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE)) sigaltstack(&stack, NULL);

    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_sigaction = handler;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < FATAL_COUNT; i++) {
        if (sigaction(fatal_signals[i], &action, &state.previous[i]) != 0) {
            int saved = errno;
            for (size_t j = 0; j < i; j++) sigaction(fatal_signals[j], &state.previous[j], NULL);
            errno = saved;
            return -1;
        }
    }
    state.installed = 1;
    return 0;
}

void promdeck_restore_uninstall(void) {
    if (!state.installed) return;
    for (size_t i = 0; i < FATAL_COUNT; i++) sigaction(fatal_signals[i], &state.previous[i], NULL);
    state.installed = 0;
    state.report_fd = -1;
}

void promdeck_restore_run_for_test(int signal) {
    restore(signal);
}
