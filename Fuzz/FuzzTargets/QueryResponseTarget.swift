import PrometheusAPI
import PromModel

/// A query endpoint's body as a server (or anything on the network) could send it.
enum QueryResponseTarget {
    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        guard let result = QueryResponseBody.result(bytes) else { return }
        // Whatever decodes must be usable by the panels: every series is reachable and a
        // matrix's samples are in time order, as the renderer and reducers assume.
        for series in result.series {
            _ = series.labels.description
            for (earlier, later) in zip(series.samples, series.samples.dropFirst()) where later.timestamp < earlier.timestamp {
                if case .matrix = result {
                    throw FuzzFailure("matrix samples out of order: \(earlier.timestamp) then \(later.timestamp)")
                }
            }
        }
    }
}
