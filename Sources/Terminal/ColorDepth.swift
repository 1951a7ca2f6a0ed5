import Render
import TerminalTypes

/// How many colours the terminal can show; `Color` values are downgraded to fit.
public enum ColorDepth: Int, Hashable, Sendable, Comparable {
    case monochrome, ansi8, ansi16, indexed256, direct

    /// The depth for a terminal reporting `colors` colours (ncurses' COLORS).
    public init(colors: Int, hasColors: Bool = true) {
        switch colors {
        case _ where !hasColors: self = .monochrome
        case 0x1000000...: self = .direct
        case 256...: self = .indexed256
        case 16...: self = .ansi16
        case 8...: self = .ansi8
        default: self = .monochrome
        }
    }

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The terminal colour number for `color`: -1 is the terminal's default, 0–255 indexed,
    /// and in direct mode 0xRRGGBB. nil on a monochrome terminal.
    public func number(for color: Color) -> Int32? {
        guard self != .monochrome else { return nil }
        switch color {
        case .default:
            return -1
        case .ansi(let n):
            return number(for: .indexed(n & 15))
        case .indexed(let n):
            // Direct-colour terminfo treats numbers below 8 as ANSI and the rest as RGB.
            if self == .direct && n >= 8 {
                let (r, g, b) = ColorDepth.rgb(ofIndexed: Int(n))
                return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
            }
            return Int32(fitIndexed(Int(n)))
        case .rgb(let r, let g, let b):
            if self == .direct { return Int32(r) << 16 | Int32(g) << 8 | Int32(b) }
            return Int32(fitIndexed(ColorDepth.nearestIndexed(r: Int(r), g: Int(g), b: Int(b))))
        }
    }

    /// Downgrades an xterm-256 index to what this depth can show.
    func fitIndexed(_ index: Int) -> Int {
        switch self {
        case .direct, .indexed256: return index
        case .ansi16: return index < 16 ? index : ColorDepth.nearestANSI(index, count: 16)
        case .ansi8, .monochrome:
            let sixteen = index < 16 ? index : ColorDepth.nearestANSI(index, count: 16)
            return sixteen & 7
        }
    }

    // MARK: The xterm palette

    static let cubeLevels = [0, 95, 135, 175, 215, 255]
    /// The 16 ANSI colours as xterm shows them by default.
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The RGB value of an xterm-256 colour.
    static func rgb(ofIndexed index: Int) -> (Int, Int, Int) {
        switch index {
        case ..<16: return ansiRGB[max(0, index)]
        case 16..<232:
            let n = index - 16
            return (cubeLevels[n / 36], cubeLevels[(n / 6) % 6], cubeLevels[n % 6])
        default:
            let level = 8 + 10 * (min(index, 255) - 232)
            return (level, level, level)
        }
    }

    /// The closest xterm-256 colour (colour cube or grey ramp) to an RGB value.
    static func nearestIndexed(r: Int, g: Int, b: Int) -> Int {
        func cubeIndex(_ v: Int) -> Int {
            cubeLevels.indices.min { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) } ?? 0
        }
        let cube = 16 + 36 * cubeIndex(r) + 6 * cubeIndex(g) + cubeIndex(b)
        let average = (r + g + b) / 3
        let grey = 232 + max(0, min(23, (average - 8 + 5) / 10))
        return distance(rgb(ofIndexed: cube), (r, g, b)) <= distance(rgb(ofIndexed: grey), (r, g, b)) ? cube : grey
    }

    static func nearestANSI(_ index: Int, count: Int) -> Int {
        let target = rgb(ofIndexed: index)
        return (0..<count).min { distance(ansiRGB[$0], target) < distance(ansiRGB[$1], target) } ?? 7
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }
}

/// Colour pairs allocated on first use; ncurses has a fixed number of them.
struct ColorPairTable {
    struct Key: Hashable {
        var foreground: Int32
        var background: Int32
    }

    let capacity: Int
    private(set) var pairs: [Key: Int32] = [:]

    init(capacity: Int) { self.capacity = capacity }

    /// The pair for (foreground, background), allocating one if there is room: `isNew` says
    /// the caller must initialise it. Pair 0 (the terminal's defaults) when the table is full.
    mutating func pair(foreground: Int32, background: Int32) -> (pair: Int32, isNew: Bool) {
        if foreground == -1 && background == -1 { return (0, false) }
        let key = Key(foreground: foreground, background: background)
        if let existing = pairs[key] { return (existing, false) }
        let next = Int32(pairs.count + 1)
        guard Int(next) < capacity else { return (0, false) }
        pairs[key] = next
        return (next, true)
    }

    mutating func reset() { pairs = [:] }
}
