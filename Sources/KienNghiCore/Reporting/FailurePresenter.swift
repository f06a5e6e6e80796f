/// Words the failures of reading input in one language: whole files that
/// cannot be read (``InputFailure``, ``TextDecodingFailure``,
/// ``OfficeFailure``), rejected rows and the accounting line. The failures
/// themselves are data (cases with their file, line, byte offset, cell); this
/// is where they become sentences, so a caller picks the language at the edge.
/// No sentence names a command-line flag: a front end (the CLI) passes its own
/// advice for the few failures a setting can fix (``FailureAdvice``).
public struct FailurePresenter: Sendable {
    /// The language of every string this presenter returns.
    public let language: Language
    /// Advice a front end words itself (e.g. naming its flags), in ``language``.
    package let advice: [FailureAdvice: String]

    /// A presenter for `language` with advice that names no command-line flag.
    public init(language: Language) {
        self.init(language: language, advice: [:])
    }

    /// A presenter whose advice for some failures comes from the front end.
    package init(language: Language, advice: [FailureAdvice: String]) {
        self.language = language
        self.advice = advice
    }

    /// The front end's advice for `key`, else the neutral one.
    func advise(_ key: FailureAdvice, _ vi: String, _ en: String) -> String {
        advice[key] ?? language.pick(vi, en)
    }

    /// The encodings one can name, with "or any ICU converter name" in this language.
    package var encodingNames: String {
        TextEncoding.knownNames
            + language.pick(" (hoặc tên bộ chuyển mã ICU bất kỳ)", " (or any ICU converter name)")
    }
}

/// The failures whose remedy is a setting of the front end (a flag of the
/// CLI, an option of ``PetitionSourceOptions`` for a library user).
package enum FailureAdvice: Hashable, Sendable {
    /// Which column holds the text.
    case textColumn
    /// Which format the input is in.
    case inputFormat
    /// Not UTF-8: convert, read leniently, or name the encoding.
    case invalidUTF8
    /// Bytes the named encoding cannot decode.
    case invalidBytes
    /// The encoding cannot be detected.
    case undetectable
    /// A UTF-16 file with an odd length.
    case truncatedUTF16
    /// Single-byte text inside UTF-16: save in one encoding, or name the right one.
    case singleByteLinesInUTF16
    /// A sheet that does not exist.
    case unknownSheet
    /// A sheet with a header row and no petition.
    case headerOnlySheet
    /// Which row holds a table's column names, if any.
    case headerRow
    /// A table row taken for a title: how to have it read (nothing by default).
    case titleRow
    /// A line taken for a document's heading: how to have it read (nothing by default).
    case headingLine
    /// A line or row taken for a document's closing: how to have it read (nothing by default).
    case closingLine
}

