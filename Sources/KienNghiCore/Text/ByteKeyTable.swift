/// A hash table from byte strings to small integers, probed with byte slices so
/// the hot path never builds a `String`. Open addressing, FNV-1a hashing.
struct ByteKeyTable: Sendable {
    private var slots: [Int32]
    private var keyStarts: [Int32] = []
    private var keyEnds: [Int32] = []
    private var values: [Int32] = []
    private var arena: [UInt8] = []
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { values.count }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The value stored for `key`, or nil.
    @inline(__always)
    func value(for key: UnsafeBufferPointer<UInt8>) -> Int32? {
        var index = Self.hash(key) & mask
        return arena.withUnsafeBufferPointer { stored in
            while true {
                let entry = Int(slots[index])
                if entry < 0 { return nil }
                let start = Int(keyStarts[entry])
                let end = Int(keyEnds[entry])
                if end - start == key.count, memcmp(stored.baseAddress! + start, key.baseAddress!, key.count) == 0 {
                    return values[entry]
                }
                index = (index + 1) & mask
            }
        }
    }

    func value(for key: [UInt8]) -> Int32? {
        key.withUnsafeBufferPointer { value(for: $0) }
    }

    /// Stores `value` for `key` unless present; returns the stored value.
    @discardableResult
    mutating func insert(_ key: [UInt8], value newValue: Int32) -> Int32 {
        if let existing = self.value(for: key) { return existing }
        if (values.count + 1) * 2 > slots.count { grow() }
        let entry = Int32(values.count)
        keyStarts.append(Int32(arena.count))
        arena.append(contentsOf: key)
        keyEnds.append(Int32(arena.count))
        values.append(newValue)
        place(entry, hash: key.withUnsafeBufferPointer { Self.hash($0) })
        return newValue
    }

    private mutating func place(_ entry: Int32, hash: Int) {
        var index = hash & mask
        while slots[index] >= 0 { index = (index + 1) & mask }
        slots[index] = entry
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for entry in 0..<values.count {
            let hash = arena[Int(keyStarts[entry])..<Int(keyEnds[entry])].withUnsafeBufferPointer { Self.hash($0) }
            place(Int32(entry), hash: hash)
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
