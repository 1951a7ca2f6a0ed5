// Module PromQL: see the issue that builds it.
enum PromQLModule {}