extension FailurePresenter {
    /// What happened and what to do, for a person.
    public func message(_ failure: InputFailure) -> String {
        let l = language
        switch failure {
        case .missing(let path):
            return l.pick(
                "Không tìm thấy tệp \(path). Kiểm tra lại đường dẫn.", "File not found: \(path). Check the path.")
        case .unreadable(let path):
            return l.pick(
                "Không đọc được \(path) (kiểm tra quyền đọc, hoặc đó là thư mục).",
                "Cannot read \(path) (check permissions, or it is a folder).")
        case .isDirectory(let path):
            return l.pick(
                "\(path) là một thư mục, không phải tệp. Hãy nêu từng tệp trong đó (ví dụ \(path)/*.xlsx).",
                "\(path) is a folder, not a file. Name the files in it (e.g. \(path)/*.xlsx).")
        case .empty(let path):
            return l.pick(
                "\(path) trống: không có kiến nghị nào để xử lý.",
                "\(path) is empty: there are no petitions to process.")
        case .decoding(let path, let failure):
            return message(failure, file: path)
        case .noTextColumn(let path, let columns):
            return l.pick(
                "\(path): không biết cột nào chứa nội dung kiến nghị (các cột: \(columns.joined(separator: ", "))).",
                "\(path): cannot tell which column holds the petition text (columns: \(columns.joined(separator: ", ")))."
            )
                + advise(
                    .textColumn, " Hãy chỉ rõ cột chứa nội dung (tên hoặc số thứ tự cột).",
                    " Name the column that holds the text (its name or number).")
        case .unknownColumn(let path, let name, let columns):
            return l.pick(
                "\(path): không có cột \"\(name)\" (các cột: \(columns.joined(separator: ", "))).",
                "\(path): there is no column \"\(name)\" (columns: \(columns.joined(separator: ", "))).")
        case .unsupportedFormat(let path):
            return l.pick("\(path): không nhận ra định dạng.", "\(path): unknown format.")
                + advise(
                    .inputFormat, " Dùng .csv, .tsv, .txt, .jsonl, .xlsx hoặc .docx, hoặc nêu rõ định dạng.",
                    " Use .csv, .tsv, .txt, .jsonl, .xlsx or .docx, or name the format.")
        case .corrupt(let path, let detail):
            return l.pick(
                "\(path): tệp hỏng hoặc không đúng định dạng (\(detail)). Mở lại bằng Excel/Word và lưu lại, hoặc xuất ra CSV.",
                "\(path): the file is damaged or not in the expected format (\(detail)). Open and save it again in Excel/Word, or export it to CSV."
            )
        case .office(let path, let failure):
            return message(failure, file: path)
        case .tooLarge(let path, let detail):
            return l.pick(
                "\(path): tệp vượt giới hạn an toàn (\(detail)). Tách tệp thành nhiều phần hoặc xuất ra CSV.",
                "\(path): the file exceeds the safety limits (\(detail)). Split it, or export it to CSV.")
        case .headerOnly(let path, let columns, let titles):
            let shown = columns.prefix(8).joined(separator: ", ") + (columns.count > 8 ? ", …" : "")
            let above =
                titles > 0
                ? l.pick(" và \(titles) dòng tiêu đề", titles == 1 ? " and 1 title row" : " and \(titles) title rows")
                : ""
            return l.pick(
                "\(path): chỉ có dòng tên cột (\(shown))\(above), không có kiến nghị nào bên dưới. Kiểm tra xem có đúng tệp không, hoặc thêm các dòng kiến nghị dưới dòng tên cột.",
                "\(path): only a header row (\(shown))\(above), no petition below it. Check that this is the right file, or add the petitions below the header row."
            )
        case .pipedPackageTooLarge(let path, let limit):
            return l.pick(
                "\(path): tệp Excel/Word đưa qua đường ống (pipe) hoặc đầu vào chuẩn phải được giữ cả trong bộ nhớ, tối đa \(limit >> 20) MiB. Lưu thành tệp thường rồi chạy lại với tên tệp đó.",
                "\(path): an Excel/Word file given through a pipe or standard input must be held whole in memory, at most \(limit >> 20) MiB. Save it as a regular file and run again with that file's name."
            )
        case .noHeaderRow(let path, let row, let searched):
            let range = searched.map {
                l.pick(
                    " (tìm trong các dòng \($0.lowerBound)–\($0.upperBound))",
                    " (looked in rows \($0.lowerBound)–\($0.upperBound))")
            }
            return l.pick(
                "\(path): dòng \(row) trống hoặc không nằm trong phần đầu bảng\(range ?? ""), không thể là dòng tên cột. Nêu số của dòng chứa tên cột (đánh số như trong các thông báo về tệp), hoặc để tự nhận.",
                "\(path): row \(row) is blank or not in the top of the table\(range ?? ""), so it cannot be the header row. Name the row holding the column names (numbered as in the messages about the file), or leave it to detection."
            )
        case .titleAsHeaderRow(let path, let row):
            return l.pick(
                "\(path): dòng \(row) chỉ có một ô trong khi các dòng bên dưới có nhiều ô: đó là dòng tiêu đề, không phải dòng tên cột. Nêu số của dòng chứa tên các cột, hoặc để tự nhận.",
                "\(path): row \(row) holds one cell above rows of several: it is a title, not the header row. Name the row holding the column names, or leave it to detection."
            )
        case .headerRowInsideList(let path, let row, let above):
            return l.pick(
                "\(path): dòng \(row) nằm trong danh sách (số thứ tự chạy tiếp qua nó, hoặc các dòng phía trên có cùng dạng với các dòng bên dưới): \(above) dòng phía trên nó sẽ bị bỏ qua như dòng tiêu đề. Nêu dòng chứa tên các cột, cho biết bảng không có dòng tên cột, hoặc để tự nhận.",
                "\(path): row \(row) lies inside the list (its numbers run on across it, or the rows above are shaped as those below): \(above) rows above it would be skipped as titles. Name the row holding the column names, say the table has no header row, or leave it to detection."
            )
        case .tooManyTableColumns(let path, let limit):
            return l.pick(
                "\(path): các bảng kiến nghị trong tài liệu có tổng cộng hơn \(limit) cột khác tên nhau. Chỉ giữ lại các cột cần thiết (hoặc gộp các danh sách vào một bảng) rồi chạy lại.",
                "\(path): the document's petition tables name more than \(limit) different columns together. Keep only the columns you need (or put the lists in one table) and run again."
            )
        case .columnsBeyondPile(let path, let limit):
            return l.pick(
                "\(path): không gộp được các cột của tệp này với các tệp trước (quá \(limit) cột khác tên nhau, hoặc tệp đã thay đổi trong lúc đọc). Chạy riêng tệp này.",
                "\(path): this file's columns cannot join the earlier files' (more than \(limit) different columns together, or the file changed while being read). Run it on its own."
            )
        case .tooManyColumns(let path, let found, let limit):
            return l.pick(
                "\(path): dòng đầu có \(found) cột, nhiều hơn giới hạn \(limit). Kiểm tra dấu phân cách (tệp có đúng là CSV/TSV?) hoặc chỉ giữ lại các cột cần thiết rồi chạy lại.",
                "\(path): the first row has \(found) columns, more than the limit of \(limit). Check the delimiter (is it really CSV/TSV?) or keep only the columns you need, and run again."
            )
        }
    }

