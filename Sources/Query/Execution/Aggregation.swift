// The scan: one pass over the fact table summing counts per group. Groups are
// numbered by mixed radix over the grouped dimensions; a dense array holds them
// when the key space is small, a dictionary otherwise.

/// Summed counts of one group.
struct Totals: Sendable, Equatable {
    var upheld = 0, changed = 0, remanded = 0, dismissed = 0
    /// Σ(days × decided) in hundredths of a day, and Σ decided, over rows whose days are known:
    /// integers, so the mean is exact (`FactTable.hundredths`).
    var dayHundredths = 0
    var daysWeight = 0
    var rows = 0
    /// Outcome counts that some covered cell lacks (`MissingCell` bits): measures needing them are empty.
    var missing: UInt8 = 0
    /// The prior fitted on all rows of the result (for rate_shrunk) and the reversals expected
    /// from national paragraph rates (for std_ratio), when those measures are asked for.
    var prior: BetaPrior?
    var expected: Double?

    var cases: Int { upheld + changed + remanded }
    var reversed: Int { changed + remanded }
    var decided: Int { cases + dismissed }

    /// The sum of some counts.
    func sum(_ counts: [Count]) -> Int {
        counts.reduce(0) { total, count in
            switch count {
            case .upheld: total + upheld
            case .changed: total + changed
            case .remanded: total + remanded
            case .dismissed: total + dismissed
            }
        }
    }
}

/// The grouped sums of one scan.
struct Aggregate {
    /// Number of values of each grouped dimension, in `groupBy` order.
    var radices: [Int]
    /// Totals per composite key.
    var totals: [Int: Totals]
    /// Datasets that contributed rows.
    var datasets: Set<Int>
    /// Period numbers (year*4 + quarter - 1) of contributing rows.
    var periods: Set<Int>
    /// Paragraphs and periods present in the data within the scan's periods (whatever the other filters).
    var presentParagraphs: [Bool]
    var presentMunicipalities: [Bool]
    var presentPeriods: Set<Int>
    /// True when rows of yearly data (quarter 0) were counted.
    var yearlyRows: Bool
    /// Years of yearly data left out because only some of their quarters were chosen.
    var yearlySkipped: Set<Int>
    /// Which groups the data covers (see Coverage.swift).
    var coverage: Coverage

    /// The totals of the group whose per-dimension components are `parts` (empty when none).
    func totals(at parts: [Int]) -> Totals {
        var key = 0
        for (part, radix) in zip(parts, radices) { key = key * radix + part }
        return totals[key] ?? Totals()
    }

    /// Splits a composite key into per-dimension components.
    func components(of key: Int) -> [Int] {
        var rest = key
        var result = [Int](repeating: 0, count: radices.count)
        for i in stride(from: radices.count - 1, through: 0, by: -1) {
            result[i] = rest % radices[i]
            rest /= radices[i]
        }
        return result
    }
}

/// Where a row's value of one grouped dimension comes from.
private enum KeyPart {
    case municipality, paragraph, area, year, quarter
    /// A lookup: the value index of each municipality or paragraph.
    case ofMunicipality([Int]), ofParagraph([Int])

    init(_ dimension: Dimension, _ domains: Domains) {
        switch dimension.source {
        case .municipality: self = .municipality
        case .paragraph: self = .paragraph
        case .area: self = .area
        case .year: self = .year
        case .quarter: self = .quarter
        case .lookup(let lookup):
            let of = domains.lookup(dimension).of
            self = lookup.base == .municipality ? .ofMunicipality(of) : .ofParagraph(of)
        }
    }
}

/// Running sums of one scan: dense storage when the key space is small, else a dictionary.
private final class Sums {
    let dense: UnsafeMutableBufferPointer<Totals>?
    var sparse: [Int: Totals] = [:]

    init(keySpace: Int) {
        if keySpace <= 1 << 18 {
            let buffer = UnsafeMutableBufferPointer<Totals>.allocate(capacity: keySpace)
            buffer.initialize(repeating: Totals())
            dense = buffer
        } else {
            dense = nil
        }
    }

