import ArgumentParser

/// The `kiennghi` command: reads Vietnamese petitions, says what they are about and who must answer.
public struct KienNghiCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kiennghi",
        abstract: "Đọc kiến nghị tiếng Việt, phân loại theo chủ đề và gợi ý cơ quan trả lời.",
        subcommands: [
            NormalizeCommand.self, TokenizeCommand.self, ClassifyCommand.self, RouteCommand.self, StatsCommand.self,
            ReportCommand.self, ClassifyTextCommand.self, EvaluateCommand.self, LexiconCommand.self, CaseCommand.self,
        ]
    )

    public init() {}
}