    /// A header row that may be a petition: where, what, and how to read it as one.
    public func message(_ header: DoubtfulHeader, file: String) -> String {
        let shown = header.text.count > 70 ? String(header.text.prefix(70)) + "…" : header.text
        return language.pick(
            "\(file): dòng \(header.location) được đọc là dòng tên cột (\"\(shown)\"), không phải kiến nghị.",
            "\(file): row \(header.location) is read as the header row (\"\(shown)\"), not as a petition.")
            + advise(
                .headerRow, " Nếu đó là một kiến nghị, hãy cho biết bảng không có dòng tên cột.",
                " If it is a petition, say that the table has no header row.")
    }

    /// `file: sheet "X" (part), byte N: what happened. What to do.`
    public func message(_ failure: OfficeFailure, file: String) -> String {
        let l = language
        let (sheet, part, offset, problem) = (failure.sheet, failure.part, failure.offset, failure.problem)
        var place = file
        if let sheet { place += l.pick(", trang tính \"\(sheet)\"", ", sheet \"\(sheet)\"") }
        if let part { place += " (\(part))" }
        if let offset { place += l.pick(", byte \(offset)", ", byte \(offset)") }
        let resave = l.pick(
            "Mở tệp bằng Excel/Word (hoặc LibreOffice) rồi lưu lại, hoặc xuất ra CSV, rồi chạy lại.",
            "Open the file in Excel/Word (or LibreOffice) and save it again, or export it to CSV, then run again.")
        let split = l.pick(
            "Tách tệp thành nhiều tệp nhỏ hơn hoặc xuất ra CSV.", "Split it into smaller files or export it to CSV.")
        switch problem {
        case .notAPackage:
            return l.pick(
                "\(place): không phải tệp Office (XLSX/DOCX là tệp ZIP). Tệp .xls/.doc cũ hoặc tệp bị đổi đuôi? \(resave)",
                "\(place): not an Office file (XLSX/DOCX are ZIP packages). An old .xls/.doc, or a renamed file? \(resave)"
            )
        case .passwordProtected:
            return l.pick(
                "\(place): tệp được đặt mật khẩu (mã hoá), KienNghi không đọc được. Nếu Excel/Word hỏi mật khẩu khi mở: mở tệp, nhập mật khẩu, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ > Mã hoá bằng mật khẩu, xoá trống) rồi lưu lại. Nếu tệp được nén kèm mật khẩu bằng phần mềm nén (WinRAR, 7-Zip…): giải nén để lấy tệp gốc. Hoặc xuất ra CSV, rồi chạy lại.",
                "\(place): the file is encrypted with a password, which KienNghi cannot read. If Excel/Word asks for a password when opening it: open it, enter the password, remove it (File > Info > Protect > Encrypt with Password, clear it) and save. If it was zipped with a password by an archiver (WinRAR, 7-Zip…): extract the original file. Or export it to CSV, then run again."
            )
        case .unsupportedCompression(let method):
            return l.pick(
                "\(place): phần này được nén theo cách số \(method) (Deflate64, BZIP2, LZMA… do một phần mềm nén tạo ra, Excel/Word không dùng), KienNghi không giải nén được. \(resave)",
                "\(place): this part is compressed by ZIP method \(method) (Deflate64, BZIP2, LZMA…, made by an archiver, never by Excel/Word), which KienNghi cannot decompress. \(resave)"
            )
        case .damagedPackage:
            return l.pick(
                "\(place): tệp Office (ZIP) bị hỏng hoặc bị cắt cụt (tải về/sao chép chưa xong?). Lấy lại bản đầy đủ, hoặc mở bằng Excel/Word để sửa rồi lưu lại.",
                "\(place): the Office file (a ZIP package) is damaged or cut short (an unfinished download or copy?). Get a complete copy, or open it in Excel/Word to repair it and save it again."
            )
        case .missingPart:
            return l.pick(
                "\(place): thiếu phần bắt buộc của tệp Office. \(resave)",
                "\(place): a required part of the Office file is missing. \(resave)")
        case .damagedEntry:
            return l.pick(
                "\(place): không giải nén được (tệp ZIP hỏng). \(resave)",
                "\(place): cannot be decompressed (damaged ZIP). \(resave)")
        case .invalidUTF8:
            return l.pick(
                "\(place): tệp hỏng, có byte không phải UTF-8 trong XML. \(resave)",
                "\(place): corrupt file, bytes that are not UTF-8 inside the XML. \(resave)")
        case .notUTF8:
            return l.pick("\(place): XML không ở dạng UTF-8. \(resave)", "\(place): the XML is not UTF-8. \(resave)")
        case .malformedXML:
            return l.pick(
                "\(place): tệp hỏng, XML sai cú pháp. \(resave)", "\(place): corrupt file, malformed XML. \(resave)")
        case .truncatedXML:
            return l.pick(
                "\(place): tệp hỏng, XML bị cắt cụt giữa chừng. \(resave)",
                "\(place): corrupt file, the XML stops half-way. \(resave)")
        case .nestingTooDeep(let limit):
            return l.pick(
                "\(place): XML lồng nhau quá \(limit) tầng. \(resave)",
                "\(place): XML nested deeper than \(limit) levels. \(resave)")
        case .tokenTooLarge(let limit):
            return l.pick(
                "\(place): một ô hoặc một thẻ XML dài quá \(limit / 1_048_576) MiB. \(split)",
                "\(place): one cell or XML tag is longer than \(limit / 1_048_576) MiB. \(split)")
        case .partTooLarge(let limit):
            return l.pick(
                "\(place): giải nén ra hơn \(limit / 1_048_576) MiB. \(split)",
                "\(place): expands to more than \(limit / 1_048_576) MiB. \(split)")
        case .packageTooLarge(let limit):
            return l.pick(
                "\(place): cả tệp giải nén ra hơn \(limit / 1_048_576) MiB. \(split)",
                "\(place): the whole file expands to more than \(limit / 1_048_576) MiB. \(split)")
        case .compressionRatio(let ratio, let limit):
            return l.pick(
                "\(place): nén với tỉ lệ \(ratio):1 (giới hạn \(limit):1), nghi là bom ZIP. Nếu tệp đáng tin, hãy xuất ra CSV.",
                "\(place): compressed \(ratio):1 (limit \(limit):1), a likely zip bomb. If you trust the file, export it to CSV."
            )
        case .unknownSheet(let name, let sheets):
            return l.pick(
                "\(place): không có trang tính \"\(name)\" (các trang: \(sheets.joined(separator: ", "))).",
                "\(place): there is no sheet \"\(name)\" (sheets: \(sheets.joined(separator: ", ")))."
            ) + advise(.unknownSheet, " Chọn một trang có thật.", " Pick an existing one.")
        case .duplicatePart(let name):
            return l.pick(
                "\(place): phần \(name) có hai lần trong tệp (tệp bị sửa bằng công cụ khác hoặc bị làm giả); không đoán bản nào đúng. \(resave)",
                "\(place): the part \(name) appears twice in the package (edited by another tool, or forged); neither copy is guessed. \(resave)"
            )
        case .emptySheet(let name, let others):
            let quoted = others.map { "\"\($0)\"" }.joined(separator: ", ")
            return l.pick(
                "\(place): trang tính đầu \"\(name)\" trống; dữ liệu nằm ở trang khác: \(quoted).",
                "\(place): the first sheet \"\(name)\" is empty; data is on other sheets: \(quoted)."
            ) + advise(.unknownSheet, " Chọn trang cần đọc.", " Pick the one to read.")
        case .badCell(let reference, let cell):
            return l.pick(
                "\(place), ô \(reference): \(describe(cell)) \(resave)",
                "\(place), cell \(reference): \(describe(cell)) \(resave)")
        case .noPetitions(let skipped) where sheet != nil:
            let above = skipped > 1 ? l.pick(" và \(skipped - 1) dòng tiêu đề", " and \(skipped - 1) title rows") : ""
            return l.pick(
                "\(place): chỉ có dòng tên cột\(above), không có kiến nghị nào bên dưới.",
                "\(place): only a header row\(above), no petition below it.")
                + advise(
                    .headerOnlySheet,
                    " Kiểm tra xem có đúng tệp/trang tính không, hoặc thêm các dòng kiến nghị dưới dòng tên cột.",
                    " Check that this is the right file or sheet, or add the petitions below the header row.")
        case .noPetitions(let skipped):
            return l.pick(
                "\(place): không tìm thấy kiến nghị nào (chỉ có \(skipped) tiêu đề/đề mục). Mỗi kiến nghị phải là một đoạn văn bản thường, một mục đánh số hoặc một dòng của bảng.",
                "\(place): no petition found (only \(skipped) headings/titles). Each petition must be a plain paragraph, a numbered item or a table row."
            )
        }
    }

