// Collects talportal outcome cells keyed by (year, quarter, municipality, paragraph)
// in flat columns (memory ∝ distinct cells) and emits them as a sorted FactTable.

/// Outcome cells of one import, unique by key, in columns.
struct CellTable: Sendable {
    struct Cell: Sendable {
        var counts: OutcomeCounts
        var days: Float
        /// Where the cell came from, for duplicate-key errors.
        var line: Int
    }

    private var index = KeyIndex(capacity: 4096)
    private var upheld: [Int32] = []
    private var changed: [Int32] = []
    private var remanded: [Int32] = []
    private var dismissed: [Int32] = []
    private var days: [Float] = []
    private var lines: [Int32] = []

    static func key(year: Int, quarter: Int, municipality: Int, paragraph: Int) -> UInt64 {
        UInt64(UInt16(truncatingIfNeeded: year)) << 32 | UInt64(quarter) << 24 | UInt64(municipality) << 16
            | UInt64(paragraph)
    }

    var count: Int { index.count }

    /// Inserts a cell; returns the line of an earlier cell with the same key, if any.
    mutating func insert(year: Int, quarter: Int, municipality: Int, paragraph: Int, cell: Cell) -> Int? {
        let key = Self.key(year: year, quarter: quarter, municipality: municipality, paragraph: paragraph)
        let (row, inserted) = index.insert(key)
        if !inserted { return Int(lines[row]) }
        upheld.append(Int32(cell.counts.upheld))
        changed.append(Int32(cell.counts.changed))
        remanded.append(Int32(cell.counts.remanded))
        dismissed.append(Int32(cell.counts.dismissed))
        days.append(cell.days)
        lines.append(Int32(clamping: cell.line))
        return nil
    }

    /// Calls `body` with every cell's key and counts, in insertion order.
    func forEachCell(_ body: (UInt64, OutcomeCounts) -> Void) {
        for (row, key) in index.keys.enumerated() {
            body(key, OutcomeCounts(
                upheld: Int(upheld[row]), changed: Int(changed[row]), remanded: Int(remanded[row]),
                dismissed: Int(dismissed[row])))
        }
    }

    /// Sorted rows, dataset 0 (consumes the table's storage column by column).
    consuming func factTable() -> FactTable {
        index.dropSlots()
        lines = []
        let keys = index.keys
        let order = sortedOrder(keys)
        let identity = order.isEmpty || order.last == Int32(truncatingIfNeeded: order.count - 1) && isIdentity(order)
        func gather<T>(_ column: inout [T]) -> [T] {
            if identity { return column }
            let source = column
            column = []
            return order.map { source[Int($0)] }
        }
        var table = FactTable()
        table.year = order.map { Int16(truncatingIfNeeded: keys[Int($0)] >> 32) }
        table.quarter = order.map { UInt8(truncatingIfNeeded: keys[Int($0)] >> 24) }
        table.municipality = order.map { UInt8(truncatingIfNeeded: keys[Int($0)] >> 16) }
        table.paragraph = order.map { UInt8(truncatingIfNeeded: keys[Int($0)]) }
        table.upheld = gather(&upheld)
        table.changed = gather(&changed)
        table.remanded = gather(&remanded)
        table.dismissed = gather(&dismissed)
        table.days = gather(&days)
        table.dataset = [UInt8](repeating: 0, count: order.count)
        return table
    }
}

/// True when `order` is 0, 1, 2, ….
private func isIdentity(_ order: [Int32]) -> Bool {
    for (position, row) in order.enumerated() where Int(row) != position { return false }
    return true
}
