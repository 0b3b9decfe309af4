// After a PC-Axis DATA section is read: checks every total (I alt, realitetsbehandlede,
// Hele landet, regions, law level) against its parts and emits the leaf rows in (time, place, paragraph) order.

extension PXCellReader {
    /// The raw slot of outcome `kind` at time `t` for municipality value `m` and paragraph value `p`.
    private func raw(_ m: Int, _ p: Int, _ t: Int, _ kind: Int) -> Int32 {
        let slot = slotOfKind[kind]
        let page = pages[m * sizes[paragraphDim] + p]
        if slot < 0 || page < 0 { return pxAbsent }
        return store[page + t * rowWidth + slot]
    }

    /// A slot's count: 0 when absent, nil when missing (`..`).
    private func count(_ value: Int32) -> Int? {
        if value == pxMissing { return nil }
        return value == pxAbsent ? 0 : Int(value)
    }

    /// Checks totals and returns the leaf rows.
    func factTable() throws(DataError) -> FactTable {
        let dims = table.dimensions
        let places = dims[placeDim].places
        let paragraphs = dims[paragraphDim].paragraphs
        let leafPlaces = places.indices.filter { if case .municipality = places[$0] { true } else { false } }
        let leafParagraphs = paragraphs.indices.filter { if case .paragraph = paragraphs[$0] { true } else { false } }
        var present = Set<Int>()
        for index in leafPlaces { if case .municipality(let m) = places[index] { present.insert(m) } }
        let memberPlaces: [[Int]] = places.indices.map { m in
            switch places[m] {
            case .municipality: return [m]
            case .national: return present.count == catalog.municipalities.count ? leafPlaces : []
            case .region(let name):
                let wanted = Set(catalog.municipalities.indices.filter { catalog.municipalities[$0].region == name })
                return !wanted.isEmpty && wanted.isSubset(of: present)
                    ? leafPlaces.filter { if case .municipality(let i) = places[$0] { wanted.contains(i) } else { false } } : []
            case .unknown: return []
            }
        }
        let memberParagraphs: [[Int]] = paragraphs.indices.map { p in
            switch paragraphs[p] {
            case .paragraph: return [p]
            case .law(_, let members):
                return leafParagraphs.filter { if case .paragraph(let i) = paragraphs[$0] { members.contains(i) } else { false } }
            case .total: return leafParagraphs
            case .unknown: return []
            }
        }
        let sizeT = sizes[timeDim], sizeM = sizes[placeDim], sizeP = sizes[paragraphDim]
        var usedLeafPages = 0
        for key in pages.indices where pages[key] >= 0 && leafPage[key] { usedLeafPages += 1 }
        var facts = FactTable()
        let capacity = usedLeafPages * sizeT
        facts.year.reserveCapacity(capacity)
        facts.quarter.reserveCapacity(capacity)
        facts.municipality.reserveCapacity(capacity)
        facts.paragraph.reserveCapacity(capacity)
        facts.upheld.reserveCapacity(capacity)
        facts.changed.reserveCapacity(capacity)
        facts.remanded.reserveCapacity(capacity)
        facts.dismissed.reserveCapacity(capacity)
        facts.days.reserveCapacity(capacity)
        facts.dataset.reserveCapacity(capacity)
        var scratch = coords
        for t in 0..<sizeT {
            let period = dims[timeDim].periods[t]
            for m in 0..<sizeM {
                for p in 0..<sizeP {
                    let pageKey = m * sizeP + p
                    if pages[pageKey] < 0 { continue }
                    scratch[timeDim] = t
                    scratch[placeDim] = m
                    scratch[paragraphDim] = p
                    let part0 = count(raw(m, p, t, 0)), part1 = count(raw(m, p, t, 1))
                    let part2 = count(raw(m, p, t, 2)), part3 = count(raw(m, p, t, 3))
                    let partsComplete = part0 != nil && part1 != nil && part2 != nil && part3 != nil
                    // The outcome total of this group.
                    let totalRaw = raw(m, p, t, 4)
                    if let total = count(totalRaw), totalRaw != pxAbsent, partsComplete {
                        let sum = (part0 ?? 0) + (part1 ?? 0) + (part2 ?? 0) + (part3 ?? 0)
                        if sum != total { throw mismatch(&scratch, 4, total, sum) }
                    }
                    let meritsRaw = raw(m, p, t, 5)
                    if let merits = count(meritsRaw), meritsRaw != pxAbsent, part0 != nil, part1 != nil, part2 != nil {
                        let sum = (part0 ?? 0) + (part1 ?? 0) + (part2 ?? 0)
                        if sum != merits { throw mismatch(&scratch, 5, merits, sum) }
                    }
                    if leafPage[pageKey] {
                        if case .municipality(let municipality) = places[m], case .paragraph(let paragraph) = paragraphs[p] {
                            let counts = OutcomeCounts(upheld: part0 ?? 0, changed: part1 ?? 0, remanded: part2 ?? 0, dismissed: part3 ?? 0)
                            let daysRaw = raw(m, p, t, 6)
                            let dayValue = daysRaw == pxAbsent ? Float.nan : Float(bitPattern: UInt32(bitPattern: daysRaw))
                            if counts != OutcomeCounts() || !dayValue.isNaN {
                                facts.append(
                                    year: period.year, quarter: period.quarter, municipality: municipality,
                                    paragraph: paragraph, counts: counts, days: dayValue, dataset: 0)
                            }
                        }
                        continue
                    }
                    let placesIn = memberPlaces[m], paragraphsIn = memberParagraphs[p]
                    if placesIn.isEmpty || paragraphsIn.isEmpty { continue }
                    // A total over municipalities and/or paragraphs: compare each outcome with its parts.
                    for part in 0..<4 {
                        let totalRaw = raw(m, p, t, part)
                        guard totalRaw != pxAbsent, let total = count(totalRaw) else { continue }
                        var sum = 0
                        var complete = true
                        for mm in placesIn {
                            for pp in paragraphsIn {
                                if let value = count(raw(mm, pp, t, part)) { sum += value } else { complete = false }
                            }
                        }
                        if complete, sum != total { throw mismatch(&scratch, part, total, sum) }
                    }
                }
            }
        }
        return facts
    }

    private func mismatch(_ coords: inout [Int], _ kind: Int, _ total: Int, _ sum: Int) -> DataError {
        coords[outcomeDim] = kindOf.firstIndex(of: kind) ?? 0
        let number = coords.indices.reduce(0) { $0 + coords[$1] * cellStride[$1] } + 1
        let names = coords.indices.map { table.dimensions[$0].values[coords[$0]] }
        return DataError(
            file: file,
            "total disagrees with its parts: cell \(groupedThousands(number)) (\(names.joined(separator: ", "))) is \(total) but its parts add up to \(sum)")
    }
}