    /// `file:line: what went wrong (detail). What to do.`
    public func rejection(_ row: RejectedRow) -> String {
        let l = language
        let (file, location, byteOffset, reason, detail) = (
            row.file, row.location, row.byteOffset, row.reason, row.detail
        )
        let what: String
        let fix: String
        switch reason {
        case .emptyText:
            what = l.pick("nội dung kiến nghị trống", "the petition text is empty")
            fix = l.pick("Điền nội dung vào ô đó hoặc xoá dòng.", "Fill in the text or delete the row.")
        case .malformedRow:
            what = l.pick("dòng CSV sai định dạng", "malformed CSV row")
            fix = l.pick(
                "Ô có dấu phẩy, xuống dòng hoặc dấu \" phải nằm trong ngoặc kép \"…\", và dấu \" bên trong viết thành \"\". Sửa dòng đó rồi chạy lại.",
                "A cell with a comma, line break or \" must be wrapped in \"…\", with inner \" written as \"\". Fix the row and run again."
            )
        case .malformedJSON:
            what = l.pick("dòng JSON không đọc được", "unreadable JSON line")
            fix = l.pick(
                "Mỗi dòng phải là một đối tượng JSON có trường \"text\", ví dụ {\"id\": \"1\", \"text\": \"…\"}.",
                "Each line must be one JSON object with a \"text\" field, e.g. {\"id\": \"1\", \"text\": \"…\"}.")
        case .outsideList:
            what = l.pick(
                "đoạn đứng trước mục đánh số đầu tiên (tiêu đề, lời mở đầu)",
                "paragraph before the first numbered item (heading or preamble)")
            fix = l.pick(
                "Không tính là kiến nghị; nếu đó là kiến nghị, hãy đánh số cho nó.",
                "Not counted as a petition; if it is one, number it.")
        case .badCell:
            what = l.pick("dòng có ô hỏng, cả dòng bị loại", "the row has a damaged cell and is left out")
            fix = l.pick(
                "Mở tệp bằng Excel hoặc LibreOffice, kiểm tra ô đó, lưu lại rồi chạy lại.",
                "Open the file in Excel or LibreOffice, check that cell, save and run again.")
        case .title:
            what = l.pick("dòng tiêu đề (không phải kiến nghị), bỏ qua", "title row (not a petition), skipped")
            fix =
                l.pick(
                    "Không cần làm gì; nếu đó là kiến nghị, hãy đặt nó dưới dòng tên cột (Excel) hoặc bỏ kiểu tiêu đề (Word).",
                    "Nothing to do; if it is a petition, move it below the header row (Excel) or remove its heading style (Word)."
                ) + advise(.titleRow, "", "")
        case .heading, .closing:
            what =
                reason == .heading
                ? l.pick(
                    "dòng đầu văn bản (tên cơ quan, quốc hiệu, số, ngày, tên văn bản), không phải kiến nghị, bỏ qua",
                    "a document's heading line (issuing body, national motto, number, date, title), not a petition, skipped"
                )
                : l.pick(
                    "dòng cuối văn bản (nơi nhận, địa danh và ngày, chức vụ, chữ ký, họ tên người ký), không phải kiến nghị, bỏ qua",
                    "a document's closing line (recipients, place and date, position, signature, signer's name), not a petition, skipped"
                )
            fix =
                l.pick("Không cần làm gì.", "Nothing to do.")
                + advise(reason == .heading ? .headingLine : .closingLine, "", "")
        case .outsideTable:
            what = l.pick("đoạn văn nằm ngoài bảng kiến nghị, bỏ qua", "paragraph outside the petition table, skipped")
            fix = l.pick(
                "Nếu đó là kiến nghị, hãy đưa nó vào một dòng của bảng.",
                "If it is a petition, move it into a row of the table.")
        case .otherTable:
            what = l.pick(
                "dòng của một bảng không phải danh sách kiến nghị, bỏ qua",
                "row of a table that is no petition list, skipped")
            fix = l.pick(
                "Nếu các dòng của bảng đó là kiến nghị: ghi \"Nội dung kiến nghị\" làm tên cột nội dung ở dòng đầu bảng, bỏ các cột không thuộc danh sách kiến nghị (thời gian, kết quả, số lượng, tỷ lệ, kinh phí…) hoặc chép các dòng đó sang bảng kiến nghị, rồi chạy lại.",
                "If that table's rows are petitions: head its text column \"Nội dung kiến nghị\" in its first row, remove the columns no petition list has (time, result, count, rate, budget…) or copy the rows into the petition table, and run again."
            )
        case .tooLong:
            what = l.pick("dòng/ô quá dài", "the row or cell is too long")
            fix = l.pick(
                "Mỗi kiến nghị tối đa \(InputLimits.maxPetitionBytes / 1_048_576) MiB chữ: kiểm tra xem có phải nhiều kiến nghị dính liền (thiếu xuống dòng, thiếu dấu \") hay dữ liệu rác; tách hoặc sửa rồi chạy lại.",
                "A petition holds at most \(InputLimits.maxPetitionBytes / 1_048_576) MiB of text: check for petitions run together (a missing line break or \") or junk data; split or fix it and run again."
            )
        case .controlCharacter:
            what = l.pick(
                "dòng chứa ký tự điều khiển (dữ liệu hỏng hoặc nhị phân), cả dòng bị loại",
                "the row holds a control character (damaged or binary data) and is left out")
            fix = l.pick(
                "Mở tệp, xoá ký tự lạ trong dòng đó (thường do tệp bị hỏng hoặc xuất sai) rồi chạy lại.",
                "Open the file, delete the stray character in that row (usually a damaged file or a bad export), and run again."
            )
        case .badID:
            what = l.pick(
                "trường \"id\" không phải chuỗi hoặc số, cả dòng bị loại",
                "the \"id\" field is not a string or a number, and the line is left out")
            fix = l.pick(
                "Ghi id là chuỗi (\"id\": \"A-12\") hoặc số (\"id\": 12), hoặc bỏ trường id để dùng số dòng.",
                "Write the id as a string (\"id\": \"A-12\") or a number (\"id\": 12), or leave it out to use the line number."
            )
        }
        let detailText: String
        switch detail {
        case .none: detailText = ""
        case .misplacedQuote: detailText = l.pick(" (dấu \" đặt sai chỗ)", " (misplaced \")")
        case .unterminatedQuote: detailText = l.pick(" (dấu \" mở mà không đóng)", " (a \" is opened but never closed)")
        case .cellCount(let found, let expected):
            detailText = l.pick(
                " (\(found) ô, dòng tiêu đề có \(expected))", " (\(found) cells, the header has \(expected))")
        case .excerpt(let text): detailText = " («\(RejectedRow.excerpt(of: Array(text.utf8)))»)"
        case .cell(let sheet, let reference, let problem):
            detailText = l.pick(
                " (trang \"\(sheet)\", ô \(reference): \(describe(problem)))",
                " (sheet \"\(sheet)\", cell \(reference): \(describe(problem)))")
        case .length(let bytes, let limit):
            detailText = l.pick(" (\(bytes) byte, giới hạn \(limit))", " (\(bytes) bytes, limit \(limit))")
        case .unclosedQuote(let lastLine) where lastLine == location:
            detailText = l.pick(
                " (dấu \" mở mà không đóng: dòng \(location) không đọc được)",
                " (a \" is opened but never closed: line \(location) could not be read)")
        case .unclosedQuote(let lastLine):
            detailText = l.pick(
                " (dấu \" mở mà không đóng: các dòng \(location)–\(lastLine) không đọc được)",
                " (a \" is opened but never closed: lines \(location)–\(lastLine) could not be read)")
        case .missingText(let keys):
            let found = keys.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ") + (keys.count > 8 ? ", …" : "")
            detailText =
                keys.isEmpty
                ? l.pick(" (đối tượng rỗng)", " (an empty object)")
                : keys.contains("text")
                    ? l.pick(
                        " (trường \"text\" không phải chuỗi: hãy để nội dung kiến nghị trong dấu ngoặc kép)",
                        " (the \"text\" field is not a string: put the petition's words in quotes)")
                    : l.pick(
                        " (không có trường \"text\" là chuỗi; có: \(found); tên trường phân biệt hoa thường)",
                        " (no \"text\" string field; it has: \(found); field names are case-sensitive)")
        case .duplicateKey(let key):
            detailText = l.pick(
                " (khoá \"\(key)\" có hai lần: không rõ dùng giá trị nào; các công cụ khác lấy giá trị cuối)",
                " (key \"\(key)\" appears twice: which value counts is ambiguous; other tools take the last one)")
        case .controlCharacter(let code, let column):
            let name = RejectedRow.controlName(code)
            detailText =
                column.map { l.pick(" (\(name) trong cột \"\($0)\")", " (\(name) in column \"\($0)\")") }
                ?? " (\(name))"
        }
        let at = byteOffset.map { l.pick(" (byte \($0))", " (byte \($0))") } ?? ""
        return "\(file):\(location)\(at): \(what)\(detailText). \(fix)"
    }

