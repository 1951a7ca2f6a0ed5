import Testing
import PromModel
import Dashboards
@testable import Render

@Suite struct ReducerTests {
    let values: [Double?] = [nil, 2, 5, .nan, 3, 10, nil]

    @Test func grafanaReducers() {
        #expect(Reducer.reduce(values, id: "lastNotNull") == 10)
        #expect(Reducer.reduce(values, id: "last") == nil)
        #expect(Reducer.reduce(values, id: "first") == nil)
        #expect(Reducer.reduce(values, id: "firstNotNull") == 2)
        #expect(Reducer.reduce(values, id: "mean") == 5)
        #expect(Reducer.reduce(values, id: "max") == 10)
        #expect(Reducer.reduce(values, id: "min") == 2)
        #expect(Reducer.reduce(values, id: "sum") == 20)
        #expect(Reducer.reduce(values, id: "count") == 4)
        #expect(Reducer.reduce(values, id: "range") == 8)
        #expect(Reducer.reduce(values, id: "diff") == 8)
        #expect(Reducer.reduce(values, id: "median") == 4)
    }

    @Test func deltaTreatsADropAsACounterReset() {
        #expect(Reducer.reduce([1, 4, 6, 2, 5], id: "delta") == 10)
        #expect(Reducer.reduce([Double?](), id: "delta") == 0)
        #expect(Reducer.reduce([Double?](), id: "mean") == nil)
        #expect(Reducer.reduce([Double?](), id: "sum") == 0)
    }

    /// The in-place reducers over samples answer exactly as the general path over values.
    @Test func sampleReducersMatchTheGeneralPath() {
        let cases: [[Double]] = [[], [.nan], [.nan, 2, 5, .nan, 3, 10, .nan], [-0.0, 0.0, 0.0, -0.0], [3, 1, 3, 1], [.infinity, 1, -.infinity]]
        for values in cases {
            let samples = values.enumerated().map { Sample(Int64($0.offset) * 15_000, $0.element) }
            for id in ["lastNotNull", "lastNotNullValue", "firstNotNull", "last", "first", "mean", "avg", "sum", "total", "count", "max", "min"] {
                let general = Reducer.reduce(values.map { Optional($0) }, id: id, timestamps: samples.map(\.timestamp))
                let inPlace = Reducer.reduce(samples, id: id)
                #expect(inPlace?.bitPattern == general?.bitPattern, "\(id) of \(values)")
            }
        }
    }

    @Test func stepUsesTimestamps() {
        let samples = [Sample(0, 1), Sample(15000, 2), Sample(45000, 3)]
        #expect(Reducer.reduce(samples, id: "step") == 15000)
    }
}

@Suite struct ThresholdAndMappingTests {
    let thresholds = Thresholds(mode: .absolute, steps: [
        ThresholdStep(color: "green", value: nil), ThresholdStep(color: "orange", value: 70), ThresholdStep(color: "red", value: 90),
    ])

    @Test func absoluteSteps() {
        #expect(thresholds.activeStep(for: 10, min: 0, max: 100)?.step.color == "green")
        #expect(thresholds.activeStep(for: 70, min: 0, max: 100)?.index == 1)
        #expect(thresholds.activeStep(for: 95, min: 0, max: 100)?.step.color == "red")
    }

    @Test func percentageStepsUseMinAndMax() {
        let percent = Thresholds(mode: .percentage, steps: thresholds.steps)
        #expect(percent.activeStep(for: 150, min: 0, max: 200)?.step.color == "orange")
        #expect(percent.activeStep(for: 150, min: 100, max: 200)?.step.color == "green")
        #expect(percent.absoluteValues(min: 0, max: 200).map(\.value) == [140, 180])
    }

    @Test func valueMappingsInOrder() {
        let mappings: [ValueMapping] = [
            .value(["1": MappingResult(text: "UP", color: "green"), "0": MappingResult(text: "DOWN", color: "red")]),
            .range(from: 2, to: 10, result: MappingResult(text: "some")),
            .regex(pattern: "^1[0-9]{2}$", result: MappingResult(text: "hundreds")),
            .special(match: "null+nan", result: MappingResult(text: "n/a")),
        ]
        #expect(ValueMapper.match(1, mappings: mappings)?.text == "UP")
        #expect(ValueMapper.match(0, mappings: mappings)?.color == "red")
        #expect(ValueMapper.match(5.5, mappings: mappings)?.text == "some")
        #expect(ValueMapper.match(150, mappings: mappings)?.text == "hundreds")
        #expect(ValueMapper.match(nil, mappings: mappings)?.text == "n/a")
        #expect(ValueMapper.match(.nan, mappings: mappings)?.text == "n/a")
        #expect(ValueMapper.match(11, mappings: mappings) == nil)
    }

