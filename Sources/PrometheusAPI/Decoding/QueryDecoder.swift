import PromModel

/// What a query endpoint's body said: a result, or Prometheus's error envelope.
enum DecodedEnvelope<Value> {
    case success(Value, warnings: [String])
    case failure(errorType: String, error: String)
}

/// Decodes `/api/v1/query` and `/api/v1/query_range` bodies with `JSONScanner`.
///
/// Keys may come in any order (VictoriaMetrics adds `isPartial` and `stats`; `resultType`
/// could follow `result`), unknown keys are skipped. Native histograms (`histogram` in a
/// vector element, `histograms` in a matrix series) decode into the series' histogram points.
enum QueryDecoder {
    /// - Parameter samplesPerSeries: expected points per matrix series, to size arrays once.
    static func decode(_ bytes: UnsafeRawBufferPointer, samplesPerSeries: Int = 0) throws(JSONScanner.Failure) -> DecodedEnvelope<QueryResult> {
        try withCNumericLocale { () throws(JSONScanner.Failure) in try decodeEnvelope(bytes, samplesPerSeries: samplesPerSeries) }
    }

    private static func decodeEnvelope(_ bytes: UnsafeRawBufferPointer, samplesPerSeries: Int) throws(JSONScanner.Failure) -> DecodedEnvelope<QueryResult> {
        var scanner = JSONScanner(bytes)
        var status: String?
        var errorType = ""
        var errorMessage = ""
        var warnings: [String] = []
        var data: PendingResult?
        var first = true
        try scanner.beginObject()
        while let key = try scanner.nextKey(&first) {
            if scanner.key(key, is: "status") {
                status = try scanner.string()
            } else if scanner.key(key, is: "data") {
                if try !scanner.skipNull() { data = try decodeData(&scanner, samplesPerSeries: samplesPerSeries) }
            } else if scanner.key(key, is: "errorType") {
                errorType = try scanner.string()
            } else if scanner.key(key, is: "error") {
                errorMessage = try scanner.string()
            } else if scanner.key(key, is: "warnings") {
                // Thanos' and Mimir's partial responses arrive here too.
                if try !scanner.skipNull() { warnings += try stringArray(&scanner) }
            } else if scanner.key(key, is: "infos") {
                // Prometheus 3's annotations of level info (web/api/v1/api.go Response.Infos).
                if try !scanner.skipNull() { warnings += try stringArray(&scanner).map { "info: \($0)" } }
            } else {
                try scanner.skipValue()
            }
        }
        try scanner.expectEnd()
        switch status {
        case "success":
            guard let data else { throw JSONScanner.Failure(message: "success response without data", offset: 0, truncated: false) }
            return .success(try data.result(scanner), warnings: warnings)
        case "error":
            return .failure(errorType: errorType, error: errorMessage)
        default:
            throw JSONScanner.Failure(message: "response has no \"status\" of success or error", offset: 0, truncated: false)
        }
    }

    static func stringArray(_ scanner: inout JSONScanner) throws(JSONScanner.Failure) -> [String] {
        var strings: [String] = []
        var first = true
        try scanner.beginArray()
        while try scanner.nextElement(&first) { strings.append(try scanner.string()) }
        return strings
    }

    /// `result` decoded before knowing `resultType` for sure.
    private struct PendingResult {
        var resultType: String?
        var series: [Series] = []
        var sawSingleValue = false
        var pair: (Timestamp, Range<Int>)?

        func result(_ scanner: JSONScanner) throws(JSONScanner.Failure) -> QueryResult {
            switch resultType {
            case "matrix":
                return .matrix(series)
            case "vector":
                return .vector(series.compactMap { element in
                    if let sample = element.samples.first { return InstantSample(labels: element.labels, sample: sample) }
                    return element.histograms.first.map { InstantSample(labels: element.labels, histogram: $0) }
                })
            case "scalar":
                guard let (time, text) = pair else { throw Self.missing("scalar") }
                return .scalar(Sample(time, try scanner.sampleValue(text)))
            case "string":
                guard let (time, text) = pair else { throw Self.missing("string") }
                return .string(try scanner.decodeString(text), timestamp: time)
            case let other:
                throw JSONScanner.Failure(message: "unknown resultType \(other.map { "\"\($0)\"" } ?? "(missing)")", offset: 0, truncated: false)
            }
        }