    /// A short name for summaries.
    public func label(_ reason: RejectedRow.Reason) -> String {
        let l = language
        return switch reason {
        case .emptyText: l.pick("nội dung trống", "empty text")
        case .malformedRow: l.pick("dòng CSV sai", "malformed CSV row")
        case .malformedJSON: l.pick("dòng JSON sai", "bad JSON line")
        case .outsideList: l.pick("tiêu đề/lời mở đầu", "heading/preamble")
        case .badCell: l.pick("ô hỏng", "damaged cell")
        case .title: l.pick("dòng tiêu đề", "title row")
        case .heading: l.pick("dòng đầu văn bản", "document heading")
        case .closing: l.pick("dòng cuối văn bản", "document closing")
        case .outsideTable: l.pick("đoạn ngoài bảng", "paragraph outside the table")
        case .otherTable: l.pick("dòng của bảng khác", "row of another table")
        case .tooLong: l.pick("quá dài", "too long")
        case .controlCharacter: l.pick("ký tự điều khiển", "control character")
        case .badID: l.pick("id sai", "bad id")
        }
    }

    /// What is wrong, in one sentence.
    public func describe(_ problem: CellProblem) -> String {
        let l = language
        return switch problem {
        case .missingSharedString(let index, let count):
            l.pick(
                "ô trỏ tới chuỗi số \(index) nhưng bảng chuỗi chỉ có \(count) chuỗi (tệp hỏng).",
                "the cell points to shared string \(index) but the string table holds only \(count) (corrupt file).")
        case .beyondGrid:
            l.pick(
                "địa chỉ ô vượt giới hạn của Excel (16.384 cột, 1.048.576 dòng).",
                "the reference lies beyond Excel's grid (16,384 columns, 1,048,576 rows).")
        case .badReference:
            l.pick("địa chỉ ô không hợp lệ.", "the cell reference is not valid.")
        case .tooLong(let limit):
            l.pick("ô dài hơn \(limit / 1024) KiB.", "the cell is longer than \(limit / 1024) KiB.")
        case .outOfOrder:
            l.pick(
                "dòng hoặc ô này đánh số trùng hoặc lùi so với dòng, ô đã đọc trước nó (tệp hỏng).",
                "this row or cell is numbered at or before one read earlier (corrupt file).")
        case .beyondColumnLimit(let limit):
            l.pick(
                "ô có chữ nằm ngoài \(limit) cột đầu tiên, số cột nhiều nhất được đọc; xoá ô lạc đó hoặc chuyển vào trong bảng.",
                "a filled cell lies beyond the first \(limit) columns, the most that are read; delete the stray cell or move it into the table."
            )
        }
    }

