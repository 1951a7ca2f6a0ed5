import PromModel

/// Gorilla-style compressed samples (Facebook's "Gorilla" paper, as Prometheus's XOR chunks):
/// timestamps as delta-of-delta in variable-width buckets, values as the XOR with the previous
/// value, storing only the meaningful bits. Regular 15 s scrapes of slowly changing values cost
/// one to two bytes per sample instead of sixteen, which is what lets `promdeck demo` keep a
/// day of history without growing. Bit patterns survive exactly, so staleness markers do too.
struct XORChunk: Sendable {
    private var stream = BitWriter()
    private(set) var count = 0
    private(set) var minTime: Timestamp = 0
    private(set) var maxTime: Timestamp = 0
    private var lastDelta: Int64 = 0
    private var lastValueBits: UInt64 = 0
    private var leading: Int = 0xff
    private var trailing: Int = 0

    var byteCount: Int { stream.byteCount }

    mutating func append(_ sample: Sample) {
        let bits = sample.value.bitPattern
        if count == 0 {
            stream.write(UInt64(bitPattern: sample.timestamp), bits: 64)
            stream.write(bits, bits: 64)
            minTime = sample.timestamp
        } else {
            // Wrapping, like the reader: hostile timestamps (Int64.min then .max) must round-trip, not trap.
            let delta = sample.timestamp &- maxTime
            writeDeltaOfDelta(delta &- lastDelta)
            lastDelta = delta
            writeValue(bits)
        }
        maxTime = sample.timestamp
        lastValueBits = bits
        count += 1
    }

    private mutating func writeDeltaOfDelta(_ dod: Int64) {
        switch dod {
        case 0:
            stream.writeBit(false)
        case -8192...8191:
            stream.write(0b10, bits: 2)
            stream.write(UInt64(bitPattern: dod), bits: 14)
        case -65536...65535:
            stream.write(0b110, bits: 3)
            stream.write(UInt64(bitPattern: dod), bits: 17)
        case -524_288...524_287:
            stream.write(0b1110, bits: 4)
            stream.write(UInt64(bitPattern: dod), bits: 20)
        default:
            stream.write(0b1111, bits: 4)
            stream.write(UInt64(bitPattern: dod), bits: 64)
        }
    }

    private mutating func writeValue(_ bits: UInt64) {
        let xor = bits ^ lastValueBits
        if xor == 0 {
            stream.writeBit(false)
            return
        }
        stream.writeBit(true)
        let newLeading = min(xor.leadingZeroBitCount, 31)
        let newTrailing = xor.trailingZeroBitCount
        if leading != 0xff && newLeading >= leading && newTrailing >= trailing {
            stream.writeBit(false)
            stream.write(xor >> UInt64(trailing), bits: 64 - leading - trailing)
        } else {
            leading = newLeading
            trailing = newTrailing
            let significant = 64 - leading - trailing
            stream.writeBit(true)
            stream.write(UInt64(leading), bits: 5)
            // 64 significant bits do not fit in 6 bits; 0 stands for 64 as in Prometheus.
            stream.write(UInt64(significant & 63), bits: 6)
            stream.write(xor >> UInt64(trailing), bits: significant)
        }
    }

    /// Decodes every sample, appending those within `range` to `output`.
    func decode(into output: inout [Sample], from start: Timestamp = .min, through end: Timestamp = .max) {
        guard count > 0 else { return }
        var reader = BitReader(stream)
        var time = Int64(bitPattern: reader.read(bits: 64))
        var valueBits = reader.read(bits: 64)
        var delta: Int64 = 0
        var leading = 0
        var trailing = 0
        if time >= start && time <= end { output.append(Sample(time, Double(bitPattern: valueBits))) }
        for _ in 1..<count {
            delta &+= Self.readDeltaOfDelta(&reader)
            time &+= delta
            if reader.readBit() {
                if reader.readBit() {
                    leading = Int(reader.read(bits: 5))
                    var significant = Int(reader.read(bits: 6))
                    if significant == 0 { significant = 64 }
                    trailing = 64 - leading - significant
                }
                let significant = 64 - leading - trailing
                valueBits ^= reader.read(bits: significant) << UInt64(trailing)
            }
            if time > end { break }
            if time >= start { output.append(Sample(time, Double(bitPattern: valueBits))) }
        }
    }

    private static func readDeltaOfDelta(_ reader: inout BitReader) -> Int64 {
        var width = 0
        if !reader.readBit() { return 0 }
        if !reader.readBit() { width = 14 }
        else if !reader.readBit() { width = 17 }
        else if !reader.readBit() { width = 20 }
        else { width = 64 }
        let raw = reader.read(bits: width)
        if width == 64 { return Int64(bitPattern: raw) }
        // Sign-extend the bucket's two's complement value.
        let shift = UInt64(64 - width)
        return Int64(bitPattern: raw << shift) >> Int64(shift)
    }

    var samples: [Sample] {
        var out: [Sample] = []
        out.reserveCapacity(count)
        decode(into: &out)
        return out
    }
}
