import PromModel
import PromQL

/// A time as Prometheus's API handlers hold it (Go's `time.Time`: seconds and nanoseconds),
/// so comparisons and the points-per-series limit see the same nanoseconds Prometheus sees.
struct APITime: Hashable, Sendable, Comparable {
    /// Unix seconds, floored.
    var seconds: Int64
    /// 0 ..< 1_000_000_000.
    var nanoseconds: Int64

    /// Go's `time.Unix(sec, nsec)`: nanoseconds outside 0..<1e9 carry into the seconds.
    init(seconds: Int64, nanoseconds: Int64) {
        var sec = seconds, nsec = nanoseconds
        if nsec < 0 || nsec >= APITime.nanosPerSecond {
            let carry = nsec / APITime.nanosPerSecond
            sec &+= carry
            nsec -= carry * APITime.nanosPerSecond
            if nsec < 0 {
                nsec += APITime.nanosPerSecond
                sec &-= 1
            }
        }
        self.seconds = sec
        self.nanoseconds = nsec
    }

    init(milliseconds: Timestamp) {
        let floored = milliseconds >= 0 ? milliseconds / 1000 : -((-(milliseconds + 1)) / 1000) - 1
        self.init(seconds: floored, nanoseconds: (milliseconds - floored * 1000) * 1_000_000)
    }

    static let nanosPerSecond: Int64 = 1_000_000_000

    /// Prometheus's `timestamp.FromTime` (the bounds of /series and /labels): milliseconds,
    /// wrapping where Go's int64 wraps.
    var milliseconds: Timestamp { seconds &* 1000 &+ nanoseconds / 1_000_000 }

    /// The engine's `timeMilliseconds` (query evaluation times): `UnixNano() / 1e6`, which
    /// truncates toward zero, so 1969-12-31T23:59:59.9999Z evaluates at 0, not -1 ms.
    var engineMilliseconds: Timestamp { (seconds &* APITime.nanosPerSecond &+ nanoseconds) / 1_000_000 }

    static func < (lhs: APITime, rhs: APITime) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    /// Go's `Time.Sub`: nanoseconds, saturated at the ends of int64.
    func nanoseconds(since other: APITime) -> Int64 {
        let (secondsPart, overflow) = (seconds &- other.seconds).multipliedReportingOverflow(by: APITime.nanosPerSecond)
        let secondsDifference = seconds.subtractingReportingOverflow(other.seconds)
        if overflow || secondsDifference.overflow {
            return self < other ? .min : .max
        }
        let (total, carried) = secondsPart.addingReportingOverflow(nanoseconds - other.nanoseconds)
        if carried { return self < other ? .min : .max }
        return total
    }

    /// `minTime` and `maxTime` of Prometheus's web/api/v1: the default bounds of /series and
    /// /labels, and the literal strings Go clients send for them.
    static let min = APITime(seconds: Int64.min / 1000 + 62_135_596_801, nanoseconds: 0)
    static let max = APITime(seconds: Int64.max / 1000 - 62_135_596_801, nanoseconds: 999_999_999)
    static let minFormatted = "-292273086-05-16T16:47:06Z"
    static let maxFormatted = "292277025-08-18T07:12:54.999999999Z"

    /// Prometheus's `parseTime`: Unix seconds with an optional fraction (rounded to the
    /// millisecond), or RFC 3339 with up to nanoseconds.
    static func parse(_ text: String) -> Result<APITime, APIParameterError> {
        if let value = GoFloat.parse(text) {
            let whole = value.rounded(.towardZero)
            let fraction = value.isInfinite ? .nan : ((value - whole) * 1000).rounded(.toNearestOrAwayFromZero) / 1000
            return .success(APITime(seconds: GoFloat.int64(whole), nanoseconds: GoFloat.int64(fraction * Double(nanosPerSecond))))
        }
        if let time = RFC3339.parse(text) { return .success(time) }
        switch text {
        case minFormatted: return .success(min)
        case maxFormatted: return .success(max)
        default: return .failure(APIParameterError("cannot parse \(PromQLString.quote(text)) to a valid timestamp"))
        }
    }
}