    /// One line: rows read = classified + sent to review + rejected (and why).
    public func summary(_ summary: PileSummary) -> String {
        let l = language
        let (rows, classified, review, rejectedCount, urgent, failedFiles) = (
            summary.rows, summary.classified, summary.review, summary.rejectedCount, summary.urgent, summary.failedFiles
        )
        let rejectedByReason = summary.rejectedByReason
        let why = rejectedByReason.map { (label($0.key), $0.value) }.sorted { $0.0 < $1.0 }
            .map { "\($0.0): \($0.1)" }.joined(separator: ", ")
        var text = l.pick(
            "Đã đọc \(rows) dòng = phân loại \(classified - review) + chờ xem xét \(review) + loại bỏ \(rejectedCount)",
            "Read \(rows) rows = classified \(classified - review) + sent to review \(review) + rejected \(rejectedCount)"
        )
        if !why.isEmpty { text += " (\(why))" }
        text += l.pick("; khẩn \(urgent)", "; urgent \(urgent)")
        if !failedFiles.isEmpty {
            text += l.pick("; \(failedFiles.count) tệp không đọc được", "; \(failedFiles.count) files unreadable")
        }
        return text + "."
    }
}

extension FailurePresenter {
    /// What happened and what to do, for a person, naming the file.
    public func message(_ failure: TextDecodingFailure, file: String) -> String {
        let l = language
        switch failure {
        case .invalidUTF8(let offset, let byte, let looksMixed):
            let hex = String(byte, radix: 16, uppercase: true)
            let head = l.pick(
                "\(file): byte \(offset) (0x\(hex)) không phải UTF-8 hợp lệ.",
                "\(file): byte \(offset) (0x\(hex)) is not valid UTF-8.")
            let why =
                looksMixed
                ? l.pick(
                    " Phần lớn tệp là UTF-8, có lẽ tệp trộn hai bảng mã (ví dụ dán văn bản TCVN3/VNI vào văn bản Unicode).",
                    " Most of the file is UTF-8; it probably mixes two encodings (e.g. TCVN3/VNI text pasted into Unicode text)."
                )
                : ""
            return head + why
                + advise(
                    .invalidUTF8,
                    " Hãy chuyển tệp sang Unicode (UTF-8), hoặc đọc ở chế độ dễ dãi (thay các byte lỗi bằng � và đếm chúng), hoặc chỉ rõ bảng mã.",
                    " Convert the file to Unicode (UTF-8), or read it leniently (bad bytes replaced with � and counted), or name its encoding."
                )
        case .invalidBytes(let encoding, let offset):
            return l.pick(
                "\(file): byte \(offset) không giải mã được bằng bảng mã \(encoding).",
                "\(file): byte \(offset) cannot be decoded as \(encoding).")
                + advise(
                    .invalidBytes, " Kiểm tra lại bảng mã, hoặc đọc ở chế độ dễ dãi.",
                    " Check the encoding, or read it leniently.")
        case .undetectable(let guess, let confidence):
            let percent = Int((confidence * 100).rounded())
            return l.pick(
                "\(file): không nhận ra bảng mã (khả năng cao nhất: \(guess), độ tin cậy \(percent)%).",
                "\(file): cannot tell the encoding (best guess: \(guess), confidence \(percent)%).")
                + advise(
                    .undetectable, " Hãy chỉ rõ bảng mã (\(encodingNames)).",
                    " Name the encoding (\(encodingNames)).")
        case .unknownEncoding(let name):
            return l.pick(
                "Không biết bảng mã \"\(name)\". Các bảng mã dùng được: \(encodingNames).",
                "Unknown encoding \"\(name)\". Known encodings: \(encodingNames).")
        case .singleByteLinesInUTF16(let encoding, let offset):
            return l.pick(
                "\(file): từ byte \(offset), tệp không còn là \(encoding): có ngắt dòng của văn bản một byte (UTF-8, ASCII). Tệp có lẽ trộn hai bảng mã, hoặc bảng mã chỉ định sai; đọc tiếp thì các kiến nghị sẽ dính thành một.",
                "\(file): from byte \(offset) on, the file is not \(encoding): it holds line breaks of single-byte text (UTF-8, ASCII). It probably mixes two encodings, or the wrong one was named; read on, its petitions would run together into one."
            )
                + advise(
                    .singleByteLinesInUTF16, " Lưu lại tệp bằng một bảng mã (UTF-8), hoặc chỉ rõ bảng mã đúng.",
                    " Save the file in one encoding (UTF-8), or name the right one.")
        case .truncatedUTF16(let length):
            return l.pick(
                "\(file): tệp UTF-16 có số byte lẻ (\(length)), có lẽ bị cắt cụt.",
                "\(file): UTF-16 file has an odd number of bytes (\(length)); it is probably truncated.")
                + advise(
                    .truncatedUTF16, " Đọc ở chế độ dễ dãi để bỏ qua byte cuối.",
                    " Read it leniently to ignore the last byte.")
        case .binary(let format):
            return l.pick(
                "\(file): đây không phải tệp văn bản mà là \(name(format)). \(fix(format))",
                "\(file): this is not a text file but \(name(format)). \(fix(format))")
        }
    }
}

