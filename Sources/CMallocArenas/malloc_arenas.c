// glibc gives threads that allocate their own malloc arenas (up to eight per core), and
// memory freed into one arena is not reused by the others: on a many-core machine the viewer's
// threads (Swift's concurrency pool and SwiftNIO's event loops, one per core each) could keep
// tens of arenas of stale memory over a day-long session. Two arenas bound that. The limit
// must be set before threads other than the main one allocate, and Swift's async main starts
// its threads before any of our Swift code runs, hence a load-time constructor.
// (On the 2-core development machine `view` settles at 6.9-7.0 MB private memory either way.)
#if defined(__linux__)
#include <malloc.h>

__attribute__((constructor)) static void promdeck_limit_malloc_arenas(void) {
    mallopt(M_ARENA_MAX, 2);
}
#endif  // __linux__

// A refresh allocates and frees its answers, view models and frames; glibc keeps the freed
// pages resident in the arena that freed them (only the top of a heap is trimmed on its own),
// so a viewer's private memory would sit at the high-water mark of its busiest refresh.
// malloc_trim(0) gives every free page of every arena back (MADV_DONTNEED).
void promdeck_release_free_memory(void) {
#if defined(__linux__) && defined(__GLIBC__)
    malloc_trim(0);
#endif
}
