// Collects talportal outcome cells keyed by (year, municipality, quarter, paragraph) in flat
// columns (memory ∝ cells, no hash index) and emits them sorted in the engine's row order (year,
// then municipality), finding duplicate keys by the sort.

/// Outcome cells of one import in file order, in columns; duplicates are found when sorting.
struct CellTable: Sendable {
    /// Two cells with one key: the key, the line of the later cell and of the earlier one.
    struct Duplicate: Sendable {
        var key: UInt32
        var line: Int
        var earlier: Int
    }

    private var keys: [UInt32] = []
    private var upheld: [Int32] = []
    private var changed: [Int32] = []
    private var remanded: [Int32] = []
    private var dismissed: [Int32] = []
    private var days: [Float] = []
    /// Each cell's line, for duplicate-key errors (rows are appended in file order).
    private var lines: [Int32] = []

    /// A cell's key in 30 bits, ordered as the engine orders rows: year (from 1900, 11 bits),
    /// municipality, quarter (3 bits), paragraph.
    @inline(__always)
    static func key(year: Int, quarter: Int, municipality: Int, paragraph: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: year - FactTable.yearLimits.lowerBound) << 19 | UInt32(truncatingIfNeeded: municipality) << 11
            | UInt32(truncatingIfNeeded: quarter) << 8 | UInt32(truncatingIfNeeded: paragraph)
    }

    static func year(_ key: UInt32) -> Int { Int(key >> 19) + FactTable.yearLimits.lowerBound }
    static func municipality(_ key: UInt32) -> Int { Int((key >> 11) & 0xFF) }
    static func quarter(_ key: UInt32) -> Int { Int((key >> 8) & 0x7) }
    static func paragraph(_ key: UInt32) -> Int { Int(key & 0xFF) }

    var count: Int { keys.count }

    /// Appends a cell (no duplicate check: see `firstDuplicate` and `factTable`).
    @inline(__always)
    mutating func append(key: UInt32, counts: OutcomeCounts, days: Float, line: Int) {
        keys.append(key)
        upheld.append(Int32(truncatingIfNeeded: counts.upheld))
        changed.append(Int32(truncatingIfNeeded: counts.changed))
        remanded.append(Int32(truncatingIfNeeded: counts.remanded))
        dismissed.append(Int32(truncatingIfNeeded: counts.dismissed))
        self.days.append(days)
        lines.append(Int32(clamping: line))
    }

    /// The duplicate whose later cell comes first in the file, if any.
    func firstDuplicate() -> Duplicate? {
        Self.firstDuplicate(sorted: sortedCells(keys), lines: lines)
    }

    /// Scans cells in sorted (stable) order: within a run of equal keys the first cell is the earliest
    /// line and the second the earliest repeat, so the answer is the run whose second cell comes first.
    private static func firstDuplicate(sorted: [UInt64], lines: [Int32]) -> Duplicate? {
        var found: Duplicate?
        var runStart = 0
        for position in sorted.indices.dropFirst() {
            if sorted[position] >> rowBits != sorted[position - 1] >> rowBits {
                runStart = position
                continue
            }
            guard position == runStart + 1 else { continue }
            let line = Int(lines[Int(sorted[position] & rowMask)])
            if found.map({ line < $0.line }) ?? true {
                found = Duplicate(key: UInt32(truncatingIfNeeded: sorted[position] >> rowBits), line: line,
                                  earlier: Int(lines[Int(sorted[runStart] & rowMask)]))
            }
        }
        return found
    }

    /// Sorted rows, dataset 0, or the first duplicate (consumes the table's storage column by column).
    consuming func factTable() -> Result<FactTable, DuplicateCell> {
        let sorted = sortedCells(keys)
        if let duplicate = Self.firstDuplicate(sorted: sorted, lines: lines) {
            return .failure(DuplicateCell(duplicate: duplicate))
        }
        let count = sorted.count
        keys = []
        lines = []
        let identity = sorted.withUnsafeBufferPointer { sorted in
            sorted.indices.allSatisfy { Int(sorted[$0] & rowMask) == $0 }
        }
        func gather<T: BitwiseCopyable>(_ column: inout [T]) -> FactColumn<T> {
            let source = column
            column = []
            if identity { return FactColumn(source) }
            return FactColumn<T>(unsafeUninitializedCapacity: count) { buffer, initialized in
                source.withUnsafeBufferPointer { source in
                    sorted.withUnsafeBufferPointer { sorted in
                        for position in 0..<count { buffer[position] = source[Int(sorted[position] & rowMask)] }
                    }
                }
                initialized = count
            }
        }
        func split<T: BitwiseCopyable>(_ part: (UInt32) -> T) -> FactColumn<T> {
            FactColumn<T>(unsafeUninitializedCapacity: count) { buffer, initialized in
                sorted.withUnsafeBufferPointer { sorted in
                    for position in 0..<count { buffer[position] = part(UInt32(truncatingIfNeeded: sorted[position] >> rowBits)) }
                }
                initialized = count
            }
        }
        var table = FactTable()
        table.year = split { Int16(truncatingIfNeeded: Self.year($0)) }
        table.quarter = split { UInt8(truncatingIfNeeded: Self.quarter($0)) }
        table.municipality = split { UInt8(truncatingIfNeeded: Self.municipality($0)) }
        table.paragraph = split { UInt8(truncatingIfNeeded: Self.paragraph($0)) }
        table.upheld = CountColumn(gather(&upheld))
        table.changed = CountColumn(gather(&changed))
        table.remanded = CountColumn(gather(&remanded))
        table.dismissed = CountColumn(gather(&dismissed))
        table.days = gather(&days)
        table.dataset = FactColumn(repeating: 0, count: count)
        return .success(table)
    }
}

