// One column of the fact table: its values in one contiguous buffer, either owned (built by an
// importer or a merge) or mapped read-only from a store file, with value semantics (a write
// first copies mapped or shared values into a buffer of its own).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory that columns' values live in; kept alive by every column that reads it.
class ColumnMemory: @unchecked Sendable {}

/// Values a column owns: allocated for a capacity, freed with the last column using them.
private final class OwnedMemory<T: BitwiseCopyable>: ColumnMemory {
    let base: UnsafeMutablePointer<T>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutablePointer<T>.allocate(capacity: max(1, capacity))
    }

    deinit { base.deallocate() }
}

/// A store file mapped read-only; unmapped when the last column reading it is gone.
final class FileMapping: ColumnMemory {
    let address: UnsafeRawPointer
    let length: Int

    /// Maps `length` bytes of the open file `descriptor`, or nil. Pages become resident only
    /// when read, so a query's memory holds only the rows it touched.
    init?(descriptor: Int32, length: Int) {
        guard length > 0 else { return nil }
        guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else { return nil }
        address = UnsafeRawPointer(mapped)
        self.length = length
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: address), length) }
}

/// A fact column: `count` values of `T` at `base`, in `memory`.
struct FactColumn<T: BitwiseCopyable>: @unchecked Sendable {
    private var memory: ColumnMemory?
    private var base: UnsafePointer<T>?
    private(set) var count = 0
    /// Room at `base` for appending in place; 0 for mapped memory, which is never written.
    private var capacity = 0

    init() {}

    /// `count` values of a mapping, starting `offset` bytes into it (aligned for `T`).
    init(_ mapping: FileMapping, offset: Int, count: Int) {
        memory = mapping
        base = (mapping.address + offset).assumingMemoryBound(to: T.self)
        self.count = count
    }

    init(_ values: some Collection<T>) {
        reserveCapacity(values.count)
        append(contentsOf: values)
    }

    init(repeating value: T, count: Int) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: value)
            initialized = count
        }
    }

    /// Like `Array.init(unsafeUninitializedCapacity:initializingWith:)`.
    init(unsafeUninitializedCapacity capacity: Int,
         initializingWith initializer: (inout UnsafeMutableBufferPointer<T>, inout Int) throws -> Void) rethrows {
        let owned = OwnedMemory<T>(capacity: capacity)
        var buffer = UnsafeMutableBufferPointer(start: owned.base, count: capacity)
        var initialized = 0
        try initializer(&buffer, &initialized)
        precondition(initialized >= 0 && initialized <= capacity)
        memory = owned
        base = UnsafePointer(owned.base)
        count = initialized
        self.capacity = capacity
    }

    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<T>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(UnsafeBufferPointer(start: base, count: count)))
    }

    mutating func reserveCapacity(_ minimum: Int) {
        if minimum > capacity || !isKnownUniquelyReferenced(&memory) { reallocate(Swift.max(minimum, count)) }
    }

    mutating func append(_ value: T) {
        if count == capacity || !isKnownUniquelyReferenced(&memory) { reallocate(Swift.max(16, count * 2)) }
        UnsafeMutablePointer(mutating: base!)[count] = value
        count += 1
    }

    mutating func append(contentsOf values: some Sequence<T>) {
        let needed = count + values.underestimatedCount
        if needed > capacity || !isKnownUniquelyReferenced(&memory) { reallocate(Swift.max(needed, count * 2)) }
        let copied: Int? = values.withContiguousStorageIfAvailable { source in
            guard count + source.count <= capacity, let start = source.baseAddress else { return nil }
            (UnsafeMutablePointer(mutating: base!) + count).initialize(from: start, count: source.count)
            return source.count
        } ?? nil
        if let copied { count += copied } else { for value in values { append(value) } }
    }

    static func += (column: inout FactColumn, values: some Sequence<T>) {
        column.append(contentsOf: values)
    }

    /// Moves the values into owned memory of `newCapacity` (≥ count).
    private mutating func reallocate(_ newCapacity: Int) {
        let owned = OwnedMemory<T>(capacity: newCapacity)
        if let base { owned.base.initialize(from: base, count: count) }
        memory = owned
        base = UnsafePointer(owned.base)
        capacity = newCapacity
    }
}

extension FactColumn: RandomAccessCollection, MutableCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { count }

    func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<T>) throws -> R) rethrows -> R? {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    subscript(position: Int) -> T {
        get {
            precondition(position >= 0 && position < count, "Column index out of range")
            return base.unsafelyUnwrapped[position]
        }
        set {
            precondition(position >= 0 && position < count, "Column index out of range")
            if !isKnownUniquelyReferenced(&memory) || capacity == 0 { reallocate(count) }
            UnsafeMutablePointer(mutating: base.unsafelyUnwrapped)[position] = newValue
        }
    }
}

extension FactColumn: ExpressibleByArrayLiteral {
    init(arrayLiteral values: T...) { self.init(values) }
}

extension FactColumn: Equatable where T: Equatable {
    static func == (a: FactColumn, b: FactColumn) -> Bool {
        a.count == b.count && (a.base == b.base || a.elementsEqual(b))
    }
}

extension FactColumn: CustomStringConvertible {
    /// The values, as an array prints them (so tables compare by their printed values, NaN included).
    var description: String { Array(self).description }
}