    @Test func displayProcessorAppliesMappingUnitAndThresholdColour() {
        var config = FieldDefaults(unit: "percent", thresholds: thresholds)
        config.mappings = [.value(["0": MappingResult(text: "idle")])]
        let processor = DisplayProcessor(config: config, min: 0, max: 100)
        let high = processor.display(93.21)
        #expect(high.text == "93.2%")
        #expect(high.color == ValueColor(name: "red", level: 2))
        #expect(high.percent > 0.93 && high.percent < 0.94)
        #expect(processor.display(0).text == "idle")
        #expect(processor.display(nil).text == "No data")
        config.noValue = "—"
        #expect(DisplayProcessor(config: config, min: 0, max: 100).display(nil).text == "—")
    }
}

@Suite struct ThemeTests {
    @Test func grafanaNamedColours() {
        #expect(GrafanaColors.rgb("green")! == (0x73, 0xBF, 0x69))
        #expect(GrafanaColors.rgb("semi-dark-orange")! == (0xFF, 0x78, 0x0A))
        #expect(GrafanaColors.rgb("#112233")! == (0x11, 0x22, 0x33))
        #expect(GrafanaColors.rgb("rgb(1, 2, 3)")! == (1, 2, 3))
        #expect(GrafanaColors.rgb("transparent") == nil)
        #expect(GrafanaColors.rgb("text") != nil)
    }

    @Test func downgrades() {
        #expect(Color.rgb(255, 0, 0).downgraded(to: .palette256) == .indexed(196))
        #expect(Color.rgb(0, 0, 0).downgraded(to: .palette256) == .indexed(16))
        #expect(Color.rgb(128, 128, 128).downgraded(to: .palette256) == .indexed(244))
        #expect(Color.rgb(242, 73, 92).downgraded(to: .ansi8) == .ansi(1))
        #expect(Color.rgb(115, 191, 105).downgraded(to: .ansi8) == .ansi(2))
        #expect(Color.rgb(1, 2, 3).downgraded(to: .monochrome) == .default)
        #expect(Color.indexed(196).downgraded(to: .ansi8) == .ansi(1))
    }

    @Test func capabilityDetection() {
        #expect(RenderOptions.detect(environment: ["COLORTERM": "truecolor", "LANG": "en_US.UTF-8"]) == RenderOptions(capability: .truecolor))
        #expect(RenderOptions.detect(environment: ["COLORTERM": "24bit", "NO_COLOR": "", "LANG": "C.UTF-8"]).capability == .monochrome)
        #expect(RenderOptions.detect(environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"]).capability == .palette256)
        #expect(RenderOptions.detect(environment: ["TERM": "xterm", "LANG": "C.UTF-8"]).capability == .ansi8)
        #expect(RenderOptions.detect(environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"], noColor: true).capability == .monochrome)
        #expect(RenderOptions.detect(environment: ["LANG": "C"]).asciiOnly)
        #expect(RenderOptions.detect(environment: ["LANG": "en_US.UTF-8"], ascii: true).asciiOnly)
        #expect(!RenderOptions.detect(environment: ["LC_ALL": "de_DE.utf8", "LANG": "C"]).asciiOnly)
    }

    @Test func monochromeShowsLevelsByAttributes() {
        let theme = Theme(options: RenderOptions(capability: .monochrome))
        #expect(theme.style(for: ValueColor(name: "green", level: 0)).attributes == [])
        #expect(theme.style(for: ValueColor(name: "orange", level: 1)).attributes == .bold)
        #expect(theme.style(for: ValueColor(name: "red", level: 2)).attributes == [.bold, .reverse])
        #expect(theme.style(for: ValueColor(name: "red", level: 2)).foreground == .default)
    }

    @Test func palettes() {
        let classic = Theme(options: RenderOptions(palette: .classic))
        #expect(classic.seriesColorName(0) == "green" && classic.seriesColorName(2) == "blue")
        let safe = Theme(options: RenderOptions(palette: .colorBlindSafe))
        #expect(safe.seriesColorName(0) == "#E69F00" && safe.seriesColorName(8) == "#E69F00")
    }
}