/// A sorted cell: its key above `rowBits`, its row (file order) below.
private let rowBits: UInt64 = 34
private let rowMask: UInt64 = 1 << rowBits - 1

/// Each cell as key << 34 | row, ascending by key and, for equal keys, by row: an LSD radix sort
/// (11 bits a pass) over the key bits that vary, on the packed values themselves (no indirection).
func sortedCells(_ keys: [UInt32]) -> [UInt64] {
    let count = keys.count
    var values = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
        keys.withUnsafeBufferPointer { keys in
            for row in 0..<count { buffer[row] = UInt64(keys[row]) << rowBits | UInt64(row) }
        }
        initialized = count
    }
    var ascending = true
    var (allOr, allAnd): (UInt32, UInt32) = (0, ~0)
    keys.withUnsafeBufferPointer { keys in
        for row in keys.indices {
            if row > 0, keys[row] < keys[row - 1] { ascending = false }
            allOr |= keys[row]
            allAnd &= keys[row]
        }
    }
    if ascending || count < 2 { return values }
    let varying = allOr ^ allAnd
    var low = UInt64(varying.trailingZeroBitCount)
    let high = UInt64(32 - varying.leadingZeroBitCount)
    var scratch = [UInt64](repeating: 0, count: count)
    var counts = [Int](repeating: 0, count: 1 << 11)
    while low < high {
        let shift = rowBits + low
        let mask = UInt64(1 << min(11, high - low) - 1)
        values.withUnsafeBufferPointer { source in
            scratch.withUnsafeMutableBufferPointer { target in
                counts.withUnsafeMutableBufferPointer { counts in
                    for digit in counts.indices { counts[digit] = 0 }
                    for value in source { counts[Int((value >> shift) & mask)] += 1 }
                    var total = 0
                    for digit in counts.indices { (counts[digit], total) = (total, total + counts[digit]) }
                    for value in source {
                        let digit = Int((value >> shift) & mask)
                        target[counts[digit]] = value
                        counts[digit] += 1
                    }
                }
            }
        }
        swap(&values, &scratch)
        low += 11
    }
    return values
}

/// `CellTable.Duplicate` as an `Error`, so `factTable` can return a `Result`.
struct DuplicateCell: Error {
    var duplicate: CellTable.Duplicate
}