extension FailurePresenter {
    /// What the file is, for a person.
    package func name(_ format: BinaryFormat) -> String {
        let l = language
        return switch format {
        case .xlsx: l.pick("một tệp Excel .xlsx bị đổi đuôi", "an Excel .xlsx file with the wrong extension")
        case .docx: l.pick("một tệp Word .docx bị đổi đuôi", "a Word .docx file with the wrong extension")
        case .zip: l.pick("một tệp nén ZIP", "a ZIP archive")
        case .oldOffice: l.pick("một tệp Excel .xls (hoặc Word .doc) kiểu cũ", "an old Excel .xls (or Word .doc) file")
        case .pdf: l.pick("một tệp PDF", "a PDF file")
        case .png, .jpeg, .gif, .tiff, .webp, .bmp:
            l.pick("một ảnh \(format.rawValue.uppercased())", "a \(format.rawValue.uppercased()) image")
        case .gzip, .bzip2, .xz, .sevenZip, .rar:
            l.pick("một tệp nén \(format.rawValue)", "a \(format.rawValue) archive")
        case .elf, .windowsProgram: l.pick("một chương trình máy tính", "a computer program")
        case .sqlite: l.pick("một cơ sở dữ liệu SQLite", "an SQLite database")
        case .unknown:
            l.pick("dữ liệu nhị phân (có byte NUL/byte điều khiển)", "binary data (it holds NUL/control bytes)")
        }
    }

