import Foundation
import Testing
@testable import Dashboards

@Suite struct TimeExpressionTests {
    /// 2024-03-15T10:37:21.123Z, a Friday.
    static let now: Int64 = 1_710_499_041_123

    @Test(arguments: [
        ("now", false, Int64(1_710_499_041_123)),
        ("now-1h", false, 1_710_495_441_123),
        ("now-6h/d", false, 1_710_460_800_000),
        ("now/d", true, 1_710_547_199_999),
        ("now-1d/d", false, 1_710_374_400_000),
        ("now/w", false, 1_710_028_800_000),
        ("now-1M", false, 1_707_993_441_123),
        ("now-1d/d+8h", false, 1_710_403_200_000),
        ("now/y", false, 1_704_067_200_000),
        ("2024-01-02T03:04:05Z", false, 1_704_164_645_000),
        ("2024-01-02T03:04:05.5+02:00", false, 1_704_157_445_500),
        ("1704164645000", false, 1_704_164_645_000),
        ("2024-01-02 03:04:05", false, 1_704_164_645_000),
        // What the CLI's --time, --start and --end took before the grammars became one.
        ("now-1h30m", false, 1_710_493_641_123),
        ("now+5m", false, 1_710_499_341_123),
        ("now-500ms", false, 1_710_499_040_623),
        ("1704164645.25", false, 1_704_164_645_250),
        ("1704164645", false, 1_704_164_645_000),
    ])
    func resolves(expression: String, roundUp: Bool, expected: Int64) throws {
        #expect(try TimeExpression.resolve(expression, now: Self.now, roundUp: roundUp) == expected)
    }

    @Test func rangeEndRoundsUp() throws {
        let range = try TimeRange(from: "now/d", to: "now/d").resolve(now: Self.now)
        #expect(range.from == 1_710_460_800_000 && range.to == 1_710_547_199_999)
    }

    /// Values a user can type that do not fit in Int64 milliseconds: an error, not a trap.
    @Test(arguments: ["1e300", "-1e300", "9.3e18", "now-9223372036854775807y", "now+99999999999999999d", "1e300||+1d"])
    func outOfRangeIsAnError(_ expression: String) {
        #expect(throws: TimeExpressionError.self) { _ = try TimeExpression.resolve(expression, now: Self.now) }
    }

    @Test(arguments: ["now-", "now-1x", "now/q", "yesterday", "now+5"])
    func rejectsGarbage(expression: String) {
        #expect(throws: TimeExpressionError.self) { _ = try TimeExpression.resolve(expression, now: Self.now) }
    }
}
