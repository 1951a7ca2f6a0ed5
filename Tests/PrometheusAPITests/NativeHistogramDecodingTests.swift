import Foundation
import PromModel
import Testing
import TestSupport
@testable import PrometheusAPI

/// Native histograms in query bodies (Prometheus's JSON: `util/jsonutil/marshal.go`,
/// `web/api/v1/json_codec.go`), from recorded responses in Tests/Fixtures/NativeHistograms
/// (its README says where each came from) and hand-written edge cases.
@Suite struct NativeHistogramDecodingTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let path = repositoryRoot() + "/Tests/Fixtures/NativeHistograms/" + name
        guard let data = FileManager.default.contents(atPath: path) else { throw TestSupportError("no fixture \(path)") }
        return Array(data)
    }

    func decode(_ bytes: [UInt8]) throws -> QueryResult {
        let decoded = try bytes.withUnsafeBytes { buffer throws(JSONScanner.Failure) in try QueryDecoder.decode(buffer) }
        guard case .success(let result, _) = decoded else { throw TestSupportError("not a success: \(decoded)") }
        return result
    }

    func failure(_ json: String) -> JSONScanner.Failure? {
        let bytes = Array(json.utf8)
        do {
            _ = try bytes.withUnsafeBytes { buffer throws(JSONScanner.Failure) in try QueryDecoder.decode(buffer) }
            return nil
        } catch {
            return error as? JSONScanner.Failure
        }
    }

    @Test func prometheus314CodecTestMatrix() throws {
        let result = try decode(Self.fixture("prometheus-v3.14.0-json-codec-matrix.json"))
        guard case .matrix(let series) = result, let only = series.first else { Issue.record("not a matrix: \(result)"); return }
        #expect(series.count == 1)
        #expect(only.labels == Labels(["__name__": "foo"]))
        #expect(only.samples.isEmpty)
        #expect(only.histograms.map(\.timestamp) == [1000])
        let histogram = try #require(only.histograms.first?.histogram)
        #expect(histogram.count == 10 && histogram.sum == 20)
        #expect(histogram.buckets == [
            .init(.lowerInclusive, lower: -1.6817928305074288, upper: -1.414213562373095, count: 1),
            .init(.lowerInclusive, lower: -1.414213562373095, upper: -1.189207115002721, count: 2),
            .init(.inclusive, lower: -0.001, upper: 0.001, count: 12),
            .init(.upperInclusive, lower: 1.414213562373095, upper: 1.6817928305074288, count: 1),
            .init(.upperInclusive, lower: 1.6817928305074288, upper: 2, count: 2),
            .init(.upperInclusive, lower: 2.378414230005442, upper: 2.82842712474619, count: 2),
            .init(.upperInclusive, lower: 2.82842712474619, upper: 3.3635856610148576, count: 1),
            .init(.upperInclusive, lower: 3.3635856610148576, upper: 4, count: 1),
        ])
    }

    @Test func vectorHistogramElementHasNoFloat() throws {
        let result = try decode(Array(#"""
            {"status":"success","data":{"resultType":"vector","result":[
              {"metric":{"job":"a"},"histogram":[1700000000.5,{"buckets":[[0,"1","2","3.5"]],"sum":"NaN","count":"3.5","future":{"x":[1]}}]},
              {"metric":{"job":"b"},"value":[1700000000.5,"7"]},
              {"metric":{"job":"c"},"histogram":[1700000000.5,{"count":"0","sum":"0"}]}
            ]}}
            """#.utf8))
        guard case .vector(let elements) = result else { Issue.record("not a vector: \(result)"); return }
        #expect(elements.count == 3)
        #expect(elements[0].sample.timestamp == 1_700_000_000_500 && elements[0].sample.value.isNaN)
        let first = try #require(elements[0].histogram)
        #expect(first.count == 3.5 && first.sum.isNaN)
        #expect(first.buckets == [.init(.upperInclusive, lower: 1, upper: 2, count: 3.5)])
        #expect(elements[1].histogram == nil && elements[1].sample.value == 7)
        #expect(elements[2].histogram == NativeHistogram(count: 0, sum: 0))
        // As series: histogram points only for histogram elements, floats only for floats.
        let series = result.series
        #expect(series.map(\.samples.count) == [0, 1, 0])
        #expect(series.map(\.histograms.count) == [1, 0, 1])
    }

    @Test func matrixSeriesMayHoldFloatsAndHistograms() throws {
        let result = try decode(Array(#"""
            {"status":"success","data":{"resultType":"matrix","result":[{"metric":{},
              "values":[[1,"1"],[3,"3"]],
              "histograms":[[2,{"count":"1","sum":"0.5","buckets":[[3,"-0.001","0.001","1"]]}],[4,{"count":"2","sum":"1","buckets":[[1,"-2","-1","2"]]}]]}]}}
            """#.utf8))
        guard case .matrix(let series) = result, let only = series.first else { Issue.record("not a matrix"); return }
        #expect(only.samples.map(\.timestamp) == [1000, 3000])
        #expect(only.histograms.map(\.timestamp) == [2000, 4000])
        #expect(only.histograms.map(\.histogram.buckets.first?.boundaryRule) == [.inclusive, .lowerInclusive])
    }

    @Test(arguments: [
        (#"[0,{"count":"1","sum":"1","buckets":[[4,"1","2","1"]]}]"#, "boundary rule 4"),
        (#"[0,{"count":"1","sum":"1","buckets":[[-1,"1","2","1"]]}]"#, "boundary rule -1"),
        (#"[0,{"count":"1","sum":"1","buckets":[[01,"1","2","1"]]}]"#, "boundary rule 01"),
        (#"[0,{"count":"1","sum":"1","buckets":[["0","1","2","1"]]}]"#, "a number"),
        (#"[0,{"count":"1","sum":"1","buckets":[[0,"1","2"]]}]"#, "','"),
        (#"[0,{"count":"1","sum":"1","buckets":[[0,"1","2","1","5"]]}]"#, "']'"),
        (#"[0,{"count":"1","sum":"1","buckets":[[0,"x","2","1"]]}]"#, "invalid number \"x\""),
        (#"[0,{"count":1,"sum":"1"}]"#, "'\"'"),
        (#"[0,"1"]"#, "'{'"),
        (#"{"count":"1","sum":"1"}"#, "'['"),
    ])
    func hostileHistogramsAreErrors(histogram: String, message: String) {
        let json = #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"histogram":"# + histogram + "}]}}"
        let error = failure(json)
        #expect(error?.message.contains(message) == true, "\(histogram): \(String(describing: error))")
        #expect(error?.truncated == false)
    }

    @Test func missingCountIsTheBucketsTotalAndMissingSumNaN() throws {
        let result = try decode(Array(#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"histogram":[1,{"buckets":[[0,"1","2","3"],[0,"2","4","1.5"]]}]}]}}"#.utf8))
        guard case .vector(let elements) = result, let histogram = elements.first?.histogram else { Issue.record("no histogram"); return }
        #expect(histogram.count == 4.5 && histogram.sum.isNaN && histogram.buckets.count == 2)
    }

    @Test func truncatedHistogramIsTruncated() throws {
        let json = Array(#"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"histograms":[[1,{"count":"1","sum":"1","buckets":[[0,"1","2","1"]]}]]}]}}"#.utf8)
        for cut in stride(from: 60, to: json.count - 1, by: 7) {
            let error = failure(String(decoding: json[0..<cut], as: UTF8.self))
            #expect(error?.truncated == true, "cut at \(cut): \(String(describing: error))")
        }
    }
}