    /// What to do with it.
    package func fix(_ format: BinaryFormat) -> String {
        let l = language
        return switch format {
        case .xlsx: l.pick("Đổi đuôi tệp thành .xlsx rồi chạy lại.", "Rename it to .xlsx and run again.")
        case .docx: l.pick("Đổi đuôi tệp thành .docx rồi chạy lại.", "Rename it to .docx and run again.")
        case .oldOffice:
            l.pick(
                "Mở bằng Excel (hoặc Word) và lưu lại dạng .xlsx (.docx) hoặc CSV UTF-8.",
                "Open it in Excel (or Word) and save it as .xlsx (.docx) or CSV UTF-8.")
        case .pdf:
            l.pick(
                "KienNghi không đọc PDF: xuất bảng ra Excel/CSV hoặc chép nội dung vào tệp .txt.",
                "KienNghi cannot read PDF: export the table to Excel/CSV or copy the text into a .txt file.")
        case .png, .jpeg, .gif, .tiff, .webp, .bmp:
            l.pick(
                "Ảnh chụp/bản quét cần được gõ lại hoặc nhận dạng chữ (OCR) vào bảng tính trước.",
                "A photo or scan must be typed or OCR'd into a spreadsheet first.")
        case .zip, .gzip, .bzip2, .xz, .sevenZip, .rar:
            l.pick("Giải nén trước rồi chạy với các tệp bên trong.", "Extract it first and run on the files inside.")
        case .elf, .windowsProgram, .sqlite, .unknown:
            l.pick(
                "Kiểm tra lại tên tệp: cần tệp .csv, .tsv, .txt, .jsonl, .xlsx hoặc .docx.",
                "Check the file name: KienNghi needs a .csv, .tsv, .txt, .jsonl, .xlsx or .docx file.")
        }
    }
}
