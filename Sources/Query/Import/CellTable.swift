// Collects talportal outcome cells keyed by (year, quarter, municipality, paragraph) in flat
// columns (memory ∝ cells, no hash index) and emits them sorted, finding duplicate keys by the sort.

/// Outcome cells of one import in file order, in columns; duplicates are found when sorting.
struct CellTable: Sendable {
    /// Two cells with one key: the key, the line of the later cell and of the earlier one.
    struct Duplicate: Sendable {
        var key: UInt64
        var line: Int
        var earlier: Int
    }

    private var keys: [UInt64] = []
    private var upheld: [Int32] = []
    private var changed: [Int32] = []
    private var remanded: [Int32] = []
    private var dismissed: [Int32] = []
    private var days: [Float] = []
    /// Each cell's line, for duplicate-key errors (rows are appended in file order).
    private var lines: [Int32] = []

    static func key(year: Int, quarter: Int, municipality: Int, paragraph: Int) -> UInt64 {
        UInt64(UInt16(truncatingIfNeeded: year)) << 32 | UInt64(quarter) << 24 | UInt64(municipality) << 16
            | UInt64(paragraph)
    }

    static func year(_ key: UInt64) -> Int { Int(Int16(truncatingIfNeeded: key >> 32)) }
    static func quarter(_ key: UInt64) -> Int { Int(UInt8(truncatingIfNeeded: key >> 24)) }
    static func municipality(_ key: UInt64) -> Int { Int(UInt8(truncatingIfNeeded: key >> 16)) }
    static func paragraph(_ key: UInt64) -> Int { Int(UInt8(truncatingIfNeeded: key)) }

    var count: Int { keys.count }

    /// Appends a cell (no duplicate check: see `firstDuplicate` and `factTable`).
    @inline(__always)
    mutating func append(key: UInt64, counts: OutcomeCounts, days: Float, line: Int) {
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
        let order = sortedOrder(keys)
        let sortedKeys = order.map { keys[Int($0)] }
        return Self.firstDuplicate(sortedKeys: sortedKeys, order: order, lines: lines)
    }

    /// Scans keys in sorted (stable) order: within a run of equal keys the first cell is the earliest
    /// line and the second the earliest repeat, so the answer is the run whose second cell comes first.
    private static func firstDuplicate(sortedKeys: [UInt64], order: [Int32], lines: [Int32]) -> Duplicate? {
        var found: Duplicate?
        var runStart = 0
        for position in sortedKeys.indices.dropFirst() {
            if sortedKeys[position] != sortedKeys[position - 1] {
                runStart = position
                continue
            }
            guard position == runStart + 1 else { continue }
            let line = Int(lines[Int(order[position])])
            if found.map({ line < $0.line }) ?? true {
                found = Duplicate(key: sortedKeys[position], line: line, earlier: Int(lines[Int(order[runStart])]))
            }
        }
        return found
    }

    /// Sorted rows, dataset 0, or the first duplicate (consumes the table's storage column by column).
    consuming func factTable() -> Result<FactTable, DuplicateCell> {
        let order = sortedOrder(keys)
        let count = order.count
        let identity = isIdentity(order)
        let sortedKeys = identity ? keys : order.map { keys[Int($0)] }
        if let duplicate = Self.firstDuplicate(sortedKeys: sortedKeys, order: order, lines: lines) {
            return .failure(DuplicateCell(duplicate: duplicate))
        }
        keys = []
        lines = []
        func gather<T: BitwiseCopyable>(_ column: inout [T]) -> FactColumn<T> {
            let source = column
            column = []
            if identity { return FactColumn(source) }
            return FactColumn<T>(unsafeUninitializedCapacity: count) { buffer, initialized in
                source.withUnsafeBufferPointer { source in
                    order.withUnsafeBufferPointer { order in
                        for position in 0..<count { buffer[position] = source[Int(order[position])] }
                    }
                }
                initialized = count
            }
        }
        func split<T: BitwiseCopyable>(_ part: (UInt64) -> T) -> FactColumn<T> {
            FactColumn<T>(unsafeUninitializedCapacity: count) { buffer, initialized in
                sortedKeys.withUnsafeBufferPointer { keys in
                    for position in 0..<count { buffer[position] = part(keys[position]) }
                }
                initialized = count
            }
        }
        var table = FactTable()
        table.year = split { Int16(truncatingIfNeeded: $0 >> 32) }
        table.quarter = split { UInt8(truncatingIfNeeded: $0 >> 24) }
        table.municipality = split { UInt8(truncatingIfNeeded: $0 >> 16) }
        table.paragraph = split { UInt8(truncatingIfNeeded: $0) }
        table.upheld = CountColumn(gather(&upheld))
        table.changed = CountColumn(gather(&changed))
        table.remanded = CountColumn(gather(&remanded))
        table.dismissed = CountColumn(gather(&dismissed))
        table.days = gather(&days)
        table.dataset = FactColumn(repeating: 0, count: count)
        return .success(table)
    }
}

/// `CellTable.Duplicate` as an `Error`, so `factTable` can return a `Result`.
struct DuplicateCell: Error {
    var duplicate: CellTable.Duplicate
}

/// True when `order` is 0, 1, 2, ….
private func isIdentity(_ order: [Int32]) -> Bool {
    for (position, row) in order.enumerated() where Int(row) != position { return false }
    return true
}
