extension TextDecodingFailure {
    /// What happened and what to do, for a person, naming the file.
    package func message(file: String, language: Language = .vi) -> String {
        let l = language
        switch self {
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
                + l.pick(
                    " Hãy chuyển tệp sang Unicode (UTF-8), hoặc chạy với --lenient để thay các byte lỗi bằng � và đếm chúng, hoặc chỉ rõ bảng mã bằng --encoding.",
                    " Convert the file to Unicode (UTF-8), or run with --lenient to replace bad bytes with � and count them, or name the encoding with --encoding."
                )
        case .invalidBytes(let encoding, let offset):
            return l.pick(
                "\(file): byte \(offset) không giải mã được bằng bảng mã \(encoding). Kiểm tra lại --encoding, hoặc dùng --lenient.",
                "\(file): byte \(offset) cannot be decoded as \(encoding). Check --encoding, or use --lenient.")
        case .undetectable(let guess, let confidence):
            let percent = Int((confidence * 100).rounded())
            return l.pick(
                "\(file): không nhận ra bảng mã (khả năng cao nhất: \(guess), độ tin cậy \(percent)%). Hãy chỉ rõ bằng --encoding (\(TextEncoding.knownNames)).",
                "\(file): cannot tell the encoding (best guess: \(guess), confidence \(percent)%). Name it with --encoding (\(TextEncoding.knownNames))."
            )
        case .unknownEncoding(let name):
            return l.pick(
                "Không biết bảng mã \"\(name)\". Các bảng mã dùng được: \(TextEncoding.knownNames).",
                "Unknown encoding \"\(name)\". Known encodings: \(TextEncoding.knownNames).")
        case .truncatedUTF16(let length):
            return l.pick(
                "\(file): tệp UTF-16 có số byte lẻ (\(length)), có lẽ bị cắt cụt. Dùng --lenient để bỏ qua byte cuối.",
                "\(file): UTF-16 file has an odd number of bytes (\(length)); it is probably truncated. Use --lenient to ignore the last byte."
            )
        case .binary(let format):
            return l.pick(
                "\(file): đây không phải tệp văn bản mà là \(format.name(l)). \(format.fix(l))",
                "\(file): this is not a text file but \(format.name(l)). \(format.fix(l))")
        }
    }
}

extension BinaryFormat {
    /// What the file is, for a person.
    package func name(_ l: Language) -> String {
        switch self {
        case .xlsx: l.pick("một tệp Excel .xlsx bị đổi đuôi", "an Excel .xlsx file with the wrong extension")
        case .docx: l.pick("một tệp Word .docx bị đổi đuôi", "a Word .docx file with the wrong extension")
        case .zip: l.pick("một tệp nén ZIP", "a ZIP archive")
        case .oldOffice: l.pick("một tệp Excel .xls (hoặc Word .doc) kiểu cũ", "an old Excel .xls (or Word .doc) file")
        case .pdf: l.pick("một tệp PDF", "a PDF file")
        case .png, .jpeg, .gif, .tiff, .webp, .bmp:
            l.pick("một ảnh \(rawValue.uppercased())", "a \(rawValue.uppercased()) image")
        case .gzip, .bzip2, .xz, .sevenZip, .rar: l.pick("một tệp nén \(rawValue)", "a \(rawValue) archive")
        case .elf, .windowsProgram: l.pick("một chương trình máy tính", "a computer program")
        case .sqlite: l.pick("một cơ sở dữ liệu SQLite", "an SQLite database")
        case .unknown:
            l.pick("dữ liệu nhị phân (có byte NUL/byte điều khiển)", "binary data (it holds NUL/control bytes)")
        }
    }

    /// What to do with it.
    package func fix(_ l: Language) -> String {
        switch self {
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
