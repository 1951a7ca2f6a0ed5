import Testing

@testable import PromQL

/// The recorded corpus without promtool: acceptance and exact error messages, and the
/// printer's round trip on every accepted input.
@Suite("Parser corpus")
struct ParserCorpusTests {
    @Test(
        "every corpus input gives Prometheus's outcome (accepted, or the same error at the same position), 3.14 and 2.42",
        arguments: PromQLVersion.allCases)
    func outcomes(version: PromQLVersion) throws {
        let cases = try ParseCorpus.load()
        #expect(cases.count >= 1000)
        let mismatches = cases.compactMap { c -> String? in
            let ours = ParseCorpus.outcome(c.input, version: version)
            let expected = version == .v3 ? c.expectedV3 : c.expected
            return ours == expected ? nil : "\(c): expected \(expected ?? "ok"), got \(ours ?? "ok")"
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.joined(separator: "\n"))")
    }

    @Test("parse → print → parse gives the same AST, and printing is canonical (idempotent)")
    func roundTrip() throws {
        let accepted = try ParseCorpus.load().filter { $0.expectedV3 == nil }
        #expect(accepted.count >= 200)
        var failures: [String] = []
        for c in accepted {
            do {
                let first = try parsePromQL(c.input)
                let printed = first.description
                let second = try parsePromQL(printed)
                if first.structure != second.structure {
                    failures.append("\(c): AST changed after printing as \(printed)")
                } else if second.description != printed {
                    failures.append("\(c): printed \(printed), then \(second.description)")
                }
            } catch {
                failures.append("\(c): \(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.joined(separator: "\n"))")
    }
}

extension Expr {
    /// The AST with positions zeroed and matchers in printing order, for structural equality.
    var structure: Expr {
        switch self {
        case .number(var e):
            e.positionRange = .zero
            return .number(e)
        case .string(var e):
            e.positionRange = .zero
            return .string(e)
        case .vectorSelector(let e): return .vectorSelector(e.structure)
        case .matrixSelector(var e):
            e.vectorSelector = e.vectorSelector.structure
            e.positionRange = .zero
            return .matrixSelector(e)
        case .subquery(var e):
            e.expr = e.expr.structure
            e.positionRange = .zero
            return .subquery(e)
        case .call(var e):
            e.args = e.args.map(\.structure)
            e.positionRange = .zero
            return .call(e)
        case .aggregate(var e):
            e.expr = e.expr.structure
            e.param = e.param?.structure
            e.positionRange = .zero
            return .aggregate(e)
        case .binary(var e):
            e.lhs = e.lhs.structure
            e.rhs = e.rhs.structure
            e.positionRange = .zero
            return .binary(e)
        case .unary(var e):
            e.expr = e.expr.structure
            e.positionRange = .zero
            return .unary(e)
        case .paren(var e):
            e.expr = e.expr.structure
            e.positionRange = .zero
            return .paren(e)
        }
    }
}

extension VectorSelector {
    var structure: VectorSelector {
        var copy = self
        copy.positionRange = .zero
        copy.matchers = matchers.sorted { $0.description < $1.description }
        return copy
    }
}
