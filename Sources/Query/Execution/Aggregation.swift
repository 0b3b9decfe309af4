// The scan: one pass over the fact table summing counts per group. Groups are
// numbered by mixed radix over the grouped dimensions; a dense array holds them
// when the key space is small, a dictionary otherwise.

/// Summed counts of one group.
struct Totals: Sendable, Equatable {
    var upheld = 0, changed = 0, remanded = 0, dismissed = 0
    var daysSum = 0.0
    var daysWeight = 0
    var rows = 0
    /// Inhabitants and recipients covered by the group, when those measures are asked for
    /// (nil when a covered municipality-year has no figure).
    var population: Double?
    var recipients: Double?

    var cases: Int { upheld + changed + remanded }
    var reversed: Int { changed + remanded }
    var decided: Int { cases + dismissed }
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

/// Value numbering for dimensions: derived dimensions map through lookup tables.
struct Domains {
    let municipalities: Int
    let paragraphs: Int
    let regionOf: [Int]
    let regions: [String]
    let lawOf: [Int]
    let laws: [String]
    /// Areas of each paragraph, as `Area.allCases` indices.
    let areasOf: [[Int]]
    let firstYear: Int
    let years: Int
    /// The distinct years in the data, ascending.
    let yearList: [Int]
    /// Rows of each year when the fact table is sorted by year (the engine keeps it so); else nil.
    let yearRows: [Int: Range<Int>]?

    init(_ store: OutcomeStore) {
        let catalog = store.catalog
        municipalities = catalog.municipalities.count
        paragraphs = catalog.paragraphs.count
        regions = catalog.regions
        regionOf = catalog.municipalities.map { m in catalog.regions.firstIndex(of: m.region) ?? 0 }
        laws = catalog.laws
        lawOf = catalog.paragraphs.map { p in catalog.laws.firstIndex(of: p.law) ?? 0 }
        areasOf = catalog.paragraphs.map { p in p.areas.compactMap { Area.allCases.firstIndex(of: $0) } }
        var ranges: [Int: Range<Int>] = [:]
        var sorted = true
        var start = 0
        let column = store.facts.year
        for row in 0..<column.count where row + 1 == column.count || column[row + 1] != column[row] {
            if row + 1 < column.count, column[row + 1] < column[row] { sorted = false }
            let year = Int(column[row])
            if ranges[year] != nil { sorted = false }
            ranges[year] = start..<(row + 1)
            start = row + 1
        }
        yearRows = sorted ? ranges : nil
        yearList = sorted ? ranges.keys.sorted() : Set(column.map(Int.init)).sorted()
        firstYear = yearList.first ?? 0
        self.years = yearList.isEmpty ? 0 : (yearList.last ?? 0) - firstYear + 1
    }

    /// The row ranges a scan must read: only the years its periods allow, when known.
    func rowRanges(_ periods: PeriodMask?, count: Int) -> [Range<Int>] {
        guard let yearRows, let periods else { return [0..<count] }
        return yearList.filter { year in (1...4).contains { periods.allows(year: year, quarter: $0) } }
            .compactMap { yearRows[$0] }
    }

