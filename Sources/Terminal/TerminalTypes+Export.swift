// Keys, sizes, events and the backend protocol are values in TerminalTypes (so the viewer's
// state machine links no ncurses); users of the real terminal get them with it.
@_exported import TerminalTypes