    deinit { dense?.deallocate() }

    @inline(__always)
    func add(_ key: Int, _ upheld: Int, _ changed: Int, _ remanded: Int, _ dismissed: Int, days: Float) {
        func update(_ sum: inout Totals) {
            sum.upheld += upheld
            sum.changed += changed
            sum.remanded += remanded
            sum.dismissed += dismissed
            let decided = upheld + changed + remanded + dismissed
            if !days.isNaN, decided > 0 {
                sum.dayHundredths += FactTable.hundredths(days) * decided
                sum.daysWeight += decided
            }
            sum.rows += 1
        }
        if let dense { update(&dense[key]) } else { update(&sparse[key, default: Totals()]) }
    }

    /// Adds a rollup cell (the sums of `cell.rows` rows).
    func add(_ key: Int, _ cell: RollupCell) {
        func update(_ sum: inout Totals) {
            sum.upheld += cell.upheld
            sum.changed += cell.changed
            sum.remanded += cell.remanded
            sum.dismissed += cell.dismissed
            sum.dayHundredths += cell.dayHundredths
            sum.daysWeight += cell.daysWeight
            sum.rows += cell.rows
        }
        if let dense { update(&dense[key]) } else { update(&sparse[key, default: Totals()]) }
    }

    /// Marks counts of a group as missing in some cell.
    func markMissing(_ key: Int, _ mask: UInt8) {
        if let dense { dense[key].missing |= mask } else { sparse[key, default: Totals()].missing |= mask }
    }

    /// The groups that received rows or missing cells.
    var groups: [Int: Totals] {
        guard let dense else { return sparse }
        var result: [Int: Totals] = [:]
        for key in dense.indices where dense[key].rows > 0 || dense[key].missing != 0 { result[key] = dense[key] }
        return result
    }
}

