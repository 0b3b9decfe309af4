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
