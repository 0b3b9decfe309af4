// Which groups a result shows, and the footer notes that say what a result
// covers: periods, data sources (synthetic data always named), small counts.

extension Evaluator {
    /// Group keys in display order. Without mixed `or` filters every combination of
    /// the allowed dimension values that the data covers is shown, so a municipality with
    /// no complaints appears with 0 cases instead of vanishing (Coverage.swift decides).
    func groupKeys(_ aggregate: Aggregate, _ scan: Scan) -> [Int] {
        if scan.groupBy.isEmpty { return [0] }
        if scan.residual != nil { return aggregate.totals.keys.sorted() }
        let paragraphs = (0..<domains.paragraphs).filter {
            (scan.paragraphs?[$0] ?? true) && aggregate.presentParagraphs[$0]
        }
        let municipalities = (0..<domains.municipalities).filter {
            (scan.municipalities?[$0] ?? true) && aggregate.presentMunicipalities[$0]
        }
        let periods = aggregate.presentPeriods
        let values: [[Int]] = scan.groupBy.map { dimension in
            switch dimension.source {
            case .municipality: municipalities
            case .paragraph: paragraphs
            case .lookup(let lookup):
                Array(Set((lookup.base == .municipality ? municipalities : paragraphs).map { domains.lookup(dimension).of[$0] })).sorted()
            case .area: (0..<Area.allCases.count).filter { area in
                    scan.areas[area] && paragraphs.contains { domains.areasOf[$0].contains(area) }
                }
            case .year: Array(Set(periods.map { $0 / 4 - domains.firstYear })).sorted()
            case .quarter: Array(0...4)
            }
        }
        let size = values.reduce(1) { $0 * $1.count }
        guard size <= 1_000_000 else { return aggregate.totals.keys.sorted() }
        var keys = [0]
        for (i, list) in values.enumerated() {
            keys = keys.flatMap { prefix in list.map { prefix * aggregate.radices[i] + $0 } }
        }
        return keys.filter { aggregate.totals[$0] != nil || aggregate.coverage.covers(aggregate.components(of: $0)) }
    }

    func footer(_ query: BoundQuery, main: Aggregate, plan: Plan, shown: Int, total: Int, casesOfRow: [Int], missingDenominators: Int,
                comparisonNotes: [String] = []) -> [String] {
        var notes = query.notes
        for crosswalk in query.crosswalks where main.presentParagraphs[crosswalk.new] {
            let (old, new) = (store.catalog.paragraphs[crosswalk.old], store.catalog.paragraphs[crosswalk.new])
            notes.append("\(old.law) \(old.sectionText) continues as \(new.law) \(new.sectionText): the condition on \(old.sectionText) covers both.")
        }
        notes.append(describePeriods(main.presentPeriods))
        notes += describeSources(main)
        if !main.yearlySkipped.isEmpty {
            notes.append("\(Binder.describeYears(Array(main.yearlySkipped))): yearly data only, left out because only some quarters were chosen.")
        }
        if main.yearlyRows, query.groupBy.contains(.quarter) {
            notes.append("An empty quarter marks yearly data that is not split by quarter.")
        }
        let absent = (0..<domains.municipalities).filter {
            (plan.main.municipalities?[$0] ?? true) && !main.presentMunicipalities[$0]
        }
        if !absent.isEmpty, !main.presentPeriods.isEmpty {
            let names = absent.prefix(3).map { store.catalog.municipalities[$0].name }.joined(separator: ", ")
            notes.append("No data for \(absent.count == 1 ? names : "\(absent.count) municipalities (\(names)\(absent.count > 3 ? ", …" : ""))") in the chosen period: \(query.groupBy.contains(.municipality) ? "not shown" : "the figures cover the municipalities with data").")
        }
        notes += populationNotes(query, main, plan.main)
        notes += comments(main, plan.main, query)
        if query.measures.contains(where: { $0.sideTable != nil }), missingDenominators > 0 {
            notes.append("\(missingDenominators) of \(casesOfRow.count) rows lack population or recipient figures for some municipality-year they cover: their per-capita values are left empty.")
        }
        let missing = casesOfRow.filter { $0 < 0 }.count
        if missing > 0 {
            notes.append("\(missing) of \(casesOfRow.count) rows include cells the source marks missing ('..'): figures that need them are left empty, never counted as 0.")
        }
        if query.measures.contains(where: \.restsOnCases) {
            let few = casesOfRow.filter { $0 > 0 && $0 < 10 }.count
            let none = casesOfRow.filter { $0 == 0 }.count
            if few > 0 {
                notes.append("\(few) of \(casesOfRow.count) rows rest on fewer than 10 cases: rates that small say little (add rate_low, rate_high for 95 % intervals).")
            }
            if none > 0 {
                notes.append("\(none) of \(casesOfRow.count) rows have no cases: their rates are left empty.")
            }
        }
        if plan.national != nil {
            notes.append("national_* = all municipalities under the same conditions; diff_* in percentage points.")
            let present = main.presentMunicipalities.filter { $0 }.count
            if present < domains.municipalities {
                notes.append("The data for these years covers \(present) of \(domains.municipalities) municipalities: national_* is their total, not the whole country's.")
            }
        }
        notes += rollingNotes(query, main)
        notes += comparisonNotes
        if shown < total {
            if let cut = query.cut {
                notes.append("\(cut.fromTop ? "Top" : "Bottom") \(shown) of \(total) rows.")
            } else {
                notes.append("Showing \(shown) of \(total) rows (limit \(shown)).")
            }
        }
        return notes
    }

