import Foundation
import PromModel
import Testing
@testable import PrometheusAPI

@Suite struct QueryDecoderTests {
    func decode(_ json: String, samplesPerSeries: Int = 0) throws -> DecodedEnvelope<QueryResult> {
        let bytes = Array(json.utf8)
        return try bytes.withUnsafeBytes { try QueryDecoder.decode($0, samplesPerSeries: samplesPerSeries) }
    }

    func result(_ json: String) throws -> (QueryResult, [String]) {
        guard case .success(let result, let warnings) = try decode(json) else {
            Issue.record("expected success")
            throw CancellationError()
        }
        return (result, warnings)
    }

    func failure(_ json: String) -> JSONScanner.Failure? {
        do {
            _ = try decode(json)
            return nil
        } catch {
            return error as? JSONScanner.Failure
        }
    }

    @Test func matrixWithExactMillisecondTimestampsAndSpecialValues() throws {
        let (result, warnings) = try result("""
            {"status":"success","data":{"resultType":"matrix","result":[
              {"metric":{"__name__":"up","job":"api","instance":"a:1"},
               "values":[[0.001,"1e-05"],[1435781451.781,"1"],[1435781466.781,"NaN"],[1435781481,"+Inf"],[1435781496.7,"-Inf"],[1435781511.78,"0.30000000000000004"]]}
            ]},"warnings":["partial data"]}
            """)
        #expect(warnings == ["partial data"])
        guard case .matrix(let series) = result else { Issue.record("not a matrix: \(result)"); return }
        #expect(series.count == 1)
        #expect(series[0].labels == Labels(["__name__": "up", "job": "api", "instance": "a:1"]))
        let samples = series[0].samples
        #expect(samples.map(\.timestamp) == [1, 1_435_781_451_781, 1_435_781_466_781, 1_435_781_481_000, 1_435_781_496_700, 1_435_781_511_780])
        #expect(samples[0].value == 1e-05)
        #expect(samples[1].value == 1)
        #expect(samples[2].value.isNaN)
        #expect(samples[3].value == .infinity)
        #expect(samples[4].value == -.infinity)
        #expect(samples[5].value == 0.30000000000000004)
    }