/// A parameter that did not parse, with Prometheus's wording.
struct APIParameterError: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Prometheus's `parseDuration` for `step` and `timeout`: float seconds or a Prometheus
/// duration (`1h30m`, `500ms`). Nanoseconds.
enum APIDuration {
    static func parse(_ text: String) -> Result<Int64, APIParameterError> {
        if let seconds = GoFloat.parse(text) {
            let nanoseconds = seconds * 1e9
            // 2^63 itself does not fit, though Go's check lets it through to an undefined conversion.
            if nanoseconds >= 9_223_372_036_854_775_808.0 || nanoseconds < -9_223_372_036_854_775_808.0 {
                return .failure(APIParameterError("cannot parse \(PromQLString.quote(text)) to a valid duration. It overflows int64"))
            }
            // Go converts NaN to int64's minimum on amd64, which the step check then rejects.
            return .success(nanoseconds.isNaN ? .min : Int64(nanoseconds))
        }
        if let milliseconds = prometheusDuration(text), case (let ns, false) = milliseconds.multipliedReportingOverflow(by: 1_000_000) {
            return .success(ns)
        }
        return .failure(APIParameterError("cannot parse \(PromQLString.quote(text)) to a valid duration"))
    }

    /// common/model.ParseDuration: `[Ny][Nw][Nd][Nh][Nm][Ns][Nms]`, each unit at most once and
    /// in that order; `0` alone is zero. Milliseconds; nil when malformed or overflowing.
    static func prometheusDuration(_ text: String) -> Int64? {
        if text == "0" { return 0 }
        let units: [(String, Int64)] = [
            ("y", 365 * 86_400_000), ("w", 7 * 86_400_000), ("d", 86_400_000),
            ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1),
        ]
        var rest = Substring(text)
        var total: Int64 = 0
        var nextUnit = 0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(digits.count)
            let unit = rest.hasPrefix("ms") ? "ms" : String(rest.prefix(1))
            guard !digits.isEmpty, let index = units.firstIndex(where: { $0.0 == unit }), index >= nextUnit,
                  let count = Int64(digits) else { return nil }
            rest = rest.dropFirst(unit.count)
            nextUnit = index + 1
            let (part, overflow) = count.multipliedReportingOverflow(by: units[index].1)
            guard !overflow, case (let sum, false) = total.addingReportingOverflow(part) else { return nil }
            total = sum
        }
        return total
    }
}

/// Go's `strconv.ParseFloat(s, 64)`: decimal or hexadecimal (`0x1.8p1`) with optional sign,
/// `_` between digits, `Inf`/`Infinity`/`NaN` in any case. Out-of-range values (which Go
/// reports as an error) give nil.
enum GoFloat {
    static func parse(_ text: String) -> Double? {
        var body = Substring(text)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        switch body.lowercased() {
        case "inf", "infinity": return text.hasPrefix("-") ? -.infinity : .infinity
        case "nan": return .nan
        default: break
        }
        let bytes = Array(body.lowercased().utf8)
        let hex = bytes.count > 2 && bytes[0] == UInt8(ascii: "0") && bytes[1] == UInt8(ascii: "x")
        guard underscoresOK(bytes, hex: hex), wellFormed(bytes, hex: hex), let value = Double(text.lowercased().filter { $0 != "_" }) else {
            return nil
        }
        return value.isFinite ? value : nil
    }

    /// Go's float64 to int64 conversion on amd64: NaN and out-of-range values give int64's
    /// minimum (what a Prometheus built for x86-64 computes for `time=Inf`).
    static func int64(_ value: Double) -> Int64 {
        guard value >= -9_223_372_036_854_775_808.0, value < 9_223_372_036_854_775_808.0 else { return .min }
        return Int64(value)
    }

