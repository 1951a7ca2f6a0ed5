// Module App: see the issue that builds it.
enum AppModule {}
