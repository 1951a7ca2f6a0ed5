import Testing
import PromModel

@Suite("Prometheus durations")
struct PrometheusDurationTests {
    @Test("units from largest to smallest, each once, as Prometheus parses them")
    func parses() {
        #expect(PrometheusDuration.milliseconds("15s") == 15_000)
        #expect(PrometheusDuration.milliseconds("90m") == 5_400_000)
        #expect(PrometheusDuration.milliseconds("1h30m") == 5_400_000)
        #expect(PrometheusDuration.milliseconds("2d") == 172_800_000)
        #expect(PrometheusDuration.milliseconds("1w") == 604_800_000)
        #expect(PrometheusDuration.milliseconds("1y") == 31_536_000_000)
        #expect(PrometheusDuration.milliseconds("500ms") == 500)
        #expect(PrometheusDuration.milliseconds("1m30s500ms") == 90_500)
        #expect(PrometheusDuration.milliseconds("0") == 0)
    }

    @Test("everything else is refused", arguments: ["", "15", "h", "1.5h", "10x", "-5m", "30s1m", "1h1h", "5m ", " 5m", "99999999999999999y"])
    func refuses(_ text: String) {
        #expect(PrometheusDuration.milliseconds(text) == nil)
    }

    @Test("formats with days as the largest unit")
    func formats() {
        #expect(PrometheusDuration.format(5_400_000) == "1h30m")
        #expect(PrometheusDuration.format(75_000) == "1m15s")
        #expect(PrometheusDuration.format(604_800_000) == "7d")
        #expect(PrometheusDuration.format(1500) == "1s500ms")
        #expect(PrometheusDuration.format(0) == "0s")
        #expect(PrometheusDuration.format(.seconds(90)) == "1m30s")
    }
}