    private static func isDigit(_ byte: UInt8, hex: Bool) -> Bool {
        (48...57).contains(byte) || (hex && (97...102).contains(byte))
    }

    /// Go's underscoreOK: `_` only between digits, or right after the `0x` prefix.
    private static func underscoresOK(_ bytes: [UInt8], hex: Bool) -> Bool {
        var saw: Character = hex ? "0" : "^"
        for byte in bytes.dropFirst(hex ? 2 : 0) {
            if isDigit(byte, hex: hex) {
                saw = "0"
            } else if byte == UInt8(ascii: "_") {
                guard saw == "0" else { return false }
                saw = "_"
            } else {
                guard saw != "_" else { return false }
                saw = "!"
            }
        }
        return saw != "_" && (!hex || bytes.count > 2)
    }

    /// Mantissa digits with an optional point, then an exponent: optional `e` for decimal,
    /// required `p` (a power of two) for hexadecimal.
    private static func wellFormed(_ bytes: [UInt8], hex: Bool) -> Bool {
        var index = hex ? 2 : 0
        func digits(hex: Bool) -> Int {
            var count = 0
            while index < bytes.count, isDigit(bytes[index], hex: hex) || bytes[index] == UInt8(ascii: "_") {
                if bytes[index] != UInt8(ascii: "_") { count += 1 }
                index += 1
            }
            return count
        }
        var mantissa = digits(hex: hex)
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            mantissa += digits(hex: hex)
        }
        guard mantissa > 0 else { return false }
        let exponentMark = UInt8(ascii: hex ? "p" : "e")
        if index < bytes.count, bytes[index] == exponentMark {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(hex: false) > 0 else { return false }
        } else if hex {
            return false
        }
        return index == bytes.count
    }
}

/// Go's `time.Parse(time.RFC3339Nano, s)` (Go 1.19, as Prometheus 2.42 is built):
/// `2006-01-02T15:04:05.999999999Z07:00`, the fraction optional (up to nine digits, `.` or
/// `,`), `Z` or `±hh:mm`.
enum RFC3339 {
    static func parse(_ text: String) -> APITime? {
        let b = Array(text.utf8)
        var i = 0
        func number(_ width: Int) -> Int64? {
            guard i + width <= b.count else { return nil }
            var value: Int64 = 0
            for byte in b[i..<(i + width)] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            i += width
            return value
        }
        func literal(_ char: Character) -> Bool {
            guard i < b.count, b[i] == char.asciiValue else { return false }
            i += 1
            return true
        }
        // Go's "15" takes one or two digits; every other field a fixed width.
        func hourDigits() -> Int { i + 1 < b.count && (48...57).contains(b[i + 1]) ? 2 : 1 }
        guard let year = number(4), literal("-"), let month = number(2), literal("-"), let day = number(2),
              literal("T"), let hour = number(hourDigits()), literal(":"), let minute = number(2), literal(":"),
              let second = number(2) else { return nil }
        var nanoseconds: Int64 = 0
        if i + 1 < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ","), (48...57).contains(b[i + 1]) {
            i += 1
            // At most nine digits; a tenth is left over and fails the zone below.
            var scale: Int64 = 100_000_000
            while i < b.count, scale > 0, (48...57).contains(b[i]) {
                nanoseconds += Int64(b[i] - 48) * scale
                scale /= 10
                i += 1
            }
        }
        var offset: Int64 = 0
        if literal("Z") {
        } else if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign: Int64 = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            // Go 1.19 checks neither field's range.
            guard let offsetHours = number(2), literal(":"), let offsetMinutes = number(2) else { return nil }
            offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
        } else {
            return nil
        }
        guard i == b.count, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60 else { return nil }
        let seconds = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return APITime(seconds: seconds, nanoseconds: nanoseconds)
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
