// A count column of the fact table (upheld, changed, remanded, dismissed): Int32 values held in
// 1, 2 or 4 bytes each. A store file keeps a table's counts in the narrowest width that holds
// them all (real data rarely needs more than one byte); reads give Int32 whatever the width, and
// a write first widens the column to 4 bytes.

/// Bytes per count.
enum CountWidth: Int, Sendable {
    case one = 1, two = 2, four = 4

    /// The narrowest width that holds every value of `columns`.
    static func narrowest(_ columns: [CountColumn]) -> CountWidth {
        var (low, high): (Int32, Int32) = (0, 0)
        for column in columns {
            switch column.width {
            case .one: high = max(high, column.one.withUnsafeBufferPointer { Int32($0.max() ?? 0) })
            case .two: high = max(high, column.two.withUnsafeBufferPointer { Int32($0.max() ?? 0) })
            case .four:
                column.four.withUnsafeBufferPointer { values in
                    for value in values {
                        low = min(low, value)
                        high = max(high, value)
                    }
                }
            }
        }
        if low < 0 { return .four }
        return high <= Int32(UInt8.max) ? .one : high <= Int32(UInt16.max) ? .two : .four
    }
}

/// One count column: its values in exactly one of `one`, `two`, `four`, by `width`.
struct CountColumn: Sendable {
    private(set) var width = CountWidth.four
    private(set) var one = FactColumn<UInt8>()
    private(set) var two = FactColumn<UInt16>()
    private(set) var four = FactColumn<Int32>()

    init() {}
    init(_ values: FactColumn<Int32>) { four = values }
    init(_ values: FactColumn<UInt16>) { (width, two) = (.two, values) }
    init(_ values: FactColumn<UInt8>) { (width, one) = (.one, values) }
    init(_ values: some Collection<Int32>) { four = FactColumn(values) }

    /// The values as 4-byte integers (the column's own when it is 4 bytes wide, else a copy).
    var int32: FactColumn<Int32> { width == .four ? four : FactColumn(self) }

    /// The same values in `width` bytes each (which must hold them).
    func narrowed(to width: CountWidth) -> CountColumn {
        switch width {
        case .one: CountColumn(FactColumn(map { UInt8(truncatingIfNeeded: $0) }))
        case .two: CountColumn(FactColumn(map { UInt16(truncatingIfNeeded: $0) }))
        case .four: CountColumn(int32)
        }
    }

    /// The values' bytes as they are held.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch width {
        case .one: try one.withUnsafeBytes(body)
        case .two: try two.withUnsafeBytes(body)
        case .four: try four.withUnsafeBytes(body)
        }
    }

    /// Makes the column 4 bytes wide (before a write).
    private mutating func widen() {
        guard width != .four else { return }
        four = int32
        (width, one, two) = (.four, FactColumn(), FactColumn())
    }

    mutating func reserveCapacity(_ minimum: Int) {
        widen()
        four.reserveCapacity(minimum)
    }

    mutating func append(_ value: Int32) {
        widen()
        four.append(value)
    }

    mutating func append(contentsOf values: some Sequence<Int32>) {
        widen()
        four.append(contentsOf: values)
    }

    static func += (column: inout CountColumn, values: some Sequence<Int32>) {
        column.append(contentsOf: values)
    }
}

extension CountColumn: RandomAccessCollection {
    var startIndex: Int { 0 }
    var endIndex: Int {
        switch width {
        case .one: one.count
        case .two: two.count
        case .four: four.count
        }
    }

    subscript(position: Int) -> Int32 {
        get {
            switch width {
            case .one: Int32(one[position])
            case .two: Int32(two[position])
            case .four: four[position]
            }
        }
        set {
            widen()
            four[position] = newValue
        }
    }
}

extension CountColumn: ExpressibleByArrayLiteral {
    init(arrayLiteral values: Int32...) { self.init(values) }
}

extension CountColumn: Equatable {
    /// Equal when the values are, whatever their widths.
    static func == (a: CountColumn, b: CountColumn) -> Bool {
        a.width == b.width ? a.one == b.one && a.two == b.two && a.four == b.four : a.elementsEqual(b)
    }
}

extension CountColumn: CustomStringConvertible {
    var description: String { Array(self).description }
}
