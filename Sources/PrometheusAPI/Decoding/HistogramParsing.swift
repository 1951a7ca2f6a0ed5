import PromModel

extension JSONScanner {
    /// Consumes a `[timestamp, {"count": "…", "sum": "…", "buckets": [[rule, "lo", "hi", "n"], …]}]`
    /// pair, Prometheus's native-histogram point (`util/jsonutil/marshal.go`, MarshalHistogram;
    /// `web/api/v1/json_codec.go`). Keys may come in any order and unknown keys are skipped;
    /// a rule outside 0…3 is an error. Prometheus always writes count and sum; Grafana never
    /// reads them, so a server that leaves them out is taken as Grafana would draw it: a
    /// missing count is the buckets' total, a missing sum NaN.
    mutating func histogramPair() throws(Failure) -> HistogramSample {
        try beginArray()
        let time = try timestampMilliseconds(rawNumber())
        try expect(UInt8(ascii: ","))
        let histogram = try nativeHistogram()
        try expect(UInt8(ascii: "]"))
        return HistogramSample(time, histogram)
    }

    private mutating func nativeHistogram() throws(Failure) -> NativeHistogram {
        var count: Double?
        var sum: Double?
        var buckets: [NativeHistogram.Bucket] = []
        var first = true
        try beginObject()
        while let key = try nextKey(&first) {
            if self.key(key, is: "count") {
                count = try sampleValue(rawString())
            } else if self.key(key, is: "sum") {
                sum = try sampleValue(rawString())
            } else if self.key(key, is: "buckets") {
                if try skipNull() { continue }
                var firstBucket = true
                try beginArray()
                while try nextElement(&firstBucket) { buckets.append(try histogramBucket()) }
            } else {
                try skipValue()
            }
        }
        return NativeHistogram(count: count ?? buckets.reduce(0) { $0 + $1.count }, sum: sum ?? .nan, buckets: buckets)
    }

    private mutating func histogramBucket() throws(Failure) -> NativeHistogram.Bucket {
        try beginArray()
        let ruleRange = try rawNumber()
        // One digit, 0 to 3: anything else is not a boundary rule Prometheus writes.
        guard ruleRange.count == 1, let digit = JSONScanner.digit(bytes[ruleRange.lowerBound]),
              let rule = NativeHistogram.BoundaryRule(rawValue: digit) else {
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[ruleRange.prefix(20)]), as: UTF8.self)
            throw Failure(message: "invalid histogram bucket boundary rule \(text) (0 to 3)", offset: ruleRange.lowerBound, truncated: false)
        }
        try expect(UInt8(ascii: ","))
        let lower = try sampleValue(rawString())
        try expect(UInt8(ascii: ","))
        let upper = try sampleValue(rawString())
        try expect(UInt8(ascii: ","))
        let count = try sampleValue(rawString())
        try expect(UInt8(ascii: "]"))
        return NativeHistogram.Bucket(rule, lower: lower, upper: upper, count: count)
    }
}
