#if os(Linux)
import CMalloc
#endif

/// glibc gives threads that allocate their own malloc arenas (up to eight per core), and memory
/// freed on one thread into another's arena tends to stay there: measured on `view` at a 2 s
/// refresh, private memory crept up by a tenth of a megabyte every few minutes with the
/// default, and settled about a megabyte lower with two arenas. Set first thing in `main`,
/// before any other thread exists, since glibc applies the limit when threads first allocate.
enum MallocArenas {
    static func limit() {
        #if os(Linux)
        _ = mallopt(M_ARENA_MAX, 2)
        #endif
    }
}
