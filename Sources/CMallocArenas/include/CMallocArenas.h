// Nothing to call: linking the target installs its load-time constructor (malloc_arenas.c).
