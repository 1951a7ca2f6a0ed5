/// A native histogram in Prometheus's API JSON (util/jsonutil/marshal.go, MarshalHistogram,
/// v3.14.0): `{"count":"…","sum":"…","buckets":[[rule,"lower","upper","count"],…]}`, the
/// numbers as MarshalFloat spells them, `buckets` left out when no bucket is non-empty.
extension NativeHistogram: Encodable {
    /// The object exactly as Prometheus writes it, key order included.
    public var prometheusJSON: String {
        var out = "{\"count\":\"\(GoFloatFormat.json(count))\",\"sum\":\"\(GoFloatFormat.json(sum))\""
        let written = nonEmptyBuckets
        if !written.isEmpty {
            out += ",\"buckets\":[" + written.map { bucket in
                "[\(bucket.boundaryRule.rawValue),\"\(GoFloatFormat.json(bucket.lower))\",\"\(GoFloatFormat.json(bucket.upper))\",\"\(GoFloatFormat.json(bucket.count))\"]"
            }.joined(separator: ",") + "]"
        }
        return out + "}"
    }

    /// Prometheus skips empty buckets ("No need to expose empty buckets in JSON").
    var nonEmptyBuckets: [Bucket] { buckets.filter { $0.count != 0 } }

    private enum CodingKeys: String, CodingKey { case count, sum, buckets }

    /// The same shape through an Encoder (snapshot --format json).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(GoFloatFormat.json(count), forKey: .count)
        try container.encode(GoFloatFormat.json(sum), forKey: .sum)
        let written = nonEmptyBuckets
        guard !written.isEmpty else { return }
        var list = container.nestedUnkeyedContainer(forKey: .buckets)
        for bucket in written {
            var element = list.nestedUnkeyedContainer()
            try element.encode(bucket.boundaryRule.rawValue)
            try element.encode(GoFloatFormat.json(bucket.lower))
            try element.encode(GoFloatFormat.json(bucket.upper))
            try element.encode(GoFloatFormat.json(bucket.count))
        }
    }
}
