// Linking the target installs its load-time constructor (malloc_arenas.c), which bounds
// glibc's arenas; the viewer calls the function below when a refresh has settled.
#ifndef PROMDECK_MALLOC_ARENAS_H
#define PROMDECK_MALLOC_ARENAS_H

/// Returns the free pages of every malloc arena to the system (glibc's malloc_trim(0));
/// a no-op elsewhere.
void promdeck_release_free_memory(void);

#endif
