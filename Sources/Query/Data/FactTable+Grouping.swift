// Whole-table passes used when data is loaded or merged: distinct years and municipalities
// by bitmap (no hashing per row), and a stable regrouping of rows by year in one pass.

extension FactTable {
    /// Distinct years, ascending.
    public func distinctYears() -> [Int] {
        var seen = [Bool](repeating: false, count: 1 << 16)
        year.withUnsafeBufferPointer { for y in $0 { seen[Int(UInt16(bitPattern: y))] = true } }
        return seen.indices.filter { seen[$0] }.map { Int(Int16(bitPattern: UInt16($0))) }.sorted()
    }

    /// Distinct municipality indices, ascending.
    public func distinctMunicipalities() -> [Int] {
        var seen = [Bool](repeating: false, count: 256)
        municipality.withUnsafeBufferPointer { for m in $0 { seen[Int(m)] = true } }
        return seen.indices.filter { seen[$0] }
    }

    /// True when every year's rows are contiguous and years ascend.
    var isGroupedByYear: Bool {
        year.withUnsafeBufferPointer { years in
            for i in years.indices.dropFirst() where years[i] < years[i - 1] { return false }
            return true
        }
    }

    /// The rows ordered by year, keeping their order within a year (a counting sort: one
    /// pass to count, one to place each column).
    public func groupedByYear() -> FactTable {
        if isGroupedByYear { return self }
        let years = distinctYears()
        guard let first = years.first, let last = years.last else { return self }
        var start = [Int](repeating: 0, count: last - first + 2)
        for y in year { start[Int(y) - first + 1] += 1 }
        for i in 1..<start.count { start[i] += start[i - 1] }
        var order = [Int](repeating: 0, count: count)
        for row in 0..<count {
            let slot = Int(year[row]) - first
            order[start[slot]] = row
            start[slot] += 1
        }
        func gather<T>(_ column: [T]) -> [T] { order.map { column[$0] } }
        var result = FactTable()
        result.year = gather(year)
        result.quarter = gather(quarter)
        result.municipality = gather(municipality)
        result.paragraph = gather(paragraph)
        result.upheld = gather(upheld)
        result.changed = gather(changed)
        result.remanded = gather(remanded)
        result.dismissed = gather(dismissed)
        result.days = gather(days)
        result.dataset = gather(dataset)
        return result
    }
}
