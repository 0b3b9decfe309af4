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

    init(_ store: OutcomeStore) {
        let catalog = store.catalog
        municipalities = catalog.municipalities.count
        paragraphs = catalog.paragraphs.count
        regions = catalog.regions
        regionOf = catalog.municipalities.map { m in catalog.regions.firstIndex(of: m.region) ?? 0 }
        laws = catalog.laws
        lawOf = catalog.paragraphs.map { p in catalog.laws.firstIndex(of: p.law) ?? 0 }
        areasOf = catalog.paragraphs.map { p in p.areas.compactMap { Area.allCases.firstIndex(of: $0) } }
        let years = store.years
        firstYear = years.first ?? 0
        self.years = years.isEmpty ? 0 : (years.last ?? 0) - firstYear + 1
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
    func aggregate(_ scan: Scan) -> Aggregate {
        let facts = store.facts
        let radices = scan.groupBy.map(domains.radix)
        var totals: [Int: Totals] = [:]
        var datasets = Set<Int>()
        var periods = Set<Int>()
        let areaIndex = scan.groupBy.firstIndex(of: .area)
        var keyParts = [Int](repeating: 0, count: radices.count)
        var presentParagraphs = [Bool](repeating: false, count: domains.paragraphs)
        var presentMunicipalities = [Bool](repeating: false, count: domains.municipalities)
        var presentPeriods = Set<Int>()
        var yearlyRows = false
        var yearlySkipped = Set<Int>()

        for row in 0..<facts.count {
            let year = Int(facts.year[row]), quarter = Int(facts.quarter[row])
            let municipality = Int(facts.municipality[row]), paragraph = Int(facts.paragraph[row])
            if let periodsMask = scan.periods, !periodsMask.allows(year: year, quarter: quarter) {
                if quarter == 0, periodsMask.splits(year: year) { yearlySkipped.insert(year) }
                continue
            }
            presentParagraphs[paragraph] = true
            presentMunicipalities[municipality] = true
            let rowPeriods = quarter == 0 ? Array(year * 4..<year * 4 + 4) : [year * 4 + quarter - 1]
            presentPeriods.formUnion(rowPeriods)
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
                case .year: keyParts[i] = year - domains.firstYear
                case .quarter: keyParts[i] = quarter
                }
            }
            let areaList = areaIndex == nil ? [0] : domains.areasOf[paragraph].filter { scan.areas[$0] }
            for area in areaList {
                if let areaIndex { keyParts[areaIndex] = area }
                var key = 0
                for (i, radix) in radices.enumerated() { key = key * radix + keyParts[i] }
                var sum = totals[key] ?? Totals()
                sum.upheld += Int(facts.upheld[row])
                sum.changed += Int(facts.changed[row])
                sum.remanded += Int(facts.remanded[row])
                sum.dismissed += Int(facts.dismissed[row])
                let days = facts.days[row]
                let decided = Int(facts.upheld[row] + facts.changed[row] + facts.remanded[row] + facts.dismissed[row])
                if !days.isNaN, decided > 0 {
                    sum.daysSum += Double(days) * Double(decided)
                    sum.daysWeight += decided
                }
                sum.rows += 1
                totals[key] = sum
            }
            datasets.insert(Int(facts.dataset[row]))
            periods.formUnion(rowPeriods)
            yearlyRows = yearlyRows || quarter == 0
        }
        return Aggregate(
            radices: radices, totals: totals, datasets: datasets, periods: periods,
            presentParagraphs: presentParagraphs, presentMunicipalities: presentMunicipalities, presentPeriods: presentPeriods,
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
