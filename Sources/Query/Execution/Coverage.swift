// Which groups are rows: a group with no counted cases is shown (as 0) only when the
// data covers it, i.e. some chosen (year, quarter) slot holds data for its municipality
// and its paragraph. Impossible combinations (a municipality under another region, a
// paragraph under another law or area, Barnets lov before 2024, quarters of yearly
// data) are never rows.

/// The per-slot presence a scan needs to decide whether a group is covered.
struct Coverage {
    /// Allowed slots (year index × 5 + quarter) with the place and paragraph codes present in them.
    private var slots: [(slot: Int, places: Set<Int>, paragraphs: Set<Int>)] = []
    private let timeParts: [(index: Int, isYear: Bool)]
    private let placeParts: [Int]
    private let paragraphParts: [Int]

    init(_ scan: Scan, _ domains: Domains, allowed: [Bool]) {
        var time: [(Int, Bool)] = [], places: [Int] = [], paragraphs: [Int] = []
        // The key part of a municipality / of a paragraph (under an area) for each grouped dimension.
        var placeValue: [(Int) -> Int] = [], paragraphValue: [(Int, Int) -> Int] = []
        var byArea = false
        for (index, dimension) in scan.groupBy.enumerated() {
            switch dimension.source {
            case .year: time.append((index, true))
            case .quarter: time.append((index, false))
            case .municipality:
                places.append(index)
                placeValue.append { $0 }
            case .paragraph:
                paragraphs.append(index)
                paragraphValue.append { p, _ in p }
            case .area:
                paragraphs.append(index)
                paragraphValue.append { _, area in area }
                byArea = true
            case .lookup(let lookup):
                let of = domains.lookup(dimension).of
                if lookup.base == .municipality {
                    places.append(index)
                    placeValue.append { of[$0] }
                } else {
                    paragraphs.append(index)
                    paragraphValue.append { p, _ in of[p] }
                }
            }
        }
        (timeParts, placeParts, paragraphParts) = (time, places, paragraphs)
        for slot in allowed.indices where allowed[slot] {
            var placeCodes = Set<Int>(), paragraphCodes = Set<Int>()
            for m in 0..<domains.municipalities where domains.slotMunicipalities[slot * domains.municipalities + m] && (scan.municipalities?[m] ?? true) {
                placeCodes.insert(placeValue.reduce(0) { $0 * 256 + $1(m) })
            }
            for p in 0..<domains.paragraphs where domains.slotParagraphs[slot * domains.paragraphs + p] && (scan.paragraphs?[p] ?? true) {
                // A paragraph stands for each allowed area it belongs to when grouping by area.
                for area in byArea ? domains.areasOf[p].filter({ scan.areas[$0] }) : [0] {
                    paragraphCodes.insert(paragraphValue.reduce(0) { $0 * 256 + $1(p, area) })
                }
            }
            if !placeCodes.isEmpty, !paragraphCodes.isEmpty { slots.append((slot, placeCodes, paragraphCodes)) }
        }
    }

    /// True when some chosen slot holds data for the group with these key parts.
    func covers(_ parts: [Int]) -> Bool {
        let place = placeParts.reduce(0) { $0 * 256 + parts[$1] }
        let paragraph = paragraphParts.reduce(0) { $0 * 256 + parts[$1] }
        return slots.contains { entry in
            timeParts.allSatisfy { part in
                part.isYear ? entry.slot / 5 == parts[part.index] : entry.slot % 5 == parts[part.index]
            } && entry.places.contains(place) && entry.paragraphs.contains(paragraph)
        }
    }
}

extension Domains {
    /// Paragraphs that exist in `year`: Barnets lov from 2024, the Serviceloven paragraphs it
    /// replaced until 2023, every other paragraph always.
    /// A Barnets lov paragraph counts only when some loaded row uses it (the catalogue lists more
    /// than the synthetic demo models; the demo keeps those provisions under their SEL codes).
    func paragraphsInForce(_ catalog: Catalog, year: Int) -> Int {
        let used = catalog.paragraphs.indices.filter { catalog.paragraphs[$0].law != "Barnets lov" || hasData(paragraph: $0) }
        let replaced = Set(used.compactMap { catalog.paragraphs[$0].formerly })
        return used.map { catalog.paragraphs[$0] }.filter { p in
            p.formerly != nil || p.law == "Barnets lov" ? year >= 2024 : (replaced.contains(p.code) ? year < 2024 : true)
        }.count
    }

    /// Whether any loaded row (of any year) is on paragraph `index`.
    func hasData(paragraph index: Int) -> Bool {
        stride(from: index, to: slotParagraphs.count, by: max(1, paragraphs)).contains { slotParagraphs[$0] }
    }

    /// "2021: 3 of 98 municipalities, 3 of 26 paragraphs" for each year in `years` whose data
    /// does not cover every municipality and paragraph; empty when all are complete. Quarterly data
    /// is judged per quarter (of `periods`, year × 4 + quarter − 1, when given): when the quarters
    /// differ, each partial quarter gets its own line ("2024Q3: 3 of 98 …"), so a year whose union
    /// looks whole but whose last quarter covers 3 municipalities is not taken for a national figure.
    func partialCoverage(_ catalog: Catalog, years: Set<Int>, periods: Set<Int>? = nil) -> [PartialCoverage] {
        years.sorted().flatMap { year -> [PartialCoverage] in
            let yearIndex = year - firstYear
            guard yearIndex >= 0, yearIndex < self.years, !completeYears.contains(year) else { return [] }
            let expected = paragraphsInForce(catalog, year: year)
            func counts(_ slots: [Int]) -> (municipalities: Int, paragraphs: Int) {
                var places = [Bool](repeating: false, count: municipalities), sections = [Bool](repeating: false, count: paragraphs)
                for slot in slots where slotHasRows[slot] {
                    for m in 0..<municipalities where slotMunicipalities[slot * municipalities + m] { places[m] = true }
                    for p in 0..<paragraphs where slotParagraphs[slot * paragraphs + p] { sections[p] = true }
                }
                return (places.filter { $0 }.count, sections.filter { $0 }.count)
            }
            func line(_ c: (municipalities: Int, paragraphs: Int), quarter: Int? = nil) -> PartialCoverage? {
                guard c.municipalities < municipalities || c.paragraphs < expected else { return nil }
                return PartialCoverage(year: year, quarter: quarter, municipalities: c.municipalities, allMunicipalities: municipalities,
                                       paragraphs: c.paragraphs, paragraphsInForce: expected)
            }
            let quarters = (1...4).filter { q in slotHasRows[yearIndex * 5 + q] && (periods?.contains(year * 4 + q - 1) ?? true) }
            let perQuarter = quarters.map { counts([yearIndex * 5 + $0]) }
            if let first = perQuarter.first, perQuarter.contains(where: { $0 != first }), !slotHasRows[yearIndex * 5] {
                return zip(quarters, perQuarter).compactMap { line($1, quarter: $0) }
            }
            return line(counts(Array(yearIndex * 5..<yearIndex * 5 + 5))).map { [$0] } ?? []
        }
    }
}

extension Evaluator {
    /// Says when the years a result uses are only partly covered, so a total over them is no national figure.
    func coverageNotes(_ main: Aggregate) -> [Note] {
        let partial = domains.partialCoverage(store.catalog, years: Set(main.presentPeriods.map { $0 / 4 }), periods: Set(main.presentPeriods))
        guard !partial.isEmpty else { return [] }
        return [.coverage(partial)]
    }
}