extension Evaluator {
    /// Sums the rows a scan selects. Which values each chosen period holds comes from the
    /// index; the rows read are only those of the chosen years, and only those of the chosen
    /// municipalities when they are few.
    func aggregate(_ scan: Scan) -> Aggregate {
        let facts = store.facts
        let radices = scan.groupBy.map(domains.radix)
        let sums = Sums(keySpace: radices.reduce(1, *))
        let firstYear = domains.firstYear

        // Which (year, quarter) slots the scan allows, and what they hold.
        let slotCount = max(1, domains.years) * 5
        var allowed = [Bool](repeating: false, count: slotCount)
        var presentParagraphs = [Bool](repeating: false, count: domains.paragraphs)
        var presentMunicipalities = [Bool](repeating: false, count: domains.municipalities)
        var presentPeriods = Set<Int>()
        var yearlySkipped = Set<Int>()
        for slot in 0..<slotCount where domains.slotHasRows[slot] {
            let year = firstYear + slot / 5, quarter = slot % 5
            if let periods = scan.periods, !periods.allows(year: year, quarter: quarter) {
                if quarter == 0, periods.splits(year: year) { yearlySkipped.insert(year) }
                continue
            }
            allowed[slot] = true
            for p in 0..<domains.paragraphs where domains.slotParagraphs[slot * domains.paragraphs + p] { presentParagraphs[p] = true }
            for m in 0..<domains.municipalities where domains.slotMunicipalities[slot * domains.municipalities + m] { presentMunicipalities[m] = true }
            if quarter == 0 { presentPeriods.formUnion(year * 4..<year * 4 + 4) } else { presentPeriods.insert(year * 4 + quarter - 1) }
        }

        var usedDatasets = [Bool](repeating: false, count: 256)
        var countedSlots = [Bool](repeating: false, count: slotCount)
        let parts = scan.groupBy.map { dimension in KeyPart(dimension, domains) }
        let areaIndex = scan.groupBy.firstIndex(of: .area)
        let areaStride = areaIndex.map { radices[($0 + 1)...].reduce(1, *) } ?? 0

        /// The group key of a cell, or nil when the scan leaves it out.
        func groupKey(_ slot: Int, _ municipality: Int, _ paragraph: Int) -> Int? {
            guard allowed[slot] else { return nil }
            if let mask = scan.municipalities, !mask[municipality] { return nil }
            if let mask = scan.paragraphs, !mask[paragraph] { return nil }
            if let residual = scan.residual,
                !matches(residual, year: firstYear + slot / 5, quarter: slot % 5, municipality: municipality, paragraph: paragraph) {
                return nil
            }
            return cellKey(parts, radices, municipality: municipality, paragraph: paragraph, slot: slot)
        }

        func visit(_ row: Int) {
            let slot = (Int(facts.year[row]) - firstYear) * 5 + Int(facts.quarter[row])
            let municipality = Int(facts.municipality[row]), paragraph = Int(facts.paragraph[row])
            guard let key = groupKey(slot, municipality, paragraph) else { return }
            let (upheld, changed) = (Int(facts.upheld[row]), Int(facts.changed[row]))
            let (remanded, dismissed) = (Int(facts.remanded[row]), Int(facts.dismissed[row]))
            if areaIndex != nil {
                // A row counts under each allowed area of its paragraph.
                for area in domains.areasOf[paragraph] where scan.areas[area] {
                    sums.add(key + area * areaStride, upheld, changed, remanded, dismissed, days: facts.days[row])
                }
            } else {
                sums.add(key, upheld, changed, remanded, dismissed, days: facts.days[row])
            }
            usedDatasets[Int(facts.dataset[row])] = true
            countedSlots[slot] = true
        }

        let chosen = scan.municipalities.map { mask in mask.indices.filter { mask[$0] } }
        if let byParagraph = rollup(for: scan, allowed: allowed) {
            // Pre-aggregated cells: per slot × paragraph, or per slot × municipality.
            let rollups = self.rollups
            let (cells, width) = byParagraph
                ? (rollups.byParagraph, domains.paragraphs) : (rollups.byMunicipality, domains.municipalities)
            let mask = byParagraph ? scan.paragraphs : scan.municipalities
            for slot in 0..<slotCount where allowed[slot] {
                var counted = false
                for value in 0..<width where cells[slot * width + value].rows > 0 && mask?[value] ?? true {
                    let cell = cells[slot * width + value]
                    let (municipality, paragraph) = byParagraph ? (0, value) : (value, 0)
                    let key = cellKey(parts, radices, municipality: municipality, paragraph: paragraph, slot: slot)
                    if areaIndex != nil {
                        for area in domains.areasOf[paragraph] where scan.areas[area] { sums.add(key + area * areaStride, cell) }
                    } else {
                        sums.add(key, cell)
                    }
                    counted = true
                }
                if counted {
                    countedSlots[slot] = true
                    usedDatasets[rollups.slotDataset[slot]] = true
                }
            }
        } else if let chosen, chosen.count * 4 < domains.municipalities {
            for yearIndex in 0..<max(1, domains.years) where (0..<5).contains(where: { allowed[yearIndex * 5 + $0] }) {
                for municipality in chosen {
                    for row in domains.rows(yearIndex: yearIndex, municipality: municipality) {
                        visit(Int(row))
                    }
                }
            }
        } else {
            for range in domains.rowRanges(scan.periods, count: facts.count) {
                if cancel?.isRaised == true { break }
                for row in range { visit(row) }
            }
        }

        // Cells the source marks missing: their group's figures that need them become empty.
        for cell in store.missing where cell.year >= firstYear && cell.year < firstYear + max(1, domains.years) {
            let slot = (cell.year - firstYear) * 5 + cell.quarter
            guard let key = groupKey(slot, cell.municipality, cell.paragraph) else { continue }
            if areaIndex != nil {
                for area in domains.areasOf[cell.paragraph] where scan.areas[area] { sums.markMissing(key + area * areaStride, cell.mask) }
            } else {
                sums.markMissing(key, cell.mask)
            }
            usedDatasets[cell.dataset] = true
        }

        var periods = Set<Int>()
        for slot in 0..<slotCount where countedSlots[slot] {
            let year = firstYear + slot / 5, quarter = slot % 5
            if quarter == 0 { periods.formUnion(year * 4..<year * 4 + 4) } else { periods.insert(year * 4 + quarter - 1) }
        }
        return Aggregate(
            radices: radices, totals: sums.groups,
            datasets: Set(usedDatasets.indices.filter { usedDatasets[$0] }), periods: periods,
            presentParagraphs: presentParagraphs, presentMunicipalities: presentMunicipalities, presentPeriods: presentPeriods,
            yearlyRows: (0..<max(1, domains.years)).contains { countedSlots[$0 * 5] }, yearlySkipped: yearlySkipped,
            coverage: Coverage(scan, domains, allowed: allowed))
    }