    func radix(_ dimension: Dimension) -> Int {
        switch dimension {
        case .municipality: municipalities
        case .region: regions.count
        case .paragraph: paragraphs
        case .law: laws.count
        case .area: Area.allCases.count
        case .year: max(1, years)
        case .quarter: 5  // 0 = a whole year (yearly data), 1-4
        }
    }
}

extension Evaluator {
    /// One pass over the rows the scan's years allow. Sums go into a dense array when
    /// the key space is small (the usual case), else into a dictionary.
    func aggregate(_ scan: Scan) -> Aggregate {
        let facts = store.facts
        let radices = scan.groupBy.map(domains.radix)
        let keySpace = radices.reduce(1, *)
        let dense = keySpace <= 1 << 18
        var denseTotals = dense ? [Totals](repeating: Totals(), count: keySpace) : []
        var sparseTotals: [Int: Totals] = [:]
        var usedDatasets = [Bool](repeating: false, count: 256)
        let periodCount = max(1, domains.years) * 4
        var countedPeriods = [Bool](repeating: false, count: periodCount)
        var seenPeriods = [Bool](repeating: false, count: periodCount)
        let areaIndex = scan.groupBy.firstIndex(of: .area)
        var keyParts = [Int](repeating: 0, count: radices.count)
        var presentParagraphs = [Bool](repeating: false, count: domains.paragraphs)
        var presentMunicipalities = [Bool](repeating: false, count: domains.municipalities)
        var yearlyRows = false
        var yearlySkipped = Set<Int>()
        let firstYear = domains.firstYear

        for range in domains.rowRanges(scan.periods, count: facts.count) {
            for row in range {
                let year = Int(facts.year[row]), quarter = Int(facts.quarter[row])
                let municipality = Int(facts.municipality[row]), paragraph = Int(facts.paragraph[row])
                if let periodsMask = scan.periods, !periodsMask.allows(year: year, quarter: quarter) {
                    if quarter == 0, periodsMask.splits(year: year) { yearlySkipped.insert(year) }
                    continue
                }
                presentParagraphs[paragraph] = true
                presentMunicipalities[municipality] = true
                let period = (year - firstYear) * 4
                if quarter == 0 {
                    for q in 0..<4 { seenPeriods[period + q] = true }
                } else {
                    seenPeriods[period + quarter - 1] = true
                }
                if let mask = scan.municipalities, !mask[municipality] { continue }
                if let mask = scan.paragraphs, !mask[paragraph] { continue }
                if let residual = scan.residual,
                    !matches(residual, year: year, quarter: quarter, municipality: municipality, paragraph: paragraph) {
                    continue
                }
                for (i, dimension) in scan.groupBy.enumerated() {
                    switch dimension {
                    case .municipality: keyParts[i] = municipality
                    case .region: keyParts[i] = domains.regionOf[municipality]
                    case .paragraph: keyParts[i] = paragraph
                    case .law: keyParts[i] = domains.lawOf[paragraph]
                    case .area: keyParts[i] = 0
                    case .year: keyParts[i] = year - firstYear
                    case .quarter: keyParts[i] = quarter
                    }
                }
                let upheld = Int(facts.upheld[row]), changed = Int(facts.changed[row])
                let remanded = Int(facts.remanded[row]), dismissed = Int(facts.dismissed[row])
                let decided = upheld + changed + remanded + dismissed
                let days = facts.days[row]
                let areas = areaIndex == nil ? [] : domains.areasOf[paragraph]
                var next = 0
                repeat {
                    if let areaIndex {
                        // Count the row under each allowed area of its paragraph.
                        while next < areas.count, !scan.areas[areas[next]] { next += 1 }
                        if next == areas.count { break }
                        keyParts[areaIndex] = areas[next]
                        next += 1
                    }
                    var key = 0
                    for (i, radix) in radices.enumerated() { key = key * radix + keyParts[i] }
                    var sum = dense ? denseTotals[key] : sparseTotals[key] ?? Totals()
                    sum.upheld += upheld
                    sum.changed += changed
                    sum.remanded += remanded
                    sum.dismissed += dismissed
                    if !days.isNaN, decided > 0 {
                        sum.daysSum += Double(days) * Double(decided)
                        sum.daysWeight += decided
                    }
                    sum.rows += 1
                    if dense { denseTotals[key] = sum } else { sparseTotals[key] = sum }
                } while areaIndex != nil
                usedDatasets[Int(facts.dataset[row])] = true
                if quarter == 0 {
                    for q in 0..<4 { countedPeriods[period + q] = true }
                } else {
                    countedPeriods[period + quarter - 1] = true
                }
                yearlyRows = yearlyRows || quarter == 0
            }
        }
        if dense {
            for (key, sum) in denseTotals.enumerated() where sum.rows > 0 { sparseTotals[key] = sum }
        }
        func periodSet(_ bits: [Bool]) -> Set<Int> {
            Set(bits.indices.filter { bits[$0] }.map { firstYear * 4 + $0 })
        }
        return Aggregate(
            radices: radices, totals: sparseTotals,
            datasets: Set(usedDatasets.indices.filter { usedDatasets[$0] }), periods: periodSet(countedPeriods),
            presentParagraphs: presentParagraphs, presentMunicipalities: presentMunicipalities, presentPeriods: periodSet(seenPeriods),
            yearlyRows: yearlyRows, yearlySkipped: yearlySkipped)
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
