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

extension FactTable {
    /// These rows (grouped by year and municipality, as the engine keeps them) without the years
    /// `replaced` names, their datasets renumbered by `renumber`, with `imported`'s rows (datasets
    /// shifted by `datasetOffset`) in place: the rows and order `sortedForIndex` gives for the kept
    /// rows followed by the imported ones, built by copying whole year runs, not row by row, and
    /// letting go of each imported column once it is copied (or taking the imported columns as they
    /// are when no row is kept).
    func replacingYears(with imported: consuming FactTable, replaced: (Int16) -> Bool, renumber: [UInt8], datasetOffset: Int) -> FactTable {
        var added = imported.sortedForIndex()
        _ = consume imported
        func rowByRow() -> FactTable {
            var kept = filter { !replaced(year[$0]) }
            kept.dataset = FactColumn(kept.dataset.map { renumber[Int($0)] })
            kept.append(contentsOf: added, datasetOffset: datasetOffset)
            return kept.sortedForIndex()
        }
        guard index != nil || isSortedForIndex else { return rowByRow() }
        // The runs of whole years to copy, in year order (a year both keep is left to `rowByRow`).
        var runs: [(fromImported: Bool, rows: Range<Int>)] = []
        var (old, new) = (0, 0)
        func yearRun(_ table: FactTable, from start: Int) -> Range<Int> {
            var end = start
            while end < table.count, table.year[end] == table.year[start] { end += 1 }
            return start..<end
        }
        while old < count || new < added.count {
            if old < count, new >= added.count || year[old] <= added.year[new] {
                let run = yearRun(self, from: old)
                if !replaced(year[old]) {
                    if new < added.count, year[old] == added.year[new] { return rowByRow() }
                    runs.append((false, run))
                }
                old = run.upperBound
            } else {
                let run = yearRun(added, from: new)
                runs.append((true, run))
                new = run.upperBound
            }
        }
        if runs.allSatisfy(\.fromImported) {
            // Nothing is kept: the imported columns become the table as they are.
            let offset = UInt8(datasetOffset)
            added.dataset = FactColumn(unsafeUninitializedCapacity: added.count) { buffer, initialized in
                added.dataset.withUnsafeBufferPointer { datasets in
                    for row in datasets.indices { buffer[row] = datasets[row] + offset }
                }
                initialized = added.count
            }
            return added
        }
        let total = runs.reduce(0) { $0 + $1.rows.count }
        func joined<T: BitwiseCopyable>(_ old: FactColumn<T>, _ new: FactColumn<T>) -> FactColumn<T> {
            FactColumn(unsafeUninitializedCapacity: total) { buffer, initialized in
                old.withUnsafeBufferPointer { oldValues in
                    new.withUnsafeBufferPointer { newValues in
                        for (fromImported, rows) in runs {
                            let source = UnsafeBufferPointer(rebasing: (fromImported ? newValues : oldValues)[rows])
                            _ = UnsafeMutableBufferPointer(rebasing: buffer[initialized..<(initialized + rows.count)]).initialize(from: source)
                            initialized += rows.count
                        }
                    }
                }
            }
        }
        var result = FactTable()
        (result.year, added.year) = (joined(year, added.year), FactColumn())
        (result.quarter, added.quarter) = (joined(quarter, added.quarter), FactColumn())
        (result.municipality, added.municipality) = (joined(municipality, added.municipality), FactColumn())
        (result.paragraph, added.paragraph) = (joined(paragraph, added.paragraph), FactColumn())
        (result.upheld, added.upheld) = (CountColumn(joined(upheld.int32, added.upheld.int32)), CountColumn())
        (result.changed, added.changed) = (CountColumn(joined(changed.int32, added.changed.int32)), CountColumn())
        (result.remanded, added.remanded) = (CountColumn(joined(remanded.int32, added.remanded.int32)), CountColumn())
        (result.dismissed, added.dismissed) = (CountColumn(joined(dismissed.int32, added.dismissed.int32)), CountColumn())
        (result.days, added.days) = (joined(days, added.days), FactColumn())
        result.dataset = FactColumn(unsafeUninitializedCapacity: total) { buffer, initialized in
            for (fromImported, rows) in runs {
                for row in rows {
                    buffer[initialized] = fromImported ? added.dataset[row] + UInt8(datasetOffset) : renumber[Int(dataset[row])]
                    initialized += 1
                }
            }
        }
        return result
    }
}