    /// The group key of a row (or rollup cell) in mixed radix over the grouped dimensions.
    @inline(__always)
    private func cellKey(_ parts: [KeyPart], _ radices: [Int], municipality: Int, paragraph: Int, slot: Int) -> Int {
        var key = 0
        for (i, part) in parts.enumerated() {
            let value: Int
            switch part {
            case .municipality: value = municipality
            case .paragraph: value = paragraph
            case .ofMunicipality(let of): value = of[municipality]
            case .ofParagraph(let of): value = of[paragraph]
            case .area: value = 0
            case .year: value = slot / 5
            case .quarter: value = slot % 5
            }
            key = key * radices[i] + value
        }
        return key
    }

    /// Which rollup answers a scan, if any: the paragraph rollup when nothing is filtered or
    /// grouped by municipality, the municipality rollup when nothing is by paragraph, and only
    /// when each chosen slot's rows come from one dataset (so the footer can name it).
    /// Returns true for the paragraph rollup, false for the municipality rollup.
    func rollup(for scan: Scan, allowed: [Bool]) -> Bool? {
        guard useRollups, scan.residual == nil else { return nil }
        // Which base each grouped dimension reads: nil for period dimensions.
        let bases: [Bool?] = scan.groupBy.map { dimension in
            switch dimension.source {
            case .municipality: false
            case .paragraph, .area: true
            case .year, .quarter: nil
            case .lookup(let lookup): lookup.base == .paragraph
            }
        }
        let byParagraph = scan.municipalities == nil && !bases.contains(false)
        let byMunicipality = scan.paragraphs == nil && !bases.contains(true)
        guard byParagraph || byMunicipality else { return nil }
        let useParagraphs = byParagraph && !(byMunicipality && domains.municipalities < domains.paragraphs)
        // A handful of municipalities reads fewer rows through the row index.
        if !useParagraphs, let mask = scan.municipalities, mask.filter({ $0 }).count * 4 < domains.municipalities { return nil }
        let rollups = self.rollups
        for slot in allowed.indices where allowed[slot] && rollups.slotDataset[slot] == -2 { return nil }
        return useParagraphs
    }

    /// The rollups of this store, built on first use.
    var rollups: Rollups {
        domains.rollups.get { Rollups(store.facts, domains) }
    }

    func matches(_ filter: RowFilter, year: Int, quarter: Int, municipality: Int, paragraph: Int) -> Bool {
        switch filter {
        case .all: true
        case .municipality(let bits): bits[municipality]
        case .paragraph(let bits): bits[paragraph]
        case .period(let mask): mask.allows(year: year, quarter: quarter)
        case .and(let parts): parts.allSatisfy { matches($0, year: year, quarter: quarter, municipality: municipality, paragraph: paragraph) }
        case .or(let parts): parts.contains { matches($0, year: year, quarter: quarter, municipality: municipality, paragraph: paragraph) }
        case .not(let inner): !matches(inner, year: year, quarter: quarter, municipality: municipality, paragraph: paragraph)
        }
    }
}
