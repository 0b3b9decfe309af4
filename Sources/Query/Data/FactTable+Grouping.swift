// Whole-table passes used when data is loaded or merged: distinct years and municipalities
// by bitmap (no hashing per row), and a stable sort of the rows by year and municipality in one pass.

extension FactTable {
    /// Distinct years, ascending.
    public func distinctYears() -> [Int] {
        var seen = [Bool](repeating: false, count: 1 << 16)
        year.withUnsafeBufferPointer { for y in $0 { seen[Int(UInt16(bitPattern: y))] = true } }
        return seen.indices.filter { seen[$0] }.map { Int(Int16(bitPattern: UInt16($0))) }.sorted()
    }

    /// The distinct years of each dataset's rows, ascending (a bitmap per dataset).
    func yearsByDataset(count datasets: Int) -> [[Int]] {
        let (first, span) = (FactTable.yearLimits.lowerBound, FactTable.yearLimits.count)
        var seen = [Bool](repeating: false, count: datasets * span)
        year.withUnsafeBufferPointer { years in
            dataset.withUnsafeBufferPointer { owners in
                for row in years.indices { seen[Int(owners[row]) * span + Int(years[row]) - first] = true }
            }
        }
        return (0..<datasets).map { d in (0..<span).filter { seen[d * span + $0] }.map { first + $0 } }
    }

    /// Distinct municipality indices, ascending.
    public func distinctMunicipalities() -> [Int] {
        var seen = [Bool](repeating: false, count: 256)
        municipality.withUnsafeBufferPointer { for m in $0 { seen[Int(m)] = true } }
        return seen.indices.filter { seen[$0] }
    }

    /// True when the rows ascend by year, then municipality (the order `Domains` reads rows in).
    var isSortedForIndex: Bool {
        year.withUnsafeBufferPointer { years in
            municipality.withUnsafeBufferPointer { places in
                for i in years.indices.dropFirst()
                where years[i] < years[i - 1] || (years[i] == years[i - 1] && places[i] < places[i - 1]) { return false }
                return true
            }
        }
    }

    /// The rows ordered by year, then municipality, keeping their order within each year ×
    /// municipality cell (a counting sort: one pass to count, one to place each column), so the
    /// rows of a year, and of a municipality in a year, are one run.
    public func sortedForIndex() -> FactTable {
        if index != nil || isSortedForIndex { return self }
        let years = distinctYears()
        guard let first = years.first, let last = years.last else { return self }
        let cells = (last - first + 1) * 256
        var start = [Int](repeating: 0, count: cells + 1)
        for row in 0..<count { start[(Int(year[row]) - first) * 256 + Int(municipality[row]) + 1] += 1 }
        for i in 1..<start.count { start[i] += start[i - 1] }
        var order = [Int](repeating: 0, count: count)
        for row in 0..<count {
            let cell = (Int(year[row]) - first) * 256 + Int(municipality[row])
            order[start[cell]] = row
            start[cell] += 1
        }
        func gather<T: BitwiseCopyable>(_ column: FactColumn<T>) -> FactColumn<T> {
            column.withUnsafeBufferPointer { values in
                FactColumn(unsafeUninitializedCapacity: order.count) { buffer, initialized in
                    for (position, row) in order.enumerated() { buffer[position] = values[row] }
                    initialized = order.count
                }
            }
        }
        var result = FactTable()
        result.year = gather(year)
        result.quarter = gather(quarter)
        result.municipality = gather(municipality)
        result.paragraph = gather(paragraph)
        result.upheld = CountColumn(gather(upheld.int32))
        result.changed = CountColumn(gather(changed.int32))
        result.remanded = CountColumn(gather(remanded.int32))
        result.dismissed = CountColumn(gather(dismissed.int32))
        result.days = gather(days)
        result.dataset = gather(dataset)
        return result
    }
}
