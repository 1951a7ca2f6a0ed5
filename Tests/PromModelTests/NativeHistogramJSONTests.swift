import Foundation
import Testing
import PromModel

/// Native histograms written as Prometheus's API writes them (util/jsonutil/marshal.go at
/// v3.14.0: MarshalHistogram, MarshalFloat).
@Suite struct NativeHistogramJSONTests {
    @Test("MarshalFloat: 'f', but 'e' below 1e-6 and from 1e21", arguments: [
        (0.0, "0"), (-0.0, "-0"), (1.0, "1"), (0.001, "0.001"), (0.000001, "0.000001"), (1e-7, "1e-07"), (-1.5e-7, "-1.5e-07"),
        (1e20, "100000000000000000000"), (1e21, "1e+21"), (1.25e22, "1.25e+22"), (1e-128, "1e-128"), (0x1p-128, "2.938735877055719e-39"),
        (Double.nan, "NaN"), (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"), (5.756666666666667, "5.756666666666667"),
    ])
    func marshalFloat(_ value: Double, _ expected: String) {
        #expect(GoFloatFormat.json(value) == expected)
    }

    static let histogram = NativeHistogram(count: 42, sum: 34593.34, buckets: [
        .init(.inclusive, lower: -0.25, upper: 0.25, count: 3),
        .init(.upperInclusive, lower: 0.25, upper: 0.5, count: 12),
        .init(.upperInclusive, lower: 0.5, upper: 1, count: 0),
        .init(.lowerInclusive, lower: -4, upper: -2, count: 6),
        .init(.exclusive, lower: 2, upper: 4, count: 1e-7),
    ])

    @Test func writesMarshalHistogramsShapeWithoutEmptyBuckets() {
        // The doc comment's example in marshal.go, with an empty bucket (left out) and each rule.
        #expect(Self.histogram.prometheusJSON
            == #"{"count":"42","sum":"34593.34","buckets":[[3,"-0.25","0.25","3"],[0,"0.25","0.5","12"],[1,"-4","-2","6"],[2,"2","4","1e-07"]]}"#)
        #expect(NativeHistogram(count: 0, sum: .nan, buckets: [.init(.inclusive, lower: -1e-128, upper: 1e-128, count: 0)]).prometheusJSON
            == #"{"count":"0","sum":"NaN"}"#)
    }

    @Test func encoderGivesTheSameObject() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let encoded = try JSONSerialization.jsonObject(with: encoder.encode(Self.histogram)) as? NSDictionary
        let written = try JSONSerialization.jsonObject(with: Data(Self.histogram.prometheusJSON.utf8)) as? NSDictionary
        #expect(encoded != nil && encoded == written)
        #expect(String(decoding: try encoder.encode(NativeHistogram(count: 1, sum: 2)), as: UTF8.self) == #"{"count":"1","sum":"2"}"#)
    }
}