        private static func missing(_ type: String) -> JSONScanner.Failure {
            JSONScanner.Failure(message: "\(type) result without a [time, value] pair", offset: 0, truncated: false)
        }
    }

    private static func decodeData(_ scanner: inout JSONScanner, samplesPerSeries: Int) throws(JSONScanner.Failure) -> PendingResult {
        var pending = PendingResult()
        var first = true
        try scanner.beginObject()
        while let key = try scanner.nextKey(&first) {
            if scanner.key(key, is: "resultType") {
                pending.resultType = try scanner.string()
            } else if scanner.key(key, is: "result") {
                try decodeResult(&scanner, into: &pending, samplesPerSeries: samplesPerSeries)
            } else {
                try scanner.skipValue()
            }
        }
        return pending
    }

    private static func decodeResult(_ scanner: inout JSONScanner, into pending: inout PendingResult, samplesPerSeries: Int) throws(JSONScanner.Failure) {
        if try scanner.skipNull() { return }
        try scanner.beginArray()
        // A scalar or string result is a bare [time, value] pair; vectors and matrices are arrays of objects.
        let next = try scanner.peek()
        if next != UInt8(ascii: "]") && next != UInt8(ascii: "{") {
            let time = try scanner.timestampMilliseconds(scanner.rawNumber())
            try scanner.expect(UInt8(ascii: ","))
            let text = try scanner.rawString()
            try scanner.expect(UInt8(ascii: "]"))
            pending.pair = (time, text)
            return
        }
        var first = true
        while try scanner.nextElement(&first) {
            pending.series.append(try decodeSeries(&scanner, samplesPerSeries: samplesPerSeries))
        }
    }

    private static func decodeSeries(_ scanner: inout JSONScanner, samplesPerSeries: Int) throws(JSONScanner.Failure) -> Series {
        var labels = Labels()
        var samples: [Sample] = []
        var histograms: [HistogramSample] = []
        var first = true
        try scanner.beginObject()
        while let key = try scanner.nextKey(&first) {
            if scanner.key(key, is: "metric") {
                labels = try decodeLabels(&scanner)
            } else if scanner.key(key, is: "values") {
                if try scanner.skipNull() { continue }
                samples.reserveCapacity(samplesPerSeries)
                var firstSample = true
                try scanner.beginArray()
                while try scanner.nextElement(&firstSample) { samples.append(try scanner.samplePair()) }
            } else if scanner.key(key, is: "value") {
                samples = [try scanner.samplePair()]
            } else if scanner.key(key, is: "histograms") {
                if try scanner.skipNull() { continue }
                var firstSample = true
                try scanner.beginArray()
                while try scanner.nextElement(&firstSample) { histograms.append(try scanner.histogramPair()) }
            } else if scanner.key(key, is: "histogram") {
                histograms = [try scanner.histogramPair()]
            } else {
                try scanner.skipValue()
            }
        }
        return Series(
            labels: labels,
            samples: TimeOrder.normalised(samples) { $0.timestamp },
            histograms: TimeOrder.normalised(histograms) { $0.timestamp }
        )
    }

    static func decodeLabels(_ scanner: inout JSONScanner) throws(JSONScanner.Failure) -> Labels {
        var pairs: [Label] = []
        var first = true
        try scanner.beginObject()
        while let key = try scanner.nextKey(&first) {
            pairs.append(Label(try scanner.decodeString(key), try scanner.string()))
        }
        return Labels(pairs)
    }
}
