// Aggregation helpers for the importers: an open-addressing index from packed UInt64
// keys to dense row numbers, and a raw-bytes value cache.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps UInt64 keys to rows 0, 1, 2, … in first-insertion order; the keys are kept in `keys`.
struct KeyIndex: Sendable {
    /// Every key, indexed by its row.
    private(set) var keys: [UInt64] = []
    /// Row + 1 per slot; 0 is an empty slot.
    private var slots: [Int32]
    private var shift: UInt64

    init(capacity: Int = 512) {
        var size = 64
        var bits: UInt64 = 6
        while size < capacity * 2 { size <<= 1; bits += 1 }
        slots = Array(repeating: 0, count: size)
        shift = 64 - bits
        keys.reserveCapacity(capacity)
    }

    var count: Int { keys.count }

    @inline(__always)
    private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The row of `key`, or nil.
    func find(_ key: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = home(key)
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return nil }
            if keys[stored - 1] == key { return stored - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// The row of `key`, adding it as a new row when absent (`inserted` is then true).
    mutating func insert(_ key: UInt64) -> (row: Int, inserted: Bool) {
        if (keys.count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = home(key)
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { break }
            if keys[stored - 1] == key { return (stored - 1, false) }
            slot = (slot + 1) & mask
        }
        keys.append(key)
        slots[slot] = Int32(truncatingIfNeeded: keys.count)
        return (keys.count - 1, true)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for (row, key) in keys.enumerated() {
            var slot = home(key)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: row + 1)
        }
    }

    /// Frees the hash slots, keeping `keys` (call before building output).
    mutating func dropSlots() {
        slots = [0]
    }
}

/// Values cached by a field's raw bytes (e.g. a municipality name resolved once per distinct spelling).
struct BytesMap<Value> {
    /// Hash -> row of `heads`, the newest entry with that hash.
    private var index = KeyIndex(capacity: 64)
    private var heads: [Int32] = []
    private var entries: [(bytes: [UInt8], value: Value, next: Int32)] = []

    /// A 64-bit hash of `bytes`, eight bytes at a time.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = UInt64(truncatingIfNeeded: bytes.count) &* 0x9E37_79B9_7F4A_7C15
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xff51_afd7_ed55_8ccd
            hash ^= hash >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count { tail |= UInt64(base[offset]) << shift; shift += 8; offset += 1 }
        hash = (hash ^ tail) &* 0xc4ce_b9fe_1a85_ec53
        return hash ^ (hash >> 29)
    }

    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Value? {
        guard let head = index.find(hash) else { return nil }
        var entry = Int(heads[head])
        while entry >= 0 {
            let candidate = entries[entry]
            if candidate.bytes.withUnsafeBufferPointer({ sameBytes($0, bytes) }) { return candidate.value }
            entry = Int(candidate.next)
        }
        return nil
    }

    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Value) {
        let (head, inserted) = index.insert(hash)
        let entry = Int32(truncatingIfNeeded: entries.count)
        if inserted {
            heads.append(entry)
            entries.append((Array(bytes), value, -1))
        } else {
            entries.append((Array(bytes), value, heads[head]))
            heads[head] = entry
        }
    }
}

extension BytesMap: Sendable where Value: Sendable {}

/// Byte-wise equality of two buffers.
@inline(__always)
func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard a.count > 0, let x = a.baseAddress, let y = b.baseAddress else { return true }
    return memcmp(x, y, a.count) == 0
}
