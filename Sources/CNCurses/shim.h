#ifndef PROMDECK_CNCURSES_SHIM_H
#define PROMDECK_CNCURSES_SHIM_H

// SwiftPM ignores the -D flags pkg-config reports, so the wide-character API is switched on
// here, before curses.h is read.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

#endif
