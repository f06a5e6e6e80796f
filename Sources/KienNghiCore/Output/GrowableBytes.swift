/// Where the byte-level writers append: an `Array<UInt8>` (tests, small
/// outputs) or a ``GrowableBytes`` (the hot path).
package protocol ByteAppending {
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension ByteAppending {
    /// Appends the bytes of a literal.
    @inline(__always)
    mutating func append(literal: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}

extension Array: ByteAppending where Element == UInt8 {}

/// A growable byte buffer for the writers' hot path. An append is a capacity
/// check and a store or a copy: an array's append also checks uniqueness and
/// goes through a generic copy, which was a tenth of writing a JSON line.
/// The owner calls ``deallocate()`` once; copies share the storage, so keep one.
package struct GrowableBytes: ByteAppending {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written since the last ``removeAll()``.
    package private(set) var count = 0

    package init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    package mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    package mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Forgets what was written, keeping the storage.
    package mutating func removeAll() { count = 0 }

    /// The bytes written, for the output file.
    package func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// The bytes written, as an array (tests, small outputs).
    package var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Frees the storage; the sink must not be used afterwards.
    package func deallocate() { base.deallocate() }

    private mutating func grow(toHold needed: Int) {
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(needed, capacity * 2))
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = max(needed, capacity * 2)
    }
}
