import PromModel

/// A query endpoint's body decoded outside the client, with the client's decoder: for the
/// benchmarks, which measure the decoding alone.
public enum QueryResponseBody {
    /// The result, or nil when the body is not a successful query response.
    public static func result(_ bytes: [UInt8], samplesPerSeries: Int = 0) -> QueryResult? {
        let decoded = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONScanner.Failure) in try QueryDecoder.decode(buffer, samplesPerSeries: samplesPerSeries) }
        }
        guard case .success(.success(let result, _)) = decoded else { return nil }
        return result
    }
}
