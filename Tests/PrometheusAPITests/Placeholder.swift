import Testing
@testable import PrometheusAPI
