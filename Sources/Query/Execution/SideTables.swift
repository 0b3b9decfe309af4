// Denominators from Danmarks Statistik (the side tables in `Schema.sideTables`):
// a figure per municipality and year, and area for per-area tables. A group's
// denominator is the sum over the municipality-years it covers; one missing
// figure makes it missing.

struct SideTables {
    /// Figures of each table asked for, by (municipality, year, area) key.
    let figures: [(table: SideTable, values: [Int: Double])]

    init(_ store: OutcomeStore, tables: [SideTable]) {
        figures = tables.map { table in
            var values: [Int: Double] = [:]
            for row in table.rows(store) { values[Self.key(row.municipality, row.year, row.area?.index ?? 0)] = row.value }
            return (table, values)
        }
    }

    static func key(_ municipality: Int, _ year: Int, _ area: Int) -> Int {
        (municipality * 10_000 + year) * 4 + area
    }

    /// Each table's figure covered by the group with key `parts` (absent when missing).
    func denominators(_ parts: [Int], _ query: BoundQuery, _ scan: Scan, _ aggregate: Aggregate, _ domains: Domains) -> [String: Double] {
        var municipalities = (0..<domains.municipalities).filter { scan.municipalities?[$0] ?? true }
        var years = Array(Set(aggregate.presentPeriods.map { $0 / 4 })).sorted()
        var area = query.areas.firstIndex(of: true) ?? 0
        for (dimension, value) in zip(query.groupBy, parts) {
            switch dimension.source {
            case .municipality: municipalities = municipalities.filter { $0 == value }
            case .lookup(let lookup) where lookup.base == .municipality:
                let of = domains.lookup(dimension).of
                municipalities = municipalities.filter { of[$0] == value }
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
        var result: [String: Double] = [:]
        for (table, values) in figures {
            result[table.id] = total(values, area: table.perArea ? area : 0)
        }
        return result
    }
}

extension Evaluator {
    /// Where the population figures of a per-inhabitant result come from, and which are unconfirmed.
    func populationNotes(_ query: BoundQuery, _ main: Aggregate, _ scan: Scan) -> [Note] {
        guard query.measures.contains(where: { $0.sideTable == .population }) else { return [] }
        let years = Set(main.presentPeriods.map { $0 / 4 })
        let rows = store.population.filter { years.contains($0.year) && (scan.municipalities?[$0.municipality] ?? true) }
        var notes: [Note] = Set(rows.map(\.dataset)).sorted().map { index in
            let info = store.datasets[index]
            return .population(years: Set(rows.filter { $0.dataset == index }.map(\.year)).sorted(), source: info.citation)
        }
        let unconfirmed = Set(rows.filter(\.unconfirmed).map(\.year))
        if !unconfirmed.isEmpty {
            notes.append(.populationUnconfirmed(years: unconfirmed.sorted()))
        }
        return notes
    }
}

extension Evaluator {
    /// The decisions files a result's per-decision measures draw on: those of its years and municipalities.
    func decisionDatasets(_ query: BoundQuery, _ main: Aggregate, _ scan: Scan) -> Set<Int> {
        guard query.measures.contains(where: { $0.sideTable?.wholeYears == true }) else { return [] }
        let years = Set(main.presentPeriods.map { $0 / 4 })
        return Set(store.decisions.filter { years.contains($0.year) && (scan.municipalities?[$0.municipality] ?? true) }.map(\.dataset))
    }

    /// Where the total decisions of a per-decision result come from; a synthetic file is named as such with its own source line.
    func decisionNotes(_ query: BoundQuery, _ main: Aggregate, _ scan: Scan) -> [Note] {
        let used = decisionDatasets(query, main, scan)
        return used.sorted().map { index in
            let info = store.datasets[index]
            let years = Set(store.decisions.filter { $0.dataset == index }.map(\.year)).intersection(main.presentPeriods.map { $0 / 4 })
            let source = info.synthetic ? "\(info.source) (\(info.path))" : info.citation.text(.en, years: [])
            return .decisions(years: years.sorted(), source: source, synthetic: info.synthetic)
        }
    }
}
