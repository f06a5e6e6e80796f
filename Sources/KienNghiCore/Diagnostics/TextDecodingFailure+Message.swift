extension TextDecodingFailure {
    /// What happened and what to do, for a person, naming the file.
    public func message(file: String, language: Language = .vi) -> String {
        let l = language
        switch self {
        case .invalidUTF8(let offset, let byte, let looksMixed):
            let hex = String(byte, radix: 16, uppercase: true)
            let head = l.pick(
                "\(file): byte \(offset) (0x\(hex)) không phải UTF-8 hợp lệ.",
                "\(file): byte \(offset) (0x\(hex)) is not valid UTF-8.")
            let why = looksMixed
                ? l.pick(" Phần lớn tệp là UTF-8, có lẽ tệp trộn hai bảng mã (ví dụ dán văn bản TCVN3/VNI vào văn bản Unicode).",
                         " Most of the file is UTF-8; it probably mixes two encodings (e.g. TCVN3/VNI text pasted into Unicode text).")
                : ""
            return head + why + l.pick(
                " Hãy chuyển tệp sang Unicode (UTF-8), hoặc chạy với --lenient để thay các byte lỗi bằng � và đếm chúng, hoặc chỉ rõ bảng mã bằng --encoding.",
                " Convert the file to Unicode (UTF-8), or run with --lenient to replace bad bytes with � and count them, or name the encoding with --encoding.")
        case .invalidBytes(let encoding, let offset):
            return l.pick(
                "\(file): byte \(offset) không giải mã được bằng bảng mã \(encoding). Kiểm tra lại --encoding, hoặc dùng --lenient.",
                "\(file): byte \(offset) cannot be decoded as \(encoding). Check --encoding, or use --lenient.")
        case .undetectable(let guess, let confidence):
            let percent = Int((confidence * 100).rounded())
            return l.pick(
                "\(file): không nhận ra bảng mã (khả năng cao nhất: \(guess), độ tin cậy \(percent)%). Hãy chỉ rõ bằng --encoding (\(TextEncoding.knownNames)).",
                "\(file): cannot tell the encoding (best guess: \(guess), confidence \(percent)%). Name it with --encoding (\(TextEncoding.knownNames)).")
        case .unknownEncoding(let name):
            return l.pick(
                "Không biết bảng mã \"\(name)\". Các bảng mã dùng được: \(TextEncoding.knownNames).",
                "Unknown encoding \"\(name)\". Known encodings: \(TextEncoding.knownNames).")
        case .truncatedUTF16(let length):
            return l.pick(
                "\(file): tệp UTF-16 có số byte lẻ (\(length)), có lẽ bị cắt cụt. Dùng --lenient để bỏ qua byte cuối.",
                "\(file): UTF-16 file has an odd number of bytes (\(length)); it is probably truncated. Use --lenient to ignore the last byte.")
        }
    }
}
