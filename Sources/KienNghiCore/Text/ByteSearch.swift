/// Substring search on UTF-8 bytes, for short needles in short texts (header names, padded
/// lexicon keys, a file's first bytes): no `String` bridging, no allocation.
enum ByteSearch {
    /// Whether `needle` occurs in `haystack`, byte for byte. An empty needle occurs everywhere.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
