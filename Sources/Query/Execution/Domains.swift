// Value numbering and a row index over the fact table, built once per change of
// the store: derived dimensions (region, law, …) through lookup tables, rows
// by year and by year × municipality, and which values each period holds.

/// Dimension numbering and row index for one `OutcomeStore`.
struct Domains: Sendable {
    let municipalities: Int
    let paragraphs: Int
    /// For each lookup dimension (by name): its values in first-seen order, and the
    /// value index of each base entry (municipality or paragraph).
    let lookups: [String: (of: [Int], values: [String])]
    /// Areas of each paragraph, as `Area.allCases` indices.
    let areasOf: [[Int]]
    let firstYear: Int
    /// Number of years from the first to the last year in the data.
    let years: Int
    /// The distinct years in the data, ascending.
    let yearList: [Int]
    /// Rows of each year when the fact table is grouped by year (the engine keeps it so); else nil.
    let yearRows: [Int: Range<Int>]?
    /// Row numbers ordered by (year index × municipalities + municipality): the rows of cell `c`
    /// are `rowOrder[cellStart[c]..<cellStart[c + 1]]`.
    let rowOrder: [Int32]
    let cellStart: [Int32]
    /// For each slot (year index × 5 + quarter, quarter 0 = whole-year data): whether it has
    /// rows, and which paragraphs (slot × paragraphs + p) and municipalities (slot ×
    /// municipalities + m) it has rows for.
    let slotHasRows: [Bool]
    /// Years whose data comes from a dkq outcome file: it lists every non-zero cell, so it covers
    /// every municipality and paragraph (absent = 0), unlike an imported table.
    let completeYears: Set<Int>
    let slotParagraphs: [Bool]
    let slotMunicipalities: [Bool]
    /// Totals per slot × paragraph and slot × municipality, built on first use.
    let rollups = RollupBox()
    /// Municipality index by folded name, Ankestyrelsen spelling and full name.
    let municipalityByName: [String: Int]

    init(_ store: OutcomeStore) {
        let catalog = store.catalog
        var byName: [String: Int] = [:]
        for (index, m) in catalog.municipalities.enumerated().reversed() {
            for name in [m.fullName, m.astName, m.name] { byName[foldName(name)] = index }
        }
        municipalityByName = byName
        municipalities = catalog.municipalities.count
        paragraphs = catalog.paragraphs.count
        var lookups: [String: (of: [Int], values: [String])] = [:]
        for dimension in Schema.dimensions {
            guard case .lookup(let lookup) = dimension.source else { continue }
            let count = lookup.base == .municipality ? catalog.municipalities.count : catalog.paragraphs.count
            var values: [String] = []
            var index: [String: Int] = [:]
            let of = (0..<count).map { entry in
                let value = lookup.value(catalog, entry)
                if let known = index[value] { return known }
                index[value] = values.count
                values.append(value)
                return values.count - 1
            }
            lookups[dimension.name] = (of, values)
        }
        self.lookups = lookups
        areasOf = catalog.paragraphs.map { p in p.areas.map(\.index) }

        let facts = store.facts
        var ranges: [Int: Range<Int>] = [:]
        var sorted = true
        var runStart = 0
        var low = Int.max, high = Int.min
        for row in 0..<facts.count where row + 1 == facts.count || facts.year[row + 1] != facts.year[row] {
            let year = Int(facts.year[row])
            if ranges[year] != nil { sorted = false }
            ranges[year] = runStart..<(row + 1)
            runStart = row + 1
            low = min(low, year)
            high = max(high, year)
        }
        yearRows = sorted ? ranges : nil
        yearList = ranges.keys.sorted()
        firstYear = yearList.first ?? 0
        years = yearList.isEmpty ? 0 : high - low + 1

        // Two passes (count, place) over raw buffers: no per-cell arrays to grow.
        let slots = max(1, years) * 5
        let (m, p, first, n) = (municipalities, paragraphs, firstYear, facts.count)
        let start = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(1, years) * m + 1)
        let hasRows = UnsafeMutableBufferPointer<Bool>.allocate(capacity: slots)
        let slotParagraphs = UnsafeMutableBufferPointer<Bool>.allocate(capacity: slots * p)
        let slotMunicipalities = UnsafeMutableBufferPointer<Bool>.allocate(capacity: slots * m)
        defer {
            start.deallocate()
            [hasRows, slotParagraphs, slotMunicipalities].forEach { $0.deallocate() }
        }
        start.initialize(repeating: 0)
        hasRows.initialize(repeating: false)
        slotParagraphs.initialize(repeating: false)
        slotMunicipalities.initialize(repeating: false)
        rowOrder = facts.year.withUnsafeBufferPointer { year in
            facts.quarter.withUnsafeBufferPointer { quarter in
                facts.municipality.withUnsafeBufferPointer { municipality in
                    facts.paragraph.withUnsafeBufferPointer { paragraph in
                        for row in 0..<n {
                            let yearIndex = Int(year[row]) - first
                            let slot = yearIndex * 5 + Int(quarter[row])
                            let place = Int(municipality[row])
                            start[yearIndex * m + place + 1] += 1
                            hasRows[slot] = true
                            slotParagraphs[slot * p + Int(paragraph[row])] = true
                            slotMunicipalities[slot * m + place] = true
                        }
                        for cell in 1..<start.count { start[cell] += start[cell - 1] }
                        let next = UnsafeMutableBufferPointer<Int32>.allocate(capacity: start.count)
                        defer { next.deallocate() }
                        _ = next.initialize(from: start)
                        return [Int32](unsafeUninitializedCapacity: n) { order, initialized in
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
        }
        // Cells known to be missing (reported as unknown, not zero) still make their period present.
        for cell in store.missing where cell.year >= first && cell.year - first < max(1, years) {
            let slot = (cell.year - first) * 5 + cell.quarter
            hasRows[slot] = true
            slotParagraphs[slot * p + cell.paragraph] = true
            slotMunicipalities[slot * m + cell.municipality] = true
        }
        let folderFormat = store.datasets.map { $0.format == "dkq-csv" }
        var complete = Set<Int>()
        for (year, range) in ranges where range.contains(where: { folderFormat[Int(facts.dataset[$0])] }) { complete.insert(year) }
        completeYears = complete
        cellStart = Array(start)
        slotHasRows = Array(hasRows)
        self.slotParagraphs = Array(slotParagraphs)
        self.slotMunicipalities = Array(slotMunicipalities)
    }

    /// The rows of one municipality in one year (by year index).
    func rows(yearIndex: Int, municipality: Int) -> ArraySlice<Int32> {
        let cell = yearIndex * municipalities + municipality
        return rowOrder[Int(cellStart[cell])..<Int(cellStart[cell + 1])]
    }

    /// The row ranges of the years a scan's periods touch (all rows when unknown).
    func rowRanges(_ periods: PeriodMask?, count: Int) -> [Range<Int>] {
        guard let yearRows, let periods else { return [0..<count] }
        return yearList.filter { year in (1...4).contains { periods.allows(year: year, quarter: $0) } }
            .compactMap { yearRows[$0] }
    }

    /// A lookup dimension's numbering.
    func lookup(_ dimension: Dimension) -> (of: [Int], values: [String]) {
        lookups[dimension.name] ?? ([], [])
    }

    func radix(_ dimension: Dimension) -> Int {
        switch dimension.source {
        case .municipality: municipalities
        case .lookup: lookup(dimension).values.count
        case .paragraph: paragraphs
        case .area: Area.allCases.count
        case .year: max(1, years)
        case .quarter: 5  // 0 = a whole year (yearly data), 1-4
        }
    }
}
