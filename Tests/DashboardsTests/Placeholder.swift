import Testing
@testable import Dashboards
