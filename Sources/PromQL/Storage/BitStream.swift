/// An append-only bit stream packed into 64-bit words, most significant bit first.
struct BitWriter: Sendable {
    private(set) var words: [UInt64] = []
    private(set) var bitCount = 0

    mutating func write(_ value: UInt64, bits: Int) {
        guard bits > 0 else { return }
        let value = bits == 64 ? value : value & ((1 << UInt64(bits)) - 1)
        let used = bitCount & 63
        if used == 0 { words.append(0) }
        let free = 64 - used
        if bits <= free {
            words[words.count - 1] |= value << UInt64(free - bits)
        } else {
            let spill = bits - free
            words[words.count - 1] |= value >> UInt64(spill)
            words.append(value << UInt64(64 - spill))
        }
        bitCount += bits
    }

    mutating func writeBit(_ bit: Bool) { write(bit ? 1 : 0, bits: 1) }

    /// Bytes held by the packed words (capacity not counted).
    var byteCount: Int { words.count * 8 }
}

/// Reads what a `BitWriter` wrote.
struct BitReader {
    private let words: [UInt64]
    private let limit: Int
    private var position = 0

    init(_ writer: BitWriter) {
        words = writer.words
        limit = writer.bitCount
    }

    var remaining: Int { limit - position }

    mutating func read(bits: Int) -> UInt64 {
        guard bits > 0 else { return 0 }
        let index = position >> 6
        let offset = position & 63
        let free = 64 - offset
        var result: UInt64
        if bits <= free {
            result = words[index] << UInt64(offset)
            result = bits == 64 ? result : result >> UInt64(64 - bits)
        } else {
            let spill = bits - free
            let high = (words[index] << UInt64(offset)) >> UInt64(offset)
            result = (high << UInt64(spill)) | (words[index + 1] >> UInt64(64 - spill))
        }
        position += bits
        return result
    }

    mutating func readBit() -> Bool { read(bits: 1) == 1 }
}
