#if os(Linux)
import CMalloc
#endif

/// glibc gives threads that allocate their own malloc arenas (up to eight per core), and each
/// keeps the memory freed into it; the viewer's few threads (the concurrency pool, SwiftNIO's
/// event loop) would hold about a megabyte of private memory that a day-long session never
/// uses again. Two arenas are plenty for a terminal viewer. Called before the viewer starts
/// its clients; glibc reads the limit whenever a thread first needs an arena.
enum MallocArenas {
    static func limitForTheViewer() {
        #if os(Linux)
        _ = mallopt(M_ARENA_MAX, 2)
        #endif
    }
}
