/// Why an Office file (XLSX, DOCX) cannot be read, as data: which part (and
/// sheet), where (byte offset into the part, or cell), what was found.
/// Rendered in the user's language by ``message(file:language:)``.
public struct OfficeFailure: Error, Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        /// The file is not a ZIP package at all.
        case notAPackage
        /// The file starts like a ZIP package but its directory cannot be read: cut short or damaged.
        case damagedPackage
        /// A required part is absent.
        case missingPart
        /// The ZIP entry itself cannot be decompressed.
        case damagedEntry
        /// Bytes that are not UTF-8 inside the XML.
        case invalidUTF8
        /// The part is in UTF-16 or another encoding Office does not use for these parts.
        case notUTF8
        case malformedXML
        /// The part ends in the middle of an element.
        case truncatedXML
        case nestingTooDeep(limit: Int)
        /// One tag or text run is larger than `limit` bytes.
        case tokenTooLarge(limit: Int)
        /// The part expands to more than `limit` bytes.
        case partTooLarge(limit: UInt64)
        /// All parts read together expand to more than `limit` bytes.
        case packageTooLarge(limit: UInt64)
        /// Expansion ratio of a likely zip bomb.
        case compressionRatio(ratio: UInt64, limit: UInt64)
        case unknownSheet(name: String, sheets: [String])
        /// A damaged cell in the rows KienNghi needs to find the header.
        case badCell(reference: String, CellProblem)
        /// The document holds headings or titles but no petition.
        case noPetitions(skipped: Int)
    }

    /// Whether the problem is a damaged file, a safety limit, or an input with nothing to do.
    public enum Kind: Sendable { case damaged, limit, nothingToDo, usage }

    /// Part inside the package, e.g. `xl/worksheets/sheet1.xml`.
    public var part: String?
    /// Sheet name (XLSX) when known.
    public var sheet: String?
    /// Byte offset into the uncompressed part.
    public var offset: Int?
    public var problem: Problem

    public init(part: String? = nil, sheet: String? = nil, offset: Int? = nil, problem: Problem) {
        self.part = part
        self.sheet = sheet
        self.offset = offset
        self.problem = problem
    }

    public var kind: Kind {
        switch problem {
        case .tokenTooLarge, .partTooLarge, .packageTooLarge, .compressionRatio, .nestingTooDeep: .limit
        case .noPetitions: .nothingToDo
        case .unknownSheet: .usage
        default: .damaged
        }
    }

    /// `file: sheet "X" (part), byte N: what happened. What to do.`
    public func message(file: String, language l: Language) -> String {
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
                "\(place): không có trang tính \"\(name)\" (các trang: \(sheets.joined(separator: ", "))). Chọn một trang có thật bằng --sheet.",
                "\(place): there is no sheet \"\(name)\" (sheets: \(sheets.joined(separator: ", "))). Pick an existing one with --sheet."
            )
        case .badCell(let reference, let cell):
            return l.pick(
                "\(place), ô \(reference): \(cell.description(l)) \(resave)",
                "\(place), cell \(reference): \(cell.description(l)) \(resave)")
        case .noPetitions(let skipped) where sheet != nil:
            let above = skipped > 1 ? l.pick(" và \(skipped - 1) dòng tiêu đề", " and \(skipped - 1) title rows") : ""
            return l.pick(
                "\(place): chỉ có dòng tên cột\(above), không có kiến nghị nào bên dưới. Kiểm tra xem có đúng tệp/trang tính không (--sheet), hoặc thêm các dòng kiến nghị dưới dòng tên cột.",
                "\(place): only a header row\(above), no petition below it. Check that this is the right file or sheet (--sheet), or add the petitions below the header row."
            )
        case .noPetitions(let skipped):
            return l.pick(
                "\(place): không tìm thấy kiến nghị nào (chỉ có \(skipped) tiêu đề/đề mục). Mỗi kiến nghị phải là một đoạn văn bản thường, một mục đánh số hoặc một dòng của bảng.",
                "\(place): no petition found (only \(skipped) headings/titles). Each petition must be a plain paragraph, a numbered item or a table row."
            )
        }
    }
}
