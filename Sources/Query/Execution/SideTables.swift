// Denominators from Danmarks Statistik: population per municipality and year,
// recipients per municipality, year and area. A group's denominator is the sum
// over the municipality-years it covers; one missing figure makes it missing.

struct SideTables {
    let population: [Int: Double]
    let recipients: [Int: Double]

    init(_ store: OutcomeStore) {
        var population: [Int: Double] = [:]
        for row in store.population { population[Self.key(row.municipality, row.year, 0)] = row.value }
        var recipients: [Int: Double] = [:]
        for row in store.recipients {
            recipients[Self.key(row.municipality, row.year, Area.allCases.firstIndex(of: row.area) ?? 0)] = row.value
        }
        self.population = population
        self.recipients = recipients
    }

    static func key(_ municipality: Int, _ year: Int, _ area: Int) -> Int {
        (municipality * 10_000 + year) * 4 + area
    }

    /// Population and recipients covered by the group with key `parts`.
    func denominators(_ parts: [Int], _ query: BoundQuery, _ scan: Scan, _ aggregate: Aggregate, _ domains: Domains) -> (Double?, Double?) {
        var municipalities = (0..<domains.municipalities).filter { scan.municipalities?[$0] ?? true }
        var years = Array(Set(aggregate.presentPeriods.map { $0 / 4 })).sorted()
        var area = query.areas.firstIndex(of: true) ?? 0
        for (dimension, value) in zip(query.groupBy, parts) {
            switch dimension {
            case .municipality: municipalities = municipalities.filter { $0 == value }
            case .region: municipalities = municipalities.filter { domains.regionOf[$0] == value }
            case .year: years = years.filter { $0 == domains.firstYear + value }
            case .area: area = value
            default: break
            }
        }
        func total(_ table: [Int: Double], area: Int) -> Double? {
            guard !municipalities.isEmpty, !years.isEmpty else { return nil }
            var sum = 0.0
            for municipality in municipalities {
                for year in years {
                    guard let value = table[Self.key(municipality, year, area)] else { return nil }
                    sum += value
                }
            }
            return sum
        }
        return (total(population, area: 0), total(recipients, area: area))
    }
}

extension Evaluator {
    /// Where the population figures of a per-inhabitant result come from, and which are unconfirmed.
    func populationNotes(_ query: BoundQuery, _ main: Aggregate, _ scan: Scan) -> [String] {
        guard query.measures.contains(where: { $0.needsSideTable && !$0.needsOneArea }) else { return [] }
        let years = Set(main.presentPeriods.map { $0 / 4 })
        let rows = store.population.filter { years.contains($0.year) && (scan.municipalities?[$0.municipality] ?? true) }
        var notes = Set(rows.map(\.dataset)).sorted().map { index in
            let info = store.datasets[index]
            let covered = Binder.describeYears(Array(Set(rows.filter { $0.dataset == index }.map(\.year))))
            var citation = info.citation
            citation.years = []
            return "Population \(covered), 1 January: \(citation.text(.en))."
        }
        let unconfirmed = Set(rows.filter(\.unconfirmed).map(\.year))
        if !unconfirmed.isEmpty {
            notes.append("Population \(Binder.describeYears(Array(unconfirmed))) is transcribed but not confirmed by an independent copy.")
        }
        return notes
    }
}
