// Which groups a result shows, and the footer notes that say what a result
// covers: periods, data sources (synthetic data always named), small counts.

extension Evaluator {
    /// Group keys in display order. Without mixed `or` filters every combination of
    /// the allowed dimension values that the data covers is shown, so a municipality with
    /// no complaints appears with 0 cases instead of vanishing (Coverage.swift decides).
    func groupKeys(_ aggregate: Aggregate, _ scan: Scan) -> [Int] {
        if scan.groupBy.isEmpty { return [0] }
        if scan.residual != nil { return aggregate.totals.keys }
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
        guard size <= 1_000_000 else { return aggregate.totals.keys }
        var keys = [0]
        for (i, list) in values.enumerated() {
            keys = keys.flatMap { prefix in list.map { prefix * aggregate.radices[i] + $0 } }
        }
        return keys.filter { aggregate.coverage.covers(key: $0) || aggregate.totals[$0] != nil }
    }

    func footer(_ query: BoundQuery, main: Aggregate, plan: Plan, shown: Int, total: Int, casesOfRow: [Int], missingDenominators: Int,
                missingDecisions: Int = 0,
                comparisonNotes: [Note] = []) -> [Note] {
        var notes = query.notes
        for crosswalk in query.crosswalks where main.presentParagraphs[crosswalk.new] {
            let (old, new) = (store.catalog.paragraphs[crosswalk.old], store.catalog.paragraphs[crosswalk.new])
            notes.append(.crosswalk(oldLaw: old.law, old: old.sectionText, newLaw: new.law, new: new.sectionText))
        }
        notes.append(.periods(main.presentPeriods.sorted()))
        notes += describeSources(main)
        if !main.yearlySkipped.isEmpty {
            notes.append(.yearlySkipped(main.yearlySkipped.sorted()))
        }
        if main.yearlyRows, query.groupBy.contains(.quarter) {
            notes.append(.emptyQuarterIsYearly)
        }
        let absent = (0..<domains.municipalities).filter {
            (plan.main.municipalities?[$0] ?? true) && !main.presentMunicipalities[$0]
        }
        if !absent.isEmpty, !main.presentPeriods.isEmpty {
            notes.append(.noDataFor(
                count: absent.count, names: absent.prefix(3).map { store.catalog.municipalities[$0].name },
                grouped: query.groupBy.contains(.municipality)))
        }
        notes += coverageNotes(main)
        notes += breakNotes(query, main, plan)
        notes += populationNotes(query, main, plan.main)
        notes += comments(main, plan.main, query)
        if query.measures.contains(where: { $0.sideTable != nil }), missingDenominators > 0 {
            notes.append(.missingDenominators(missingDenominators, of: casesOfRow.count))
        }
        notes += decisionNotes(query, main, plan.main)
        if query.measures.contains(where: { $0.unit == .days }) { notes.append(.daysMean) }
        if missingDecisions > 0 {
            notes.append(.missingDecisions(missingDecisions, of: casesOfRow.count))
        }
        let missing = casesOfRow.filter { $0 < 0 }.count
        if missing > 0 {
            notes.append(.missingCells(missing, of: casesOfRow.count))
        }
        if query.measures.contains(where: \.restsOnCases) {
            let few = casesOfRow.filter { $0 > 0 && $0 < 10 }.count
            let none = casesOfRow.filter { $0 == 0 }.count
            if few > 0 { notes.append(.fewCases(few, of: casesOfRow.count)) }
            if none > 0 { notes.append(.noCases(none, of: casesOfRow.count)) }
        }
        if plan.national != nil {
            notes.append(.nationalColumns)
            let present = main.presentMunicipalities.filter { $0 }.count
            if present < domains.municipalities { notes.append(.nationalCoverage(present, of: domains.municipalities)) }
        }
        notes += rollingNotes(query, main)
        notes += comparisonNotes
        if shown < total {
            if let cut = query.cut {
                notes.append(.cut(top: cut.fromTop, shown: shown, of: total))
            } else {
                notes.append(.limited(shown: shown, of: total))
            }
        }
        return notes
    }

    /// The municipalities' own comments on the figures shown, when the result is about at
    /// most three municipalities.
    func comments(_ aggregate: Aggregate, _ scan: Scan, _ query: BoundQuery) -> [Note] {
        guard !store.comments.isEmpty, let mask = scan.municipalities, mask.filter({ $0 }).count <= 3 else { return [] }
        let years = Set(aggregate.presentPeriods.map { $0 / 4 })
        return store.comments
            .filter { c in mask[c.municipality] && years.contains(c.year) && query.areas[Area.allCases.firstIndex(of: c.area) ?? 0] }
            .sorted { ($0.municipality, $0.year) < ($1.municipality, $1.year) }
            .map { .comment(municipality: store.catalog.municipalities[$0.municipality].name, year: $0.year, area: $0.area.rawValue, text: $0.text) }
    }

    /// One line per kind of source; synthetic data is always named as such.
    func describeSources(_ aggregate: Aggregate) -> [Note] {
        let cited = citations(aggregate)
        var lines: [Note] = []
        let synthetic = cited.filter(\.synthetic)
        let real = cited.filter { !$0.synthetic }
        if !synthetic.isEmpty {
            lines.append(.synthetic(sources: synthetic))
        }
        if !real.isEmpty {
            lines.append(.sources(real))
        }
        if !synthetic.isEmpty, !real.isEmpty {
            lines.append(.mixedSources)
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
                        let years = Set(aggregate.presentPeriods.map { $0 / 4 })
            var covering = Set<Int>()
            if domains.index.rowOrder == nil {
                // Only those years' rows (the rows are grouped by year).
                for year in years { for row in domains.index.rows(ofYear: year) { covering.insert(Int(store.facts.dataset[row])) } }
            } else {
                for row in 0..<store.facts.count where years.contains(Int(store.facts.year[row])) {
                    covering.insert(Int(store.facts.dataset[row]))
                }
            }
            used = covering.sorted()
        }
        return used.map { store.datasets[$0] }
    }

    /// The citations of the datasets a result drew on, narrowed to the years it covers.
    func citations(_ aggregate: Aggregate) -> [Citation] {
        Self.citations(sources(aggregate), years: Set(aggregate.presentPeriods.map { $0 / 4 }))
    }

    /// One citation per source, narrowed to the years the result drew on: the yearly files
    /// of one product cite as one.
    static func citations(_ infos: [DatasetInfo], years: Set<Int>) -> [Citation] {
        var cited: [Citation] = []
        // The years of a source cited by several datasets, merged once at the end.
        var merged: [Int: Set<Int>] = [:]
        for info in infos {
            var citation = info.citation
            let used = citation.years.filter(years.contains)
            citation.years = used.isEmpty ? citation.years : used
            if let same = cited.firstIndex(where: { $0.sameSource(as: citation) }) {
                merged[same, default: Set(cited[same].years)].formUnion(citation.years)
            } else {
                cited.append(citation)
            }
        }
        for (index, years) in merged { cited[index].years = years.sorted() }
        return cited
    }
}
