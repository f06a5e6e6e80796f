import ArgumentParser
import Foundation
import KienNghiCore

/// Exit codes, following BSD sysexits where one fits, so scripts can tell failures apart.
enum ExitStatus: Int32 {
    case usage = 64
    case dataError = 65
    case noInput = 66
    case cannotCreate = 73
    case ioError = 74
    case partial = 3
    case configuration = 78
}

/// An error already worded for the user; the CLI prints it and exits with `code`.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var code: ExitStatus

    init(_ message: String, code: ExitStatus) {
        self.message = message
        self.code = code
    }

    var description: String { message }
}

/// Output helpers: the only place that writes to stdout/stderr.
enum Terminal {
    static var isErrorTTY: Bool { isatty(2) != 0 }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func warn(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A one-line progress indicator on stderr (nil clears it). Call only on a terminal.
    static func progress(_ text: String?) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + (text ?? "")).utf8))
    }

    /// On Ctrl-C or SIGTERM: delete unfinished output files, then exit.
    static func cleanUpOnInterrupt() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { _ in
                AtomicOutputFile.removeUnfinished()
                _exit(130)
            }
        }
    }
}

extension ParsableCommand {
    /// Runs `body`, turning a ``CLIError`` into its message and exit code.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CLIError {
            Terminal.warn(error.message)
            throw ExitCode(error.code.rawValue)
        }
    }
}

/// A command whose whole output is one string: `run()` prints it (or the
/// error's message and exit code), and tests call `render()` in process.
protocol RenderingCommand: ParsableCommand {
    func render() throws -> String
}

extension RenderingCommand {
    func run() throws {
        try reportingErrors { Terminal.write(try render()) }
    }
}
