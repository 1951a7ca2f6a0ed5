import Testing
@testable import Render

/// Expected strings are Grafana's own (packages/grafana-data/src/valueFormats/*.test.ts) or
/// what Grafana's formatters give for the value (worked through their code).
@Suite struct UnitsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var unit: String?
        var decimals: Int?
        var value: Double
        var expected: String
        var testDescription: String { "\(unit ?? "nil") \(value) → \(expected)" }
    }

    static let grafanaCases: [Case] = [
        Case(unit: "currencyUSD", decimals: 2, value: 1532.82, expected: "$1.53K"),
        Case(unit: "currencyKRW", decimals: 2, value: 1532.82, expected: "₩1.53K"),
        Case(unit: "ms", decimals: 4, value: 0.0024, expected: "0.0024 ms"),
        Case(unit: "ms", decimals: 0, value: 100, expected: "100 ms"),
        Case(unit: "ms", decimals: 2, value: 1250, expected: "1.25 s"),
        Case(unit: "ms", decimals: 1, value: 10000086.123, expected: "2.8 hour"),
        Case(unit: "ms", decimals: 0, value: 1200, expected: "1 s"),
        Case(unit: "kbytes", decimals: 3, value: 10000000, expected: "9.537 GiB"),
        Case(unit: "deckbytes", decimals: 3, value: 10000000, expected: "10.000 GB"),
        Case(unit: "currency:@", decimals: nil, value: 0, expected: "@0"),
        Case(unit: "currency:@", decimals: nil, value: 1000, expected: "@1K"),
        Case(unit: "currency:@", decimals: nil, value: 1_000_000_000_000_000, expected: "@1000T"),
        Case(unit: "currency:@", decimals: nil, value: -1_000_000, expected: "-@1M"),
        Case(unit: "currency:@", decimals: nil, value: -999, expected: "-@999"),
        Case(unit: "volt", decimals: nil, value: 0, expected: "0 V"),
        Case(unit: "volt", decimals: nil, value: 1_000_000, expected: "1 MV"),
        Case(unit: "volt", decimals: nil, value: -1000, expected: "-1 kV"),
        Case(unit: "dtdurationms", decimals: 0, value: 0, expected: "0 milliseconds"),
        Case(unit: "dtdurationms", decimals: 0, value: -1, expected: "1 millisecond ago"),
        Case(unit: "dtdurationms", decimals: 1, value: 38898367008, expected: "1 year, 2 months"),
        Case(unit: "dthms", decimals: nil, value: 1, expected: "00:00:01"),
    ]

    static let dashboardUnitCases: [Case] = [
        Case(unit: "short", value: 0, expected: "0"),
        Case(unit: "short", value: 999, expected: "999"),
        Case(unit: "short", value: 1000, expected: "1 K"),
        Case(unit: "short", value: 1500, expected: "1.50 K"),
        Case(unit: "short", value: 98765, expected: "98.8 K"),
        Case(unit: "short", value: 2_500_000, expected: "2.50 Mil"),
        Case(unit: "short", value: 7_100_000_000, expected: "7.10 Bil"),
        Case(unit: "none", value: 12.345, expected: "12.3"),
        Case(unit: nil, value: 42, expected: "42"),
        Case(unit: "percent", value: 50, expected: "50%"),
        Case(unit: "percent", value: 99.512, expected: "99.5%"),
        Case(unit: "percentunit", value: 0.5, expected: "50%"),
        Case(unit: "percentunit", value: 0.1234, expected: "12.3%"),
        Case(unit: "percentunit", decimals: 1, value: 0.6, expected: "60.0%"),
        Case(unit: "s", value: 0, expected: "0 s"),
        Case(unit: "s", value: 0.0123, expected: "12.3 ms"),
        Case(unit: "s", value: 0.000045, expected: "45 µs"),
        Case(unit: "s", value: 0.0000005, expected: "500 ns"),
        Case(unit: "s", value: 1.5, expected: "1.50 s"),
        Case(unit: "s", value: 90, expected: "1.50 min"),
        Case(unit: "s", value: 7200, expected: "2 hour"),
        Case(unit: "s", value: 172800, expected: "2 day"),
        Case(unit: "ms", value: 250, expected: "250 ms"),
        Case(unit: "µs", value: 1500, expected: "1.50 ms"),
        Case(unit: "ns", value: 2_000_000, expected: "2 ms"),
        Case(unit: "reqps", value: 12.5, expected: "12.5 req/s"),
        Case(unit: "reqps", value: 1234, expected: "1.23K req/s"),
        Case(unit: "rps", value: 3, expected: "3 rd/s"),
        Case(unit: "wps", value: 3, expected: "3 wr/s"),
        Case(unit: "ops", value: 0.25, expected: "0.250 ops/s"),
        Case(unit: "ops", value: 45000, expected: "45K ops/s"),
        Case(unit: "bytes", value: 1024, expected: "1 KiB"),
        Case(unit: "bytes", value: 1536, expected: "1.50 KiB"),
        Case(unit: "decbytes", value: 1000, expected: "1 kB"),
        Case(unit: "decbytes", value: 1_500_000, expected: "1.50 MB"),
        Case(unit: "bits", value: 2048, expected: "2 Kib"),
        Case(unit: "currencyUSD", value: 1234.5, expected: "$1.23K"),
        Case(unit: "currencyUSD", value: -1234.5, expected: "-$1.23K"),
        Case(unit: "currencyUSD", value: 0.5, expected: "$0.500"),
        Case(unit: "currencyUSD", value: 1_052_300, expected: "$1.05M"),
        Case(unit: "currencyUSD", decimals: 2, value: 99.999, expected: "$100.00"),
        Case(unit: "suffix:trades", value: 3, expected: "3 trades"),
        Case(unit: "prefix:~", value: 3, expected: "~3"),
        Case(unit: "conns", value: 7, expected: "7 conns"),
        Case(unit: "locale", value: 1234567.891, expected: "1,234,567.891"),
        Case(unit: "bool_on_off", value: 1, expected: "On"),
    ]

    @Test(arguments: grafanaCases + dashboardUnitCases)
    func formats(_ c: Case) {
        #expect(ValueFormat.format(c.value, unit: c.unit, decimals: c.decimals).description == c.expected)
    }

    @Test func toFixedMatchesGrafana() {
        #expect(NumberText.toFixed(100) == "100")
        #expect(NumberText.toFixed(100.4) == "100")
        #expect(NumberText.toFixed(100.5) == "101")
        #expect(NumberText.toFixed(100, decimals: 1) == "100.0")
        #expect(NumberText.toFixed(100.37, decimals: 1) == "100.4")
        #expect(NumberText.toFixed(100.63, decimals: 1) == "100.6")
        #expect(NumberText.toFixed(100.4, decimals: 2) == "100.40")
        #expect(NumberText.toFixed(100.5, decimals: 2) == "100.50")
        #expect(NumberText.toFixed(186.123, decimals: -2) == "186")
        #expect(NumberText.toFixed(.nan) == "NaN")
        #expect(NumberText.toFixed(.infinity) == "∞")
        #expect(NumberText.toFixed(-.infinity) == "-∞")
    }

    @Test func javaScriptNumberStrings() {
        #expect(NumberText.js(0.1 + 0.2) == "0.30000000000000004")
        #expect(NumberText.js(1e21) == "1e+21")
        #expect(NumberText.js(1e20) == "100000000000000000000")
        #expect(NumberText.js(0.000001) == "0.000001")
        #expect(NumberText.js(0.0000001) == "1e-7")
        #expect(NumberText.js(-2.5) == "-2.5")
        #expect(NumberText.js(123456789) == "123456789")
    }

    @Test func decimalsForValue() {
        #expect(NumberText.decimalsForValue(1.5) == 2)
        #expect(NumberText.decimalsForValue(123.456) == 0)
        #expect(NumberText.decimalsForValue(0.0123) == 4)
        #expect(NumberText.decimalsForValue(5) == 0)
    }
}
