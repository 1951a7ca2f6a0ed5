import PromModel

extension FunctionTable {
    static let timeFunctions: [String: FunctionImplementation] = [
        "time": .instant { input in .scalar(Double(input.ts) / 1000) },
        "minute": date { Double($0.minute) },
        "hour": date { Double($0.hour) },
        "day_of_week": date { Double($0.weekday) },
        "day_of_month": date { Double($0.day) },
        "day_of_year": date { Double($0.dayOfYear) },
        "days_in_month": date { Double($0.daysInMonth) },
        "month": date { Double($0.month) },
        "year": date { Double($0.year) },
    ]

    /// With no argument the evaluation time, else each element's value as Unix seconds (UTC).
    static func date(_ field: @escaping @Sendable (CivilTime) -> Double) -> FunctionImplementation {
        .instant { input throws(QueryError) in
            if input.args.isEmpty {
                return .vector([EvalSample(labels: Labels(), t: input.ts, v: field(CivilTime(unixSeconds: GoMath.floorDiv(input.ts, 1000))))])
            }
            return .vector(try input.vector(0).map {
                EvalSample(labels: $0.labels.withoutName, t: input.ts, v: field(CivilTime(unixSeconds: GoMath.int64($0.v))))
            })
        }
    }
}

extension GoMath {
    /// Go's `/` truncates; time.Unix(ts/1000) does too, which only differs before 1970.
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a / b }
}

/// A UTC calendar date and time of day from Unix seconds (proleptic Gregorian), computed
/// arithmetically (Howard Hinnant's civil_from_days) so no time zone database is involved.
struct CivilTime {
    var year: Int64
    var month: Int64
    var day: Int64
    var hour: Int64
    var minute: Int64
    /// 0 = Sunday.
    var weekday: Int64
    var dayOfYear: Int64

    init(unixSeconds: Int64) {
        var days = unixSeconds / 86_400
        var secondsOfDay = unixSeconds % 86_400
        if secondsOfDay < 0 {
            secondsOfDay += 86_400
            days -= 1
        }
        hour = secondsOfDay / 3600
        minute = (secondsOfDay % 3600) / 60
        weekday = ((days % 7) + 11) % 7
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYearMarch = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYearMarch + 2) / 153
        day = dayOfYearMarch - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let cumulative: [Int64] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        dayOfYear = cumulative[Int(month - 1)] + day + (month > 2 && CivilTime.isLeap(year) ? 1 : 0)
    }

    static func isLeap(_ year: Int64) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    var daysInMonth: Int64 {
        switch month {
        case 2: CivilTime.isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
