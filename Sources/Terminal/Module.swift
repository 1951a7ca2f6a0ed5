// Module Terminal: see the issue that builds it.
enum TerminalModule {}
