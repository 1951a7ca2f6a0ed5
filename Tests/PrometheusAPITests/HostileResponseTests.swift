import Foundation
import PromModel
import Testing
@testable import PrometheusAPI

/// Answers a hostile or broken server can send: a decoding error, never a trap.
@Suite struct HostileResponseTests {
    private func decode(_ json: String) throws -> DecodedEnvelope<QueryResult> {
        let bytes = Array(json.utf8)
        return try bytes.withUnsafeBytes { try QueryDecoder.decode($0, samplesPerSeries: 0) }
    }

    /// Twenty integer digits overflowed Int64 while the digits were read.
    @Test(arguments: ["99999999999999999999", "-99999999999999999999", "99999999999999999999.5", "1e300", "123456789012345678901234567890"])
    func hugeTimestampsAreDecodingErrors(_ time: String) {
        for body in [
            #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[\#(time),"1"]}]}}"#,
            #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1"],[\#(time),"2"]]}]}}"#,
            #"{"status":"success","data":{"resultType":"scalar","result":[\#(time),"1"]}}"#,
        ] {
            #expect(throws: JSONScanner.Failure.self, "\(body)") { try decode(body) }
        }
    }

    @Test func fifteenDigitTimestampsStillDecode() throws {
        guard case .success(.vector(let elements), _) = try decode(
            #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[999999999999999.5,"1"]}]}}"#) else {
            Issue.record("not a vector")
            return
        }
        #expect(elements.first?.sample.timestamp == 999_999_999_999_999_500)
    }
}
