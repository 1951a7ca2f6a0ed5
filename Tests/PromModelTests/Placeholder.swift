import Testing
@testable import PromModel
