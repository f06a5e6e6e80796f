import ArgumentParser

/// A command that reads one text and streams what it makes of it (`normalize`,
/// `tokenize`) to standard output or to `-o FILE`, which appears only when complete.
protocol StreamingTextCommand: RenderingCommand {
    var input: TextInputOptions { get }
    var output: String? { get }
    /// Writes the command's output into `sink` as the input is read.
    func stream(to sink: ByteSink) throws
}

extension StreamingTextCommand {
    func run() throws {
        try reportingErrors {
            let sink = try ByteSink(output: output, input: input.input, language: input.language.lang)
            try stream(to: sink)
            try sink.finish()
        }
    }

    /// The command's whole output, in memory (for tests).
    func render() throws -> String {
        let sink = ByteSink()
        try stream(to: sink)
        return sink.text
    }
}
