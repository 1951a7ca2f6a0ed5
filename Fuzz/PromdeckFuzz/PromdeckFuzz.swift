import Foundation
import FuzzTargets

// The target is named by FUZZ_TARGET (Fuzz/run.sh sets it): one executable, one sanitizer
// build for all of them.
let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("FUZZ_TARGET must be one of \(FuzzTarget.allCases.map(\.name).joined(separator: ", ")), not \"\(name)\"")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        try target.run(bytes)
    } catch {
        // A broken invariant is a crash to libFuzzer, so it keeps and minimises the input.
        fatalError("\(target.name): \(error)")
    }
    return 0
}
