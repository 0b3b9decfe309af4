// After a PC-Axis DATA section is read: checks every total (I alt, realitetsbehandlede,
// Hele landet, regions, law level) against its parts and, for tables read into pages, emits the leaf
// rows in the engine's row order (by year, then municipality), so the merge need not regroup them.

extension PXCellReader {
    /// The raw slot of outcome `kind` at time `t` for municipality value `m` and paragraph value `p`.
    private func raw(_ m: Int, _ p: Int, _ t: Int, _ kind: Int) -> Int32 {
        let slot = slotOfKind[kind]
        if let grid {
            if slot < 0 { return pxAbsent }
            return grid.counts[kind].unsafelyUnwrapped[grid.offsets[timeDim][t] + grid.offsets[placeDim][m] + grid.offsets[paragraphDim][p]]
        }
        let page = pages[m * sizes[paragraphDim] + p]
        if slot < 0 || page < 0 { return pxAbsent }
        return store[page + t * rowWidth + slot]
    }

    /// A slot's count: 0 when absent, nil when missing (`..`).
    private func count(_ value: Int32) -> Int? {
        if value == pxMissing { return nil }
        return value == pxAbsent ? 0 : Int(value)
    }

    /// Checks every total (an outcome total, realitetsbehandlede, a place or paragraph total) against
    /// its parts, in the file's order (period, place, paragraph); throws the first that disagrees.
    func checkTotals() throws(DataError) {
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
        let sizeT = sizes[timeDim], sizeP = sizes[paragraphDim]
        // Only groups with a total to check: every group when the table has outcome totals, else the place and paragraph totals.
        let hasOutcomeTotals = slotOfKind[4] >= 0 || slotOfKind[5] >= 0
        let checked = pages.indices.filter { (hasOutcomeTotals || !leafPage[$0]) && (grid != nil || pages[$0] >= 0) }
        guard !checked.isEmpty else { return }
        var scratch = coords
        for t in 0..<sizeT {
            for key in checked {
                let (m, p) = key.quotientAndRemainder(dividingBy: sizeP)
                func fail(_ kind: Int, _ total: Int, _ sum: Int) -> DataError {
                    scratch[timeDim] = t; scratch[placeDim] = m; scratch[paragraphDim] = p
                    return mismatch(&scratch, kind, total, sum)
                }
                let raw0 = raw(m, p, t, 0), raw1 = raw(m, p, t, 1), raw2 = raw(m, p, t, 2), raw3 = raw(m, p, t, 3)
                // Absent reads as 0, missing (`..`) as 0 but makes a sum incomplete.
                let part0 = Int(max(raw0, 0)), part1 = Int(max(raw1, 0)), part2 = Int(max(raw2, 0)), part3 = Int(max(raw3, 0))
                let threeComplete = raw0 != pxMissing && raw1 != pxMissing && raw2 != pxMissing
                let partsComplete = threeComplete && raw3 != pxMissing
                // The outcome total and realitetsbehandlede of this group.
                let totalRaw = raw(m, p, t, 4)
                if totalRaw >= 0, partsComplete, part0 + part1 + part2 + part3 != Int(totalRaw) {
                    throw fail(4, Int(totalRaw), part0 + part1 + part2 + part3)
                }
                let meritsRaw = raw(m, p, t, 5)
                if meritsRaw >= 0, threeComplete, part0 + part1 + part2 != Int(meritsRaw) {
                    throw fail(5, Int(meritsRaw), part0 + part1 + part2)
                }
                if leafPage[key] { continue }
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
                    if complete, sum != total { throw fail(part, total, sum) }
                }
            }
        }
    }

    /// Checks totals and returns the leaf rows of the pages, and the leaf cells marked missing (`..`).
    func factTable() throws(DataError) -> (FactTable, [MissingCell]) {
        try checkTotals()
        let dims = table.dimensions
        let places = dims[placeDim].places
        let paragraphs = dims[paragraphDim].paragraphs
        let leafPlaces = places.indices.filter { if case .municipality = places[$0] { true } else { false } }
        let sizeT = sizes[timeDim], sizeM = sizes[placeDim], sizeP = sizes[paragraphDim]
        var usedLeafPages = 0
        for key in pages.indices where pages[key] >= 0 && leafPage[key] { usedLeafPages += 1 }
        let capacity = usedLeafPages * sizeT
        // Catalog indices of leaf values (pages of leaf × leaf only are emitted).
        let leafIndex: (Int, Int) -> (Int, Int) = { m, p in
            if case .municipality(let municipality) = places[m], case .paragraph(let paragraph) = paragraphs[p] {
                return (municipality, paragraph)
            }
            return (0, 0)
        }
        let slot = (0...6).map { slotOfKind[$0] }
        var missing: [(at: Int, cell: MissingCell)] = []
        // The leaf rows come out in the engine's order (by year, then municipality; within that by
        // period, value and paragraph): each year's periods, each catalog municipality's values.
        let periods = dims[timeDim].periods
        let yearPeriods = Dictionary(grouping: 0..<sizeT) { periods[$0].year }.sorted { $0.key < $1.key }.map(\.value)
        let placeValues = Dictionary(grouping: leafPlaces) { m -> Int in
            if case .municipality(let municipality) = places[m] { return municipality } else { return -1 }
        }.sorted { $0.key < $1.key }.map(\.value)
        let facts = store.withUnsafeBufferPointer { store in
            FactTable.filled(capacity: capacity) { out -> Int in
                var rows = 0
                /// Slot `kind` of the row at `base` (absent when the table lacks the kind).
                func at(_ base: Int, _ kind: Int) -> Int32 { slot[kind] < 0 ? pxAbsent : store[base + slot[kind]] }
                for periodsOfYear in yearPeriods {
                    for values in placeValues {
                        for t in periodsOfYear {
                            for m in values {
                                for p in 0..<sizeP {
                                    let pageKey = m * sizeP + p
                                    let page = pages[pageKey]
                                    guard page >= 0, leafPage[pageKey] else { continue }
                                    let base = page + t * rowWidth
                                    let raw0 = at(base, 0), raw1 = at(base, 1), raw2 = at(base, 2), raw3 = at(base, 3)
                                    let part0 = Int(max(raw0, 0)), part1 = Int(max(raw1, 0)), part2 = Int(max(raw2, 0)), part3 = Int(max(raw3, 0))
                                    let period = periods[t]
                                    let year = Int16(truncatingIfNeeded: period.year), quarter = UInt8(truncatingIfNeeded: period.quarter)
                                    let daysRaw = at(base, 6)
                                    let days = daysRaw == pxAbsent ? Float.nan : Float(bitPattern: UInt32(bitPattern: daysRaw))
                                    let (municipality, paragraph) = leafIndex(m, p)
                                    let mask = (raw0 == pxMissing ? MissingCell.upheld : 0) | (raw1 == pxMissing ? MissingCell.changed : 0)
                                        | (raw2 == pxMissing ? MissingCell.remanded : 0) | (raw3 == pxMissing ? MissingCell.dismissed : 0)
                                    if mask != 0 {
                                        missing.append(((t * sizeM + m) * sizeP + p, MissingCell(
                                            year: Int(year), quarter: Int(quarter), municipality: municipality, paragraph: paragraph, mask: mask)))
                                    }
                                    if part0 | part1 | part2 | part3 == 0 && days.isNaN { continue }
                                    out.year[rows] = year
                                    out.quarter[rows] = quarter
                                    out.municipality[rows] = UInt8(truncatingIfNeeded: municipality)
                                    out.paragraph[rows] = UInt8(truncatingIfNeeded: paragraph)
                                    out.upheld[rows] = Int32(truncatingIfNeeded: part0)
                                    out.changed[rows] = Int32(truncatingIfNeeded: part1)
                                    out.remanded[rows] = Int32(truncatingIfNeeded: part2)
                                    out.dismissed[rows] = Int32(truncatingIfNeeded: part3)
                                    out.days[rows] = days
                                    rows += 1
                                }
                            }
                        }
                    }
                }
                return rows
            }
        }
        return (facts, missing.sorted { $0.at < $1.at }.map(\.cell))
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
