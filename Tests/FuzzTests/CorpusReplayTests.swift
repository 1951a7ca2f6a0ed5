import Foundation
import FuzzTargets
import Testing
import TestSupport

/// Every checked-in fuzz input (Fuzz/Corpus/<target>/, seeds, what `Fuzz/run.sh` merged in,
/// and the inputs of crashes found) replayed through its target: no trap, invariants hold.
@Suite struct CorpusReplayTests {
    static func corpus(_ target: FuzzTarget) throws -> [(name: String, bytes: [UInt8])] {
        let directory = repositoryRoot() + "/Fuzz/Corpus/" + target.name
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        return try names.map { name in
            (name, Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))))
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func replay(_ target: FuzzTarget) throws {
        let inputs = try Self.corpus(target)
        #expect(inputs.count >= 5, "Fuzz/Corpus/\(target.name) is (nearly) empty")
        for input in inputs {
            do {
                try target.run(input.bytes)
            } catch {
                Issue.record("Fuzz/Corpus/\(target.name)/\(input.name): \(error)")
            }
        }
    }
}
