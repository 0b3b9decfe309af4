// Which groups are rows: a group with no counted cases is shown (as 0) only when the
// data covers it, i.e. some chosen (year, quarter) slot holds data for its municipality
// and its paragraph. Impossible combinations (a municipality under another region, a
// paragraph under another law or area, Barnets lov before 2024, quarters of yearly
// data) are never rows.

/// The per-slot presence a scan needs to decide whether a group is covered.
struct Coverage {
    /// Allowed slots (year index × 5 + quarter) with their geographic and paragraph codes present.
    private var slots: [(slot: Int, places: Set<Int>, paragraphs: Set<Int>)] = []
    private let timeParts: [(index: Int, isYear: Bool)]
    private let placeParts: [(index: Int, dimension: Dimension)]
    private let paragraphParts: [(index: Int, dimension: Dimension)]
    private let radices: [Int]

    init(_ scan: Scan, _ domains: Domains, allowed: [Bool]) {
        radices = scan.groupBy.map(domains.radix)
        var time: [(Int, Bool)] = [], places: [(Int, Dimension)] = [], paragraphs: [(Int, Dimension)] = []
        for (index, dimension) in scan.groupBy.enumerated() {
            switch dimension {
            case .year: time.append((index, true))
            case .quarter: time.append((index, false))
            case .municipality, .region: places.append((index, dimension))
            case .paragraph, .law, .area: paragraphs.append((index, dimension))
            }
        }
        (timeParts, placeParts, paragraphParts) = (time, places, paragraphs)
        for slot in allowed.indices where allowed[slot] {
            var placeCodes = Set<Int>(), paragraphCodes = Set<Int>()
            for m in 0..<domains.municipalities where domains.slotMunicipalities[slot][m] && (scan.municipalities?[m] ?? true) {
                placeCodes.insert(places.reduce(0) { code, part in
                    code * 256 + (part.1 == .municipality ? m : domains.regionOf[m])
                })
            }
            for p in 0..<domains.paragraphs where domains.slotParagraphs[slot][p] && (scan.paragraphs?[p] ?? true) {
                // A paragraph stands for each allowed area it belongs to when grouping by area.
                let areas = paragraphs.contains { $0.1 == .area } ? domains.areasOf[p].filter { scan.areas[$0] } : [0]
                for area in areas {
                    paragraphCodes.insert(paragraphs.reduce(0) { code, part in
                        code * 256 + (part.1 == .paragraph ? p : (part.1 == .law ? domains.lawOf[p] : area))
                    })
                }
            }
            if !placeCodes.isEmpty, !paragraphCodes.isEmpty { slots.append((slot, placeCodes, paragraphCodes)) }
        }
    }

    /// True when some chosen slot holds data for the group with these key parts.
    func covers(_ parts: [Int]) -> Bool {
        let place = placeParts.reduce(0) { $0 * 256 + parts[$1.index] }
        let paragraph = paragraphParts.reduce(0) { $0 * 256 + parts[$1.index] }
        return slots.contains { entry in
            timeParts.allSatisfy { part in
                part.isYear ? entry.slot / 5 == parts[part.index] : entry.slot % 5 == parts[part.index]
            } && entry.places.contains(place) && entry.paragraphs.contains(paragraph)
        }
    }
}
