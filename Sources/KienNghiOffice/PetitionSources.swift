import Foundation
import KienNghiCore

/// Opens any pile an office holds: the core's text readers plus the XLSX and
/// DOCX readers this target registers. The format is the one named
/// (`--input-format`), else the file extension's, else sniffed from the content.
package enum PetitionSources {
    package typealias Options = PetitionSourceOptions

    /// The core's text readers with the office readers registered.
    package static let readers: PetitionReaders = {
        var readers = PetitionReaders.text
        readers.register(.xlsx) { input, options in
            switch input {
            case .file(let path):
                try XLSXPetitionSource(
                    path: path, sheet: options.sheet, textColumn: options.textColumn, header: options.header)
            case .bytes(let bytes, let name):
                try XLSXPetitionSource(
                    data: Data(bytes), name: name, sheet: options.sheet, textColumn: options.textColumn,
                    header: options.header)
            }
        }
        readers.register(.docx) { input, options in
            switch input {
            case .file(let path):
                try DOCXPetitionSource(path: path, textColumn: options.textColumn, header: options.header)
            case .bytes(let bytes, let name):
                try DOCXPetitionSource(
                    data: Data(bytes), name: name, textColumn: options.textColumn, header: options.header)
            }
        }
        return readers
    }()

    /// Opens `path` ("-" is standard input) with every reader.
    package static func open(_ path: String, options: Options) throws -> any PetitionSource {
        try readers.open(path, options: options)
    }

    /// Opens bytes held in memory (tests, fuzzing) exactly as a file named `name` holding them would be.
    package static func open(bytes: [UInt8], name: String, options: Options) throws -> any PetitionSource {
        try readers.open(bytes: bytes, name: name, options: options)
    }
}
