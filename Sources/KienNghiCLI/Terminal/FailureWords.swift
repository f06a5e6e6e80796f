import KienNghiCore

extension FailurePresenter {
    /// The CLI's words for failures: the core's sentences, with the advice
    /// naming the flags that fix them (`--text-column`, `--encoding`…).
    static func commandLine(_ l: Language) -> FailurePresenter {
        let encodings = FailurePresenter(language: l).encodingNames
        return FailurePresenter(
            language: l,
            advice: [
                .textColumn: l.pick(
                    " Chỉ rõ bằng --text-column TÊN_CỘT hoặc số thứ tự cột.",
                    " Name it with --text-column NAME or its number."
                ),
                .inputFormat: l.pick(
                    " Dùng .csv, .tsv, .txt, .jsonl, .xlsx hoặc .docx, hoặc nêu rõ bằng --input-format (ví dụ --input-format csv).",
                    " Use .csv, .tsv, .txt, .jsonl, .xlsx or .docx, or name it with --input-format (e.g. --input-format csv)."
                ),
                .unknownSheet: l.pick(" Chọn một trang có thật bằng --sheet.", " Pick an existing one with --sheet."),
                .headerOnlySheet: l.pick(
                    " Kiểm tra xem có đúng tệp/trang tính không (--sheet), hoặc thêm các dòng kiến nghị dưới dòng tên cột.",
                    " Check that this is the right file or sheet (--sheet), or add the petitions below the header row."
                ),
                .headerRow: l.pick(
                    " Nếu đó là kiến nghị, chạy lại với --header none (bảng không có dòng tên cột); nếu tên cột ở dòng khác, --header SỐ_DÒNG.",
                    " If it is a petition, run again with --header none (the table has no header row); if the column names are on another row, --header ROW."
                ),
                .titleRow: l.pick(
                    " Với một bảng, --header none đọc mọi dòng là kiến nghị.",
                    " In a table, --header none reads every row as a petition."),
                .headingLine: l.pick(
                    " Nếu đó là kiến nghị, chạy lại với --header none để đọc mọi dòng.",
                    " If it is a petition, run again with --header none to read every line."),
                .closingLine: l.pick(
                    " Nếu đó là kiến nghị, chạy lại với --header none để đọc mọi dòng (với bảng Excel hoặc CSV, kèm --text-column SỐ_CỘT; dòng tên cột khi đó cũng được đọc).",
                    " If it is a petition, run again with --header none to read every line (for an Excel or CSV table, with --text-column NUMBER; the header row is then read too)."
                ),
                .invalidUTF8: l.pick(
                    " Hãy chuyển tệp sang Unicode (UTF-8), hoặc chạy với --lenient để thay các byte lỗi bằng � và đếm chúng, hoặc chỉ rõ bảng mã bằng --encoding.",
                    " Convert the file to Unicode (UTF-8), or run with --lenient to replace bad bytes with � and count them, or name the encoding with --encoding."
                ),
                .invalidBytes: l.pick(
                    " Kiểm tra lại --encoding, hoặc dùng --lenient.", " Check --encoding, or use --lenient."),
                .undetectable: l.pick(
                    " Hãy chỉ rõ bằng --encoding (\(encodings)).",
                    " Name it with --encoding (\(encodings))."),
                .truncatedUTF16: l.pick(
                    " Dùng --lenient để bỏ qua byte cuối.", " Use --lenient to ignore the last byte."),
                .singleByteLinesInUTF16: l.pick(
                    " Lưu lại tệp bằng một bảng mã (UTF-8), hoặc chỉ rõ bảng mã đúng bằng --encoding.",
                    " Save the file in one encoding (UTF-8), or name the right one with --encoding."),
            ])
    }
}

// The CLI words every failure through its presenter; these read as before at the call sites.

extension InputFailure {
    /// What happened and what to do, with the CLI's flags.
    package func message(_ l: Language) -> String { FailurePresenter.commandLine(l).message(self) }
}

extension TextDecodingFailure {
    /// What happened in `file` and what to do, with the CLI's flags.
    package func message(file: String, language: Language) -> String {
        FailurePresenter.commandLine(language).message(self, file: file)
    }
}

extension OfficeFailure {
    /// What happened in `file` and what to do, with the CLI's flags.
    package func message(file: String, language: Language) -> String {
        FailurePresenter.commandLine(language).message(self, file: file)
    }
}

extension RejectedRow {
    /// `file:line (byte N): what was wrong. What to do.`
    package func message(_ l: Language) -> String { FailurePresenter.commandLine(l).rejection(self) }
}

extension RejectedRow.Reason {
    /// A short name for summaries.
    package func label(_ l: Language) -> String { FailurePresenter(language: l).label(self) }
}

extension PileSummary {
    /// The accounting line.
    package func line(_ l: Language) -> String { FailurePresenter(language: l).summary(self) }
}
