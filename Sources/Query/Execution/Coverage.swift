// Which groups are rows: a group with no counted cases is shown (as 0) only when the
// data covers it, i.e. some chosen (year, quarter) slot holds data for its municipality
// and its paragraph. Impossible combinations (a municipality under another region, a
// paragraph under another law or area, Barnets lov before 2024, quarters of yearly
// data) are never rows.

/// The per-slot presence a scan needs to decide whether a group is covered. A group key is
/// the sum of a time part (its year and quarter), a place part (its municipality dimensions)
/// and a paragraph part (its paragraph and area dimensions).
struct Coverage {
    /// Per chosen slot with data: its time part, and the distinct place and paragraph parts it holds data for.
    private var slots: [(time: Int, places: [Int], paragraphs: [Int])] = []
    private let radices: [Int]
    private let kinds: [Kind]
    /// Covered group keys, marked from `slots` when that is not too much work.
    private var covered: [Bool]?

    private enum Kind { case time, place, paragraph }

    init(_ scan: Scan, _ domains: Domains, allowed: [Bool]) {
        radices = scan.groupBy.map(domains.radix)
        var strides = [Int](repeating: 1, count: radices.count)
        for i in radices.indices.reversed().dropFirst() { strides[i] = strides[i + 1] * radices[i + 1] }
        // The part of each municipality, of each paragraph under each area, and of each slot.
        var place = [Int](repeating: 0, count: domains.municipalities)
        var paragraph = [[Int]](repeating: [0], count: domains.paragraphs)
        var time = [Int](repeating: 0, count: allowed.count)
        var kinds: [Kind] = []
        for (dimension, stride) in zip(scan.groupBy, strides) {
            switch dimension.source {
            case .year:
                kinds.append(.time)
                for s in time.indices { time[s] += s / 5 * stride }
            case .quarter:
                kinds.append(.time)
                for s in time.indices { time[s] += s % 5 * stride }
            case .municipality:
                kinds.append(.place)
                for m in place.indices { place[m] += m * stride }
            case .paragraph:
                kinds.append(.paragraph)
                for p in paragraph.indices { paragraph[p] = paragraph[p].map { $0 + p * stride } }
            case .area:
                // A paragraph stands for each allowed area it belongs to.
                kinds.append(.paragraph)
                for p in paragraph.indices {
                    let areas = domains.areasOf[p].filter { scan.areas[$0] }
                    paragraph[p] = paragraph[p].flatMap { base in areas.map { base + $0 * stride } }
                }
            case .lookup(let lookup):
                let of = domains.lookup(dimension).of
                if lookup.base == .municipality {
                    kinds.append(.place)
                    for m in place.indices { place[m] += of[m] * stride }
                } else {
                    kinds.append(.paragraph)
                    for p in paragraph.indices { paragraph[p] = paragraph[p].map { $0 + of[p] * stride } }
                }
            }
        }
        self.kinds = kinds
        let keySpace = radices.reduce(1, *)
        // Distinct parts per slot, through small numberings of the parts: `seen[n] == slot` when
        // part number n is already listed for the slot. Only the municipalities and paragraphs the
        // scan allows are looked at.
        let (placeNumber, placeParts) = Self.numbering(place.map { [$0] })
        let (paragraphNumber, paragraphParts) = Self.numbering(paragraph)
        let chosenPlaces = (0..<domains.municipalities).filter { scan.municipalities?[$0] ?? true }.map { ($0, placeNumber[$0][0]) }
        let chosenParagraphs = (0..<domains.paragraphs).filter { scan.paragraphs?[$0] ?? true }
        var placeSeen = [Int](repeating: -1, count: placeParts.count)
        var paragraphSeen = [Int](repeating: -1, count: paragraphParts.count)
        var work = 0
        let (m, p) = (domains.municipalities, domains.paragraphs)
        // Flat lists of the paragraphs' part numbers (`paragraphFrom[i]..<paragraphFrom[i + 1]` for
        // chosen paragraph i), and the presence bits read in place.
        let paragraphFrom = chosenParagraphs.reduce(into: [0]) { $0.append($0.last! + paragraphNumber[$1].count) }
        let paragraphNumbers = chosenParagraphs.flatMap { paragraphNumber[$0] }
        domains.slotMunicipalities.withUnsafeBufferPointer { slotMunicipalities in
            domains.slotParagraphs.withUnsafeBufferPointer { slotParagraphs in
                // Each slot's loops stop once every distinct part is listed (often the first hit).
                for slot in allowed.indices where allowed[slot] {
                    var places: [Int] = [], paragraphs: [Int] = []
                    for (municipality, n) in chosenPlaces where placeSeen[n] != slot && slotMunicipalities[slot * m + municipality] {
                        placeSeen[n] = slot
                        places.append(placeParts[n])
                        if places.count == placeParts.count { break }
                    }
                    paragraphNumbers.withUnsafeBufferPointer { numbers in
                        for (i, paragraph) in chosenParagraphs.enumerated() where slotParagraphs[slot * p + paragraph] {
                            for n in numbers[paragraphFrom[i]..<paragraphFrom[i + 1]] where paragraphSeen[n] != slot {
                                paragraphSeen[n] = slot
                                paragraphs.append(paragraphParts[n])
                            }
                            if paragraphs.count == paragraphParts.count { break }
                        }
                    }
                    if !places.isEmpty, !paragraphs.isEmpty {
                        slots.append((time[slot], places, paragraphs))
                        work += places.count * paragraphs.count
                    }
                }
            }
        }
        guard keySpace <= 1 << 20, work <= 1 << 24 else { return }
        var marks = [Bool](repeating: false, count: keySpace)
        for entry in slots {
            for placePart in entry.places {
                for paragraphPart in entry.paragraphs { marks[entry.time + placePart + paragraphPart] = true }
            }
        }
        covered = marks
    }

    /// True when some chosen slot holds data for the group with these key parts.
    func covers(_ parts: [Int]) -> Bool {
        covers(key: zip(parts, radices).reduce(0) { $0 * $1.1 + $1.0 })
    }

    /// True when some chosen slot holds data for the group with this key.
    func covers(key: Int) -> Bool {
        if let covered { return covered[key] }
        var (time, place, paragraph) = (0, 0, 0)
        var rest = key, stride = 1
        for (kind, radix) in zip(kinds, radices).reversed() {
            let part = rest % radix * stride
            switch kind {
            case .time: time += part
            case .place: place += part
            case .paragraph: paragraph += part
            }
            rest /= radix
            stride *= radix
        }
        return slots.contains { $0.time == time && $0.places.contains(place) && $0.paragraphs.contains(paragraph) }
    }

    /// Numbers the distinct values of `lists`: each list's value numbers, and the values by number.
    private static func numbering(_ lists: [[Int]]) -> (numbers: [[Int]], values: [Int]) {
        var number: [Int: Int] = [:], values: [Int] = []
        let numbers = lists.map { list in
            list.map { value in
                if let known = number[value] { return known }
                number[value] = values.count
                values.append(value)
                return values.count - 1
            }
        }
        return (numbers, values)
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
