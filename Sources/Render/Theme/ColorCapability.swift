/// How many colours the terminal shows.
public enum ColorCapability: String, Hashable, Sendable, CaseIterable {
    case truecolor
    case palette256
    case ansi8
    /// No colour at all (`NO_COLOR`, `--no-color`): thresholds are shown by attributes.
    case monochrome

    /// From the environment: `NO_COLOR` (any value) wins, then `COLORTERM`, then `TERM`.
    public static func detect(environment: [String: String]) -> ColorCapability {
        if environment["NO_COLOR"] != nil { return .monochrome }
        let colorTerm = environment["COLORTERM", default: ""].lowercased()
        if colorTerm == "truecolor" || colorTerm == "24bit" { return .truecolor }
        let term = environment["TERM", default: ""].lowercased()
        if term == "dumb" { return .monochrome }
        if term.contains("256color") { return .palette256 }
        return .ansi8
    }
}

extension Color {
    /// This colour as the given capability can show it: RGB to the nearest xterm-256 or ANSI
    /// colour, anything to `.default` in monochrome.
    public func downgraded(to capability: ColorCapability) -> Color {
        switch (self, capability) {
        case (.default, _), (_, .truecolor): return self
        case (_, .monochrome): return .default
        case (.rgb(let r, let g, let b), .palette256): return .indexed(Color.nearest256(r, g, b))
        case (.rgb(let r, let g, let b), .ansi8): return .ansi(Color.nearestANSI(r, g, b))
        case (.indexed(let index), .ansi8):
            let (r, g, b) = Color.rgbOf256(index)
            return .ansi(Color.nearestANSI(r, g, b))
        case (.indexed, .palette256), (.ansi, _): return self
        }
    }

    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        let levels: [Int] = [0, 95, 135, 175, 215, 255]
        func cubeIndex(_ v: UInt8) -> Int {
            var best = 0
            for (index, level) in levels.enumerated() where abs(level - Int(v)) < abs(levels[best] - Int(v)) { best = index }
            return best
        }
        let (ri, gi, bi) = (cubeIndex(r), cubeIndex(g), cubeIndex(b))
        let cube = 16 + 36 * ri + 6 * gi + bi
        let cubeDistance = distance((r, g, b), (UInt8(levels[ri]), UInt8(levels[gi]), UInt8(levels[bi])))
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let grayIndex = min(23, max(0, (average - 3) / 10))
        let grayLevel = UInt8(8 + 10 * grayIndex)
        let grayDistance = distance((r, g, b), (grayLevel, grayLevel, grayLevel))
        return grayDistance < cubeDistance ? UInt8(232 + grayIndex) : UInt8(cube)
    }

    /// The 8 basic ANSI colours by hue; dark greys go to black, light ones to white.
    static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        let palette: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16),
            (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229),
        ]
        var best = 0
        var bestDistance = Int.max
        for (index, candidate) in palette.enumerated() {
            let d = distance((r, g, b), candidate)
            if d < bestDistance { best = index; bestDistance = d }
        }
        return UInt8(best)
    }

    static func rgbOf256(_ index: UInt8) -> (UInt8, UInt8, UInt8) {
        let basic: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (128, 0, 0), (0, 128, 0), (128, 128, 0), (0, 0, 128), (128, 0, 128), (0, 128, 128), (192, 192, 192),
            (128, 128, 128), (255, 0, 0), (0, 255, 0), (255, 255, 0), (0, 0, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { return basic[Int(index)] }
        if index >= 232 { let level = UInt8(8 + 10 * (Int(index) - 232)); return (level, level, level) }
        let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
        let cube = Int(index) - 16
        return (levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6])
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        // Weighted for the eye's sensitivity to green.
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db
    }
}
