import Testing

@testable import KienNghiCLI
@testable import KienNghiCore

/// The new name suggested when an output path is refused must be usable there.
@Suite("Refused output: suggested name")
struct OutputSuggestionTests {
    @Test(arguments: [
        ("/dev/null", AtomicOutputFile.FileKind.device, "ket-qua.csv"),
        ("out/bao-cao.xlsx", .symbolicLink, "out/ket-qua.xlsx"),
        ("odir", .directory, "odir/ket-qua.csv"),
        ("/", .directory, "/ket-qua.csv"),
        ("pipe", .fifo, "ket-qua.csv"),
    ])
    func suggestionKeepsTheExtensionAndAWritablePlace(path: String, kind: AtomicOutputFile.FileKind, expected: String) {
        #expect(AtomicOutputFile.Failure.suggestion(path, kind: kind) == expected)
    }
}
