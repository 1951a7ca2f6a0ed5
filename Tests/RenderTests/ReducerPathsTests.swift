import Testing
import PromModel
@testable import Render

/// The samples overload and the optional-values overload share one implementation; both must
/// give the same answer for every id, with NaN and nil as null.
@Suite struct ReducerPathsTests {
    @Test(arguments: Reducer.ids + ["avg", "total", "unknown"])
    func samplesAndValuesAgree(id: String) {
        let raw: [Double] = [.nan, 3, 1, .nan, 4, 1, 5, 0, 2, .nan]
        let samples = raw.enumerated().map { Sample(Timestamp($0.offset * 15), $0.element) }
        let values: [Double?] = raw.map { $0.isNaN ? nil : $0 }
        let fromSamples = Reducer.reduce(samples, id: id)
        let fromValues = Reducer.reduce(values, id: id, timestamps: samples.map(\.timestamp))
        #expect(fromSamples == fromValues)
        #expect(Reducer.reduce([Sample](), id: id) == Reducer.reduce([Double?](), id: id))
    }

    @Test func streamingReducersGiveTheExpectedNumbers() {
        let samples = [Sample(0, .nan), Sample(15, 2), Sample(30, 6), Sample(45, .nan)]
        #expect(Reducer.reduce(samples, id: "mean") == 4)
        #expect(Reducer.reduce(samples, id: "max") == 6)
        #expect(Reducer.reduce(samples, id: "min") == 2)
        #expect(Reducer.reduce(samples, id: "last") == nil)
        #expect(Reducer.reduce(samples, id: "lastNotNull") == 6)
        #expect(Reducer.reduce(samples, id: "step") == 15)
    }
}
