import Foundation
import KienNghiCore
import ZIPFoundation

/// Safe reading of Office packages (XLSX, DOCX are ZIP files): refuses entries
/// that would expand beyond the limits, so a crafted "zip bomb" cannot exhaust memory.
struct ZipPackage {
    /// Limits on what one package may expand to.
    struct Limits: Sendable {
        var maximumEntryBytes: UInt64 = 512 << 20
        var maximumTotalBytes: UInt64 = 1 << 30
        /// Uncompressed / compressed; real Office XML stays far below this.
        var maximumRatio: UInt64 = 200
    }

    let path: String
    let archive: Archive
    let limits: Limits
    private var extracted: UInt64 = 0

    init(path: String, limits: Limits = Limits()) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw InputFailure.missing(path: path) }
        guard !isDirectory.boolValue else { throw InputFailure.unreadable(path: path) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 { throw InputFailure.empty(path: path) }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw InputFailure.corrupt(path: path, detail: "không phải tệp ZIP của Office / not an Office ZIP package")
        }
        self.path = path
        self.limits = limits
    }

    /// The bytes of one part, or nil if the package has no such part.
    mutating func data(_ name: String) throws -> Data? {
        guard let entry = archive[name] else { return nil }
        let size = entry.uncompressedSize
        let ratio = entry.compressedSize == 0 ? size : size / max(1, entry.compressedSize)
        guard size <= limits.maximumEntryBytes, extracted + size <= limits.maximumTotalBytes else {
            throw InputFailure.tooLarge(path: path, detail: "\(name) giải nén ra \(size / 1_048_576) MiB / expands to \(size / 1_048_576) MiB")
        }
        guard ratio <= limits.maximumRatio || size < 1 << 20 else {
            throw InputFailure.tooLarge(path: path, detail: "\(name) nén với tỉ lệ \(ratio):1, nghi là zip bomb / compressed \(ratio):1, a likely zip bomb")
        }
        var data = Data()
        data.reserveCapacity(Int(size))
        do {
            _ = try archive.extract(entry) { chunk in
                data.append(chunk)
                if UInt64(data.count) > size { throw InputFailure.tooLarge(path: path, detail: "\(name) lớn hơn khai báo / larger than declared") }
            }
        } catch let failure as InputFailure {
            throw failure
        } catch {
            throw InputFailure.corrupt(path: path, detail: "\(name): \(error)")
        }
        extracted += UInt64(data.count)
        return data
    }
}