    @Test(arguments: [
        "0", "1", "-2.5", "123456789.123456789", "0.1", "1e+06", "2.2250738585072014e-308", "1.7976931348623157e+308",
        "4.9e-324", "9007199254740993", "0.06666666666666667", "-0", "1E3", "3.14159265358979323846",
    ])
    func valuesMatchSwiftsParser(text: String) throws {
        let (result, _) = try result(#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"\#(text)"]}]}}"#)
        guard case .vector(let elements) = result, let value = elements.first?.sample.value else { Issue.record("no vector"); return }
        let expected = try #require(Double(text))
        #expect(value.bitPattern == expected.bitPattern, "\(text): \(value) != \(expected)")
    }

    @Test func vectorScalarAndString() throws {
        let (vector, _) = try result(#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":"x\"y\\z\n\u00e9\ud83d\ude00"},"value":[10.5,"2"]},{"metric":{},"value":[10.5,"3"]}]}}"#)
        #expect(vector == .vector([
            InstantSample(labels: Labels(["a": "x\"y\\z\né😀"]), sample: Sample(10_500, 2)),
            InstantSample(labels: Labels(), sample: Sample(10_500, 3)),
        ]))
        let (scalar, _) = try result(#"{"status":"success","data":{"resultType":"scalar","result":[1700000000.5,"42"]}}"#)
        #expect(scalar == .scalar(Sample(1_700_000_000_500, 42)))
        let (string, _) = try result(#"{"status":"success","data":{"resultType":"string","result":[1700000000,"hi \"there\""]}}"#)
        #expect(string == .string("hi \"there\"", timestamp: 1_700_000_000_000))
    }

    @Test func keysInAnyOrderAndUnknownKeysSkipped() throws {
        // VictoriaMetrics-style extras, result before resultType, a native histogram.
        let (result, _) = try result("""
            {"isPartial":false,"data":{"result":[{"values":[[1,"1"]],"histograms":[[1,{"count":"2","buckets":[[0,"1","2","3"]]}]],"metric":{"x":"y"}}],
             "resultType":"matrix"},"stats":{"seriesFetched":"1","executionTimeMsec":0,"nested":[true,false,null,1.5e3]},"status":"success"}
            """)
        guard case .matrix(let series) = result else { Issue.record("not a matrix"); return }
        #expect(series.map(\.labels) == [Labels(["x": "y"])] && series.map(\.samples) == [[Sample(1000, 1)]])
        // The native histogram decodes beside the floats; its missing sum is NaN.
        #expect(series.first?.histograms.map(\.histogram.count) == [2])
        #expect(series.first?.histograms.first?.histogram.sum.isNaN == true)
    }

    @Test func errorEnvelope() throws {
        guard case .failure(let errorType, let error) = try decode(#"{"status":"error","errorType":"bad_data","error":"parse error at char 5: unexpected \"}\""}"#) else {
            Issue.record("expected failure"); return
        }
        #expect(errorType == "bad_data")
        #expect(error == #"parse error at char 5: unexpected "}""#)
    }

    @Test func truncatedAndMalformedBodies() {
        let full = #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"b"},"values":[[1,"1"],[2,"2"]]}]}}"#
        for cut in [1, 10, 40, 70, 90, full.utf8.count - 1] {
            let truncated = String(decoding: Array(full.utf8.prefix(cut)), as: UTF8.self)
            #expect(failure(truncated)?.truncated == true, "cut at \(cut)")
        }
        let malformed = [
            #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,2]]}]}}"#,
            #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"x"]]}]}}"#,
            #"{"status":"success" "data":{}}"#,
            #"{"status":"success","data":{"resultType":"matrix","result":[]}} trailing"#,
            #"<html><body>502 Bad Gateway</body></html>"#,
            #"{"status":"success","data":{"resultType":"tensor","result":[]}}"#,
            #"{"status":"success"}"#,
            #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"1"]},]}}"#,
        ]
        for body in malformed {
            let failure = failure(body)
            #expect(failure != nil && failure?.truncated == false, "\(body)")
        }
    }

    @Test func timestampFormattingAndEscaping() {
        #expect(FormEncoding.seconds(1_435_781_451_781) == "1435781451.781")
        #expect(FormEncoding.seconds(1_435_781_451_780) == "1435781451.78")
        #expect(FormEncoding.seconds(1_435_781_451_000) == "1435781451")
        #expect(FormEncoding.seconds(-1500) == "-1.5")
        #expect(FormEncoding.seconds(5) == "0.005")
        #expect(FormEncoding.escape("rate(x{a=~\"b|c\"}[5m]) é") == "rate%28x%7Ba%3D~%22b%7Cc%22%7D%5B5m%5D%29%20%C3%A9")
        // Every scalar class against Foundation's encoding with RFC 3986's unreserved set.
        var unreserved = CharacterSet(charactersIn: "-._~")
        unreserved.formUnion(CharacterSet(charactersIn: "a"..."z"))
        unreserved.formUnion(CharacterSet(charactersIn: "A"..."Z"))
        unreserved.formUnion(CharacterSet(charactersIn: "0"..."9"))
        let text = String(String.UnicodeScalarView((1...0x2FF).compactMap(Unicode.Scalar.init))) + "漢🙂\u{10FFFF}"
        #expect(FormEncoding.escape(text) == text.addingPercentEncoding(withAllowedCharacters: unreserved))
        #expect(FormEncoding.escape("") == "")
    }

    @Test func rfc3339Times() {
        #expect(RFC3339.milliseconds("1970-01-01T00:00:00Z") == 0)
        #expect(RFC3339.milliseconds("2018-07-04T20:27:12.60602144+02:00") == 1_530_728_832_606)
        #expect(RFC3339.milliseconds("2024-02-29T23:59:59.999Z") == 1_709_251_199_999)
        #expect(RFC3339.milliseconds("yesterday") == nil)
    }

    /// Timing only (debug build); the -O comparison with Python is Benchmarks/decode-benchmark.sh.
    @Test func decodesAFiveMegabyteMatrix() throws {
        var json = #"{"status":"success","data":{"resultType":"matrix","result":["#
        for series in 0..<200 {
            if series > 0 { json += "," }
            json += #"{"metric":{"__name__":"m","i":"\#(series)"},"values":["#
            json += (0..<720).map { #"[\#(1_700_000_000 + $0 * 15).\#(String(format: "%03d", series % 1000)),"\#(Double($0) / 7)"]"# }.joined(separator: ",")
            json += "]}"
        }
        json += "]}}"
        let start = ContinuousClock.now
        let (result, _) = try result(json)
        let elapsed = ContinuousClock.now - start
        guard case .matrix(let series) = result else { Issue.record("not a matrix"); return }
        #expect(series.count == 200)
        #expect(series.allSatisfy { $0.samples.count == 720 })
        #expect(series[7].samples[3] == Sample(1_700_000_045_007, 3.0 / 7))
        print("decoded \(json.utf8.count / 1_000_000) MB in \(elapsed) (debug build)")
    }
}

@Suite struct QueryDecoderTimeOrderTests {
    @Test func outOfOrderAndRepeatedMatrixPointsComeOutAscendingWithTheLastSentKept() throws {
        let json = """
            {"status":"success","data":{"resultType":"matrix","result":[
              {"metric":{"job":"merged"},"values":[[30,"3"],[10,"1"],[20,"2"],[10,"1.5"],[40,"4"],[20,"2.5"]]},
              {"metric":{"job":"inorder"},"values":[[1,"1"],[2,"2"]]}
            ]}}
            """
        let result = try #require(QueryResponseBody.result(Array(json.utf8)))
        guard case .matrix(let series) = result else { Issue.record("not a matrix: \(result)"); return }
        #expect(series[0].samples.map(\.timestamp) == [10_000, 20_000, 30_000, 40_000])
        #expect(series[0].samples.map(\.value) == [1.5, 2.5, 3, 4])
        #expect(series[1].samples.map(\.value) == [1, 2])
    }

    @Test func outOfOrderNativeHistogramPointsAreOrderedToo() throws {
        let histogram = #"{"count":"1","sum":"1","buckets":[[0,"0","1","1"]]}"#
        let json = """
            {"status":"success","data":{"resultType":"matrix","result":[
              {"metric":{},"histograms":[[20,\(histogram)],[10,\(histogram)],[20,\(histogram)]]}
            ]}}
            """
        let result = try #require(QueryResponseBody.result(Array(json.utf8)))
        guard case .matrix(let series) = result else { Issue.record("not a matrix: \(result)"); return }
        #expect(series[0].histograms.map(\.timestamp) == [10_000, 20_000])
    }
}
