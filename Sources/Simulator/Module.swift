// Module Simulator: see the issue that builds it.
enum SimulatorModule {}
