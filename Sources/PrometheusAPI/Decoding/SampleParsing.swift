#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PromModel

extension JSONScanner {
    /// Consumes a `[timestamp, "value"]` pair.
    @inline(__always)
    mutating func samplePair() throws(Failure) -> Sample {
        try beginArray()
        let time = try timestampMilliseconds(rawNumber())
        try expect(UInt8(ascii: ","))
        let value = try sampleValue(rawString())
        try expect(UInt8(ascii: "]"))
        return Sample(time, value)
    }

    /// Consumes a `[timestamp, "text"]` pair and returns the text undecoded.
    mutating func rawPair() throws(Failure) -> (Timestamp, Range<Int>) {
        try beginArray()
        let time = try timestampMilliseconds(rawNumber())
        try expect(UInt8(ascii: ","))
        let text = try rawString()
        try expect(UInt8(ascii: "]"))
        return (time, text)
    }

    /// Seconds with a decimal fraction (`1435781451.781`) as milliseconds, from the digits, so
    /// no binary rounding creeps in. Digits past the millisecond are truncated, as Prometheus does.
    func timestampMilliseconds(_ range: Range<Int>) throws(Failure) -> Timestamp {
        var position = range.lowerBound
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        var seconds: Int64 = 0
        var integerDigits = 0
        while position < range.upperBound, let digit = JSONScanner.digit(bytes[position]) {
            // Past 15 digits the general parser below takes over; accumulating more would overflow.
            if integerDigits < 16 { seconds = seconds * 10 + Int64(digit) }
            integerDigits += 1
            position += 1
        }
        var millis: Int64 = 0
        if position < range.upperBound, bytes[position] == UInt8(ascii: ".") {
            position += 1
            var scale: Int64 = 100
            var fractionDigits = 0
            while position < range.upperBound, let digit = JSONScanner.digit(bytes[position]) {
                millis += Int64(digit) * scale
                scale /= 10
                fractionDigits += 1
                position += 1
            }
            guard fractionDigits > 0 else { throw badNumber(range) }
        }
        guard integerDigits > 0, integerDigits <= 15 else {
            // An exponent or a huge value: rare enough for the general parser.
            guard let value = parseDouble(range), value.isFinite, abs(value) < 1e15 else { throw badNumber(range) }
            return Timestamp((value * 1000).rounded(.towardZero))
        }
        guard position == range.upperBound else {
            guard let value = parseDouble(range), value.isFinite, abs(value) < 1e15 else { throw badNumber(range) }
            return Timestamp((value * 1000).rounded(.towardZero))
        }
        let total = seconds * 1000 + millis
        return negative ? -total : total
    }

    /// A sample value string: a Go float (`1`, `0.25`, `1e-05`) or `NaN`, `+Inf`, `-Inf`.
    func sampleValue(_ range: Range<Int>) throws(Failure) -> Double {
        guard !range.isEmpty else { throw badNumber(range) }
        if let fast = JSONScanner.fastDouble(bytes, range) { return fast }
        switch range.count {
        case 3 where key(range, is: "NaN"): return .nan
        case 3 where key(range, is: "Inf"): return .infinity
        case 4 where key(range, is: "+Inf"): return .infinity
        case 4 where key(range, is: "-Inf"): return -.infinity
        default: break
        }
        guard let value = parseDouble(range) else { throw badNumber(range) }
        return value
    }

    /// strtod on the bytes in place: every number here is followed by a byte that cannot
    /// continue it (a quote, comma or bracket), so no terminator is needed. The caller holds
    /// a `CNumericLocale` so a user's LC_NUMERIC cannot change the decimal point.
    private func parseDouble(_ range: Range<Int>) -> Double? {
        guard range.upperBound < bytes.count, let base = bytes.baseAddress else { return nil }
        let first = bytes[range.lowerBound]
        // strtod also takes hex, "inf", "nan(...)" and leading spaces, which Prometheus never sends.
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
            || JSONScanner.digit(first) != nil else { return nil }
        if range.count > 1, bytes[range.lowerBound + 1] == UInt8(ascii: "x") || bytes[range.lowerBound + 1] == UInt8(ascii: "X") {
            return nil
        }
        let start = (base + range.lowerBound).assumingMemoryBound(to: CChar.self)
        var end: UnsafeMutablePointer<CChar>?
        let value = strtod(start, &end)
        guard let end, UnsafeRawPointer(end) == UnsafeRawPointer(base + range.upperBound) else { return nil }
        return value
    }

    /// Clinger's exact fast path: at most 2^53 as an integer mantissa and a power of ten up
    /// to 22, each exactly representable, so one multiply or divide rounds correctly.
    @inline(__always)
    private static func fastDouble(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Double? {
        var position = range.lowerBound
        var negative = false
        if bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var sawDigit = false
        while position < range.upperBound, let digit = JSONScanner.digit(bytes[position]) {
            if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(digit) } else { exponent += 1 }
            if mantissa != 0 { digits += 1 }
            sawDigit = true
            position += 1
        }
        if position < range.upperBound, bytes[position] == UInt8(ascii: ".") {
            position += 1
            while position < range.upperBound, let digit = JSONScanner.digit(bytes[position]) {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    exponent -= 1
                    if mantissa != 0 { digits += 1 }
                }
                sawDigit = true
                position += 1
            }
        }
        guard sawDigit, digits < 19 else { return nil }
        if position < range.upperBound {
            guard bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") else { return nil }
            position += 1
            var exponentNegative = false
            if position < range.upperBound, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                exponentNegative = bytes[position] == UInt8(ascii: "-")
                position += 1
            }
            var written = 0
            var sawExponentDigit = false
            while position < range.upperBound, let digit = JSONScanner.digit(bytes[position]) {
                written = min(written * 10 + digit, 10_000)
                sawExponentDigit = true
                position += 1
            }
            guard sawExponentDigit, position == range.upperBound else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
        var value = Double(mantissa)
        if exponent < 0 { value /= powersOfTen[-exponent] } else if exponent > 0 { value *= powersOfTen[exponent] }
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    @inline(__always)
    static func digit(_ byte: UInt8) -> Int? {
        let value = Int(byte) &- 48
        return value >= 0 && value <= 9 ? value : nil
    }

    private func badNumber(_ range: Range<Int>) -> Failure {
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range.prefix(40)]), as: UTF8.self)
        return Failure(message: "invalid number \"\(text)\"", offset: range.lowerBound, truncated: false)
    }
}

/// Runs `body` with the C locale for LC_NUMERIC on this thread, so a user's locale cannot
/// change strtod's decimal point while a response is decoded.
func withCNumericLocale<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
    guard let locale = newlocale(Int32(1 << LC_NUMERIC), "C", nil) else { return try body() }
    let previous = uselocale(locale)
    defer {
        uselocale(previous)
        freelocale(locale)
    }
    return try body()
}
