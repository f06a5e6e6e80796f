// libFuzzer entry point for every KienNghi fuzz target (one binary, the target
// chosen by KIENNGHI_FUZZ_TARGET). Built and run by scripts/fuzz.sh:
//   scripts/fuzz.sh csv 60        # one target for a minute
//   scripts/fuzz.sh all 15        # the CI smoke
// Reproduce a crash: KIENNGHI_FUZZ_TARGET=csv .build/fuzz/debug/kiennghi-fuzz CRASH_FILE
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A fuzz target: one input in, no crash and no broken invariant out.
struct FuzzTarget: Sendable {
    var name: String
    /// What the target feeds and checks, for `scripts/fuzz.sh list`.
    var summary: String
    var run: @Sendable ([UInt8]) -> Void
}

enum FuzzTargets {
    static let all: [FuzzTarget] =
        DecoderTargets.all + ReaderTargets.all + [AnalysisTarget.target, LexiconTarget.target]

    /// The target named by KIENNGHI_FUZZ_TARGET; an unknown name lists the known ones and exits 2.
    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["KIENNGHI_FUZZ_TARGET"] ?? ""
        if let target = all.first(where: { $0.name == name }) { return target }
        var message = "KIENNGHI_FUZZ_TARGET=\(name.isEmpty ? "(unset)" : name) is not a fuzz target. Known targets:\n"
        for target in all { message += "  \(target.name)\t\(target.summary)\n" }
        FileHandle.standardError.write(Data(message.utf8))
        exit(2)
    }()
}

/// Stops the run as a crash (libFuzzer saves the input) when an invariant breaks.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    guard condition() else {
        FileHandle.standardError.write(Data("fuzz invariant broken: \(message())\n".utf8))
        abort()
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    FuzzTargets.selected.run(bytes)
    return 0
}

/// libFuzzer's driver (linked by `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's `main` to `<module>_main`; hand over to libFuzzer's driver there.
@_cdecl("kiennghi_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