    /// The municipalities' own comments on the figures shown, when the result is about at
    /// most three municipalities.
    func comments(_ aggregate: Aggregate, _ scan: Scan, _ query: BoundQuery) -> [String] {
        guard !store.comments.isEmpty, let mask = scan.municipalities, mask.filter({ $0 }).count <= 3 else { return [] }
        let years = Set(aggregate.presentPeriods.map { $0 / 4 })
        return store.comments
            .filter { c in mask[c.municipality] && years.contains(c.year) && query.areas[Area.allCases.firstIndex(of: c.area) ?? 0] }
            .sorted { ($0.municipality, $0.year) < ($1.municipality, $1.year) }
            .map { "Comment from \(store.catalog.municipalities[$0.municipality].name) (\($0.year), \($0.area.rawValue)): \($0.text)" }
    }

    /// "Years: 2019–2023", or quarter runs when some year is not whole.
    func describePeriods(_ periods: Set<Int>) -> String {
        if periods.isEmpty { return "No data for the chosen years and quarters." }
        let years = Set(periods.map { $0 / 4 })
        if years.allSatisfy({ year in (0..<4).allSatisfy { periods.contains(year * 4 + $0) } }) {
            return "Years: \(Binder.describeYears(Array(years)))."
        }
        var runs: [(Int, Int)] = []
        for period in periods.sorted() {
            if let last = runs.last, last.1 + 1 == period { runs[runs.count - 1].1 = period } else { runs.append((period, period)) }
        }
        func name(_ p: Int) -> String { "\(p / 4)Q\(p % 4 + 1)" }
        return "Quarters: " + runs.map { $0.0 == $0.1 ? name($0.0) : "\(name($0.0))–\(name($0.1))" }.joined(separator: ", ") + "."
    }

    /// One line per kind of source; synthetic data is always named as such.
    func describeSources(_ aggregate: Aggregate) -> [String] {
        let infos = sources(aggregate)
        var lines: [String] = []
        let synthetic = infos.filter(\.synthetic)
        let real = infos.filter { !$0.synthetic }
        if !synthetic.isEmpty {
            lines.append("SYNTHETIC DEMO DATA, not real figures: \(Self.fileList(synthetic.map(\.path))).")
        }
        if !real.isEmpty {
            lines.append("Data: \(real.map { "\($0.path) (\($0.format))" }.joined(separator: ", ")).")
        }
        if !synthetic.isEmpty, !real.isEmpty {
            lines.append("This result combines real and synthetic data.")
        }
        return lines
    }

    /// The kind of the datasets the footer names.
    func dataKind(_ aggregate: Aggregate) -> DataKind? {
        let flags = Set(sources(aggregate).map(\.synthetic))
        return flags.isEmpty ? nil : flags.count == 2 ? .mixed : flags.contains(true) ? .synthetic : .real
    }

    /// The datasets a result rests on; for an empty result, those covering its periods.
    func sources(_ aggregate: Aggregate) -> [DatasetInfo] {
        var used = aggregate.datasets.sorted()
        if used.isEmpty {
            // Nothing matched: name the files covering the chosen periods.
            let years = Set(aggregate.presentPeriods.map { $0 / 4 })
            var covering = Set<Int>()
            for row in 0..<store.facts.count where years.contains(Int(store.facts.year[row])) {
                covering.insert(Int(store.facts.dataset[row]))
            }
            used = covering.sorted()
        }
        return used.map { store.datasets[$0] }
    }

    static func fileList(_ paths: [String]) -> String {
        paths.count <= 3 ? paths.joined(separator: ", ") : "\(paths[0]) … \(paths[paths.count - 1]) (\(paths.count) files)"
    }
}
