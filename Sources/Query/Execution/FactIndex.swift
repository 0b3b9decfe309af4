// The row index of a fact table: which rows hold each year × municipality cell, the rows of
// each year, and which (year, quarter) slots hold which paragraphs and municipalities. Built in
// one counting pass, or read from the store file beside the rows it indexes.

/// The row index of one `FactTable`.
struct FactIndex: Sendable, Equatable {
    let municipalities: Int
    let paragraphs: Int
    let firstYear: Int
    /// Number of years from the first to the last year in the data.
    let years: Int
    /// The distinct years, ascending.
    let yearList: [Int]
    /// Where each cell (year index × municipalities + municipality) starts: its rows are
    /// `cellStart[c]..<cellStart[c + 1]`, through `rowOrder` when the table is not sorted by
    /// year and municipality (the engine keeps it sorted, so `rowOrder` is nil there).
    let cellStart: FactColumn<Int32>
    let rowOrder: FactColumn<Int32>?
    /// Per slot (year index × 5 + quarter): whether it has rows; which paragraphs
    /// (slot × paragraphs + p) and municipalities (slot × municipalities + m) it has rows for.
    let slotHasRows: FactColumn<Bool>
    let slotParagraphs: FactColumn<Bool>
    let slotMunicipalities: FactColumn<Bool>
    /// The rollups of the rows, when they were read with them from a store file (else built on first use).
    var rollups: Rollups?

    var slots: Int { max(1, years) * 5 }

    /// The rows of `year` (none for a year without rows) when the table is grouped by year,
    /// i.e. `rowOrder` is nil. A function, not a dictionary of every year: a `[Int: Range<Int>]`
    /// is instantiated at run time, with a scan of every conformance in the program at each start.
    func rows(ofYear year: Int) -> Range<Int> {
        guard rowOrder == nil, yearList.contains(year) else { return 0..<0 }
        let cell = (year - firstYear) * municipalities
        return Int(cellStart[cell])..<Int(cellStart[cell + municipalities])
    }

    /// The rows of one cell.
    func rows(cell: Int) -> RowNumbers {
        RowNumbers(position: Int(cellStart[cell]), end: Int(cellStart[cell + 1]), order: rowOrder)
    }

    /// Parts read from a store file; nil when they do not fit together (the caller rebuilds).
    init?(municipalities: Int, paragraphs: Int, firstYear: Int, years: Int, yearList: [Int], rows: Int,
          cellStart: FactColumn<Int32>, slotHasRows: FactColumn<Bool>, slotParagraphs: FactColumn<Bool>, slotMunicipalities: FactColumn<Bool>) {
        let slots = max(1, years) * 5
        guard municipalities > 0, paragraphs > 0, years >= 0, cellStart.count == max(1, years) * municipalities + 1,
            slotHasRows.count == slots, slotParagraphs.count == slots * paragraphs,
            slotMunicipalities.count == slots * municipalities, cellStart.first == 0, Int(cellStart.last ?? -1) == rows,
            yearList.allSatisfy({ $0 >= firstYear && $0 - firstYear < max(1, years) })
        else { return nil }
        let ascending = cellStart.withUnsafeBufferPointer { start in
            (1..<start.count).allSatisfy { start[$0 - 1] <= start[$0] }
        }
        guard ascending else { return nil }
        (self.municipalities, self.paragraphs, self.firstYear, self.years, self.yearList) =
            (municipalities, paragraphs, firstYear, years, yearList)
        (self.cellStart, self.rowOrder) = (cellStart, nil)
        (self.slotHasRows, self.slotParagraphs, self.slotMunicipalities) = (slotHasRows, slotParagraphs, slotMunicipalities)
    }

    /// Indexes `facts` in two passes (count, then place the rows when they are not sorted).
    init(_ facts: FactTable, municipalities m: Int, paragraphs p: Int) {
        let yearList = facts.distinctYears()
        let first = yearList.first ?? 0
        let years = yearList.isEmpty ? 0 : yearList[yearList.count - 1] - first + 1
        let slots = max(1, years) * 5
        var start = [Int32](repeating: 0, count: max(1, years) * m + 1)
        var hasRows = [Bool](repeating: false, count: slots)
        var slotParagraphs = [Bool](repeating: false, count: slots * p)
        var slotMunicipalities = [Bool](repeating: false, count: slots * m)
        var sorted = true
        let n = facts.count
        facts.year.withUnsafeBufferPointer { year in
            facts.quarter.withUnsafeBufferPointer { quarter in
                facts.municipality.withUnsafeBufferPointer { municipality in
                    facts.paragraph.withUnsafeBufferPointer { paragraph in
                        var previous = -1
                        for row in 0..<n {
                            let yearIndex = Int(year[row]) - first
                            let slot = yearIndex * 5 + Int(quarter[row])
                            let cell = yearIndex * m + Int(municipality[row])
                            if cell < previous { sorted = false }
                            previous = cell
                            start[cell + 1] += 1
                            hasRows[slot] = true
                            slotParagraphs[slot * p + Int(paragraph[row])] = true
                            slotMunicipalities[slot * m + Int(municipality[row])] = true
                        }
                    }
                }
            }
        }
        for cell in 1..<start.count { start[cell] += start[cell - 1] }
        var order: FactColumn<Int32>?
        if !sorted {
            var next = start
            order = facts.year.withUnsafeBufferPointer { year in
                facts.municipality.withUnsafeBufferPointer { municipality in
                    FactColumn<Int32>(unsafeUninitializedCapacity: n) { order, initialized in
                        for row in 0..<n {
                            let cell = (Int(year[row]) - first) * m + Int(municipality[row])
                            order[Int(next[cell])] = Int32(row)
                            next[cell] += 1
                        }
                        initialized = n
                    }
                }
            }
        }
        (municipalities, paragraphs, firstYear, self.years, self.yearList) = (m, p, first, years, yearList)
        (cellStart, rowOrder) = (FactColumn(start), order)
        (slotHasRows, self.slotParagraphs, self.slotMunicipalities) = (FactColumn(hasRows), FactColumn(slotParagraphs), FactColumn(slotMunicipalities))
    }
}

/// Row numbers of one index cell: a run of rows, or of `order`'s entries.
struct RowNumbers: Sequence, IteratorProtocol {
    var position: Int
    let end: Int
    let order: FactColumn<Int32>?

    mutating func next() -> Int? {
        guard position < end else { return nil }
        defer { position += 1 }
        return order.map { Int($0[position]) } ?? position
    }
}
