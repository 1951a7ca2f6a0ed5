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
#include <string.h>

// Function-like macros and C globals do not import into Swift 6 cleanly (macros not at all,
// globals as shared mutable state), so the few the terminal backend needs are wrapped here.
static inline WINDOW *promdeck_stdscr(void) { return stdscr; }
static inline WINDOW *promdeck_curscr(void) { return curscr; }
static inline int promdeck_colors(void) { return COLORS; }
static inline int promdeck_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t promdeck_attr_bold(void) { return A_BOLD; }
static inline attr_t promdeck_attr_dim(void) { return A_DIM; }
static inline attr_t promdeck_attr_reverse(void) { return A_REVERSE; }
static inline attr_t promdeck_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t promdeck_attr_italic(void) { return A_ITALIC; }
static inline mmask_t promdeck_mouse_mask(void) {
    return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int promdeck_mouse_is_click(mmask_t state) { return (state & (BUTTON1_CLICKED | BUTTON1_PRESSED)) != 0; }
static inline int promdeck_mouse_is_wheel_up(mmask_t state) { return (state & BUTTON4_PRESSED) != 0; }
static inline int promdeck_mouse_is_wheel_down(mmask_t state) { return (state & BUTTON5_PRESSED) != 0; }
// True when terminfo's kmous is the legacy X10 report (tmux-256color, screen): ncurses then
// turns on mode 1000 only, so the viewer asks for SGR reports (1006) and decodes them itself.
static inline int promdeck_mouse_is_x10(void) {
    const char *kmous = tigetstr((NCURSES_CONST char *)"kmous");
    return kmous != NULL && kmous != (char *)-1 && strcmp(kmous, "\033[M") == 0;
}
static inline int promdeck_putp(const char *text) { return putp(text); }
// A terminfo string capability, or NULL when the terminal has none.
static inline const char *promdeck_tigetstr(const char *name) {
    const char *value = tigetstr((NCURSES_CONST char *)name);
    return value == (char *)-1 ? NULL : value;
}

#endif
