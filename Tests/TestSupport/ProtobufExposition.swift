/// Prometheus's protobuf exposition (`prompb/io/prometheus/client/metrics.proto`), encoded
/// by hand for the one thing the text format cannot carry: a native histogram, so a real
/// Prometheus started with `--enable-feature=native-histograms` scrapes and stores one.
public enum ProtobufExposition {
    /// The scrape's Content-Type: length-delimited MetricFamily messages.
    public static let contentType = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited"

    /// A native histogram of exponential buckets: `schema` sets the growth factor
    /// 2^(2^-schema); `positive` holds consecutive bucket counts from bucket index
    /// `firstIndex` (bucket i covers (base^(i-1), base^i]).
    public struct Histogram: Sendable {
        public var name: String
        public var help: String
        public var labels: [(String, String)]
        public var schema: Int32
        public var zeroThreshold: Double
        public var zeroCount: UInt64
        public var firstIndex: Int32
        public var positive: [UInt64]
        public var sum: Double

        public init(name: String, help: String = "", labels: [(String, String)] = [], schema: Int32, zeroThreshold: Double, zeroCount: UInt64,
                    firstIndex: Int32, positive: [UInt64], sum: Double) {
            self.name = name
            self.help = help
            self.labels = labels
            self.schema = schema
            self.zeroThreshold = zeroThreshold
            self.zeroCount = zeroCount
            self.firstIndex = firstIndex
            self.positive = positive
            self.sum = sum
        }

        public var count: UInt64 { zeroCount + positive.reduce(0, +) }
    }

    /// One MetricFamily (type HISTOGRAM, one metric), length-prefixed.
    public static func delimited(_ histogram: Histogram) -> [UInt8] {
        var body: [UInt8] = []
        body.field(1, string: histogram.name)
        if !histogram.help.isEmpty { body.field(2, string: histogram.help) }
        body.field(3, varint: 4) // MetricType HISTOGRAM
        var metric: [UInt8] = []
        for (name, value) in histogram.labels {
            var pair: [UInt8] = []
            pair.field(1, string: name)
            pair.field(2, string: value)
            metric.field(1, bytes: pair)
        }
        var message: [UInt8] = []
        message.field(1, varint: histogram.count) // sample_count
        message.field(2, double: histogram.sum) // sample_sum
        message.field(5, varint: zigzag(Int64(histogram.schema))) // schema, sint32
        message.field(6, double: histogram.zeroThreshold)
        message.field(7, varint: histogram.zeroCount)
        var span: [UInt8] = []
        span.field(1, varint: zigzag(Int64(histogram.firstIndex))) // offset, sint32
        span.field(2, varint: UInt64(histogram.positive.count)) // length
        message.field(12, bytes: span) // positive_span
        // positive_delta: each bucket's count as a delta to the previous one, packed sint64.
        var deltas: [UInt8] = []
        var previous: Int64 = 0
        for count in histogram.positive {
            deltas.varint(zigzag(Int64(count) - previous))
            previous = Int64(count)
        }
        message.field(13, bytes: deltas)
        metric.field(7, bytes: message) // Metric.histogram
        body.field(4, bytes: metric)
        var out: [UInt8] = []
        out.varint(UInt64(body.count))
        return out + body
    }

    static func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }
}

extension [UInt8] {
    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        append(UInt8(rest))
    }

    mutating func field(_ number: UInt64, varint value: UInt64) {
        varint(number << 3)
        varint(value)
    }

    mutating func field(_ number: UInt64, double value: Double) {
        varint(number << 3 | 1)
        var bits = value.bitPattern
        for _ in 0..<8 {
            append(UInt8(bits & 0xFF))
            bits >>= 8
        }
    }

    mutating func field(_ number: UInt64, bytes value: [UInt8]) {
        varint(number << 3 | 2)
        varint(UInt64(value.count))
        append(contentsOf: value)
    }

    mutating func field(_ number: UInt64, string value: String) { field(number, bytes: Array(value.utf8)) }
}
