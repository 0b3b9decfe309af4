// Value numbering and a row index over the fact table, built once per change of
// the store (or read with the rows from the store file): derived dimensions (region,
// law, …) through lookup tables, rows by year and by year × municipality, and which
// values each period holds.

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
    /// The rows of each year × municipality cell (see `FactIndex`).
    let index: FactIndex
    /// For each slot (year index × 5 + quarter, quarter 0 = whole-year data): whether it has
    /// rows, and which paragraphs (slot × paragraphs + p) and municipalities (slot ×
    /// municipalities + m) it has rows or missing cells for.
    let slotHasRows: FactColumn<Bool>
    /// Years whose data comes from a dkq outcome file: it lists every non-zero cell, so it covers
    /// every municipality and paragraph (absent = 0), unlike an imported table.
    let completeYears: Set<Int>
    let slotParagraphs: FactColumn<Bool>
    let slotMunicipalities: FactColumn<Bool>
    /// Totals per slot × paragraph and slot × municipality: from the store file, or built on first use.
    let rollups: RollupBox
    /// Municipality index by folded name, Ankestyrelsen spelling and full name.
    let municipalityByName: [String: Int]

    init(_ store: OutcomeStore) {
        let catalog = store.catalog
        var byName: [String: Int] = [:]
        byName.reserveCapacity(catalog.municipalities.count * 3)
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
        let (m, p) = (municipalities, paragraphs)
        let index = facts.index.flatMap { $0.municipalities == m && $0.paragraphs == p ? $0 : nil }
            ?? FactIndex(facts, municipalities: m, paragraphs: p)
        self.index = index
        rollups = RollupBox(index.rollups)
        (firstYear, years, yearList) = (index.firstYear, index.years, index.yearList)
        let first = firstYear
        var (hasRows, slotParagraphs, slotMunicipalities) = (index.slotHasRows, index.slotParagraphs, index.slotMunicipalities)
        // Cells known to be missing (reported as unknown, not zero) still make their period present.
        for cell in store.missing where cell.year >= first && cell.year - first < max(1, years) {
            let slot = (cell.year - first) * 5 + cell.quarter
            hasRows[slot] = true
            slotParagraphs[slot * p + cell.paragraph] = true
            slotMunicipalities[slot * m + cell.municipality] = true
        }
        let folderFormat = store.datasets.map { $0.format == "dkq-csv" }
        var complete = Set<Int>()
        for year in index.rowOrder == nil ? yearList : [] {
            let range = index.rows(ofYear: year)
            // The stored rollups say which one dataset each slot's rows come from: only a slot of
            // several (-2) needs its rows read (so a start does not touch every year's rows).
            let slots = (year - first) * 5..<(year - first) * 5 + 5
            if let slotDataset = index.rollups?.slotDataset, !slots.contains(where: { slotDataset[$0] == -2 }) {
                if slots.contains(where: { slotDataset[$0] >= 0 && folderFormat[slotDataset[$0]] }) { complete.insert(year) }
            } else if range.contains(where: { folderFormat[Int(facts.dataset[$0])] }) {
                complete.insert(year)
            }
        }
        completeYears = complete
        slotHasRows = hasRows
        self.slotParagraphs = slotParagraphs
        self.slotMunicipalities = slotMunicipalities
    }

    /// The rows of one municipality in one year (by year index).
    func rows(yearIndex: Int, municipality: Int) -> RowNumbers {
        index.rows(cell: yearIndex * municipalities + municipality)
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
