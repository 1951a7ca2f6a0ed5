// Module PrometheusAPI: see the issue that builds it.
enum PrometheusAPIModule {}
