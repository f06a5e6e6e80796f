import Foundation
import KienNghiCore

/// Opens any pile an office holds, choosing the reader by file extension: the
/// core's text readers plus the XLSX and DOCX readers this target registers.
package enum PetitionSources {
    package typealias Options = PetitionSourceOptions

    /// The core's text readers with the office readers registered.
    package static let readers: PetitionReaders = {
        var readers = PetitionReaders.text
        readers.register(["xlsx", "xlsm"]) { path, options in
            try XLSXPetitionSource(path: path, sheet: options.sheet, textColumn: options.textColumn)
        }
        readers.register(["docx"]) { path, _ in try DOCXPetitionSource(path: path) }
        return readers
    }()

    package static func open(_ path: String, options: Options) throws -> any PetitionSource {
        try readers.open(path, options: options)
    }
}
