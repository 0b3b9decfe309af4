// Ankestyrelsen talportal CSV: `;`-separated UTF-8, one row per Kommune ×
// Sagsemne × Aar × Kvartal, outcome columns plus Sagsbehandlingstid (days).

/// Reads a talportal data file (and its Sagsemne table, when one is given).
struct TalportalImporter {
    let file: String
    let catalog: Catalog
    let sagsemner: SagsemneTable?

    static let columns: [ColumnSpec] = [
        ColumnSpec(name: "Kommune", aliases: ["kommune", "instans", "kommunenavn"]),
        ColumnSpec(name: "Sagsemne", aliases: ["sagsemne", "lovgrundlag"]),
        ColumnSpec(name: "Aar", aliases: ["aar", "ar", "year"]),
        ColumnSpec(name: "Kvartal", aliases: ["kvartal", "quarter"]),
        ColumnSpec(name: "Stadfæstelse", aliases: ["stadfaestelse", "stadfaestet"]),
        ColumnSpec(name: "Ændring.Ophævelse", aliases: ["aendringophaevelse", "aendretophaevet"]),
        ColumnSpec(name: "Hjemvisning", aliases: ["hjemvisning", "hjemvist"]),
        ColumnSpec(name: "Afvisning.Henvisning", aliases: ["afvisninghenvisning", "afvisthenvist"]),
        ColumnSpec(name: "Antal_sager_ialt", aliases: ["antalsagerialt", "antalsageriat", "afgjortesagerialt"]),
        ColumnSpec(name: "Sagsbehandlingstid", aliases: ["sagsbehandlingstid"], required: false),
    ]

    /// Streams the rows into outcome cells, checking each as it goes.
    func load(stream: inout ByteStream) throws(DataError) -> (FactTable, [String]) {
        var header = ColumnIndices()
        var fields: [FieldRange] = []
        var headerCount = 0
        var grid = CellTable()
        var places: [String: PlaceValue] = [:]
        var subjects: [String: ParagraphValue] = [:]
        var subjectOwner: [Int: String] = [:]
        var national: [(key: UInt32, counts: OutcomeCounts, line: Int)] = []
        var placeBytes = BytesMap<PlaceValue>()
        var subjectBytes = BytesMap<ParagraphValue>()
        var lastPlaceBytes: [UInt8] = []
        var lastPlace = PlaceValue.unknown(suggestion: nil)
        var lastSubjectBytes: [UInt8] = []
        var lastSubject = ParagraphValue.unknown(suggestion: nil)
        var sawData = false
        let places0 = MunicipalityResolver(catalog: catalog)
        let resolver = ParagraphResolver(catalog: catalog)
        var skippedTotals = 0

        do {
            try stream.forEachLine { (bytes: UnsafeBufferPointer<UInt8>, number: Int, isLast: Bool) throws(DataError) in
                if header.isEmpty {
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
                    let result = try readHeader(file: file, line: bytes, number: number, delimiter: 0x3B, specs: Self.columns)
                    header = ColumnIndices(result.indices)
                    headerCount = result.names.count
                    return
                }
                if bytes.isEmpty { return }
                try splitDataLine(
                    file: file, line: bytes, number: number, delimiter: 0x3B, expected: headerCount, isLast: isLast,
                    into: &fields)
                sawData = true
                let line = DelimitedLine(bytes: bytes, number: number, fields: fields)
                // Municipality: the previous row's, else cached by raw bytes, else by text, else resolved.
                let placeSlice = line.slice(header[0])
                if !lastPlaceBytes.withUnsafeBufferPointer({ sameBytes(placeSlice, $0) }) {
                    let hash = BytesMap<PlaceValue>.hash(placeSlice)
                    if let cached = placeBytes.find(placeSlice, hash: hash) {
                        lastPlace = cached
                    } else {
                        let text = line.text(header[0])
                        if let cached = places[text] { lastPlace = cached } else { lastPlace = places0.resolve(text); places[text] = lastPlace }
                        placeBytes.insert(placeSlice, hash: hash, value: lastPlace)
                    }
                    lastPlaceBytes.removeAll(keepingCapacity: true)
                    lastPlaceBytes.append(contentsOf: placeSlice)
                }
                let place = lastPlace
                if case .unknown(let suggestion) = place {
                    throw DataError(
                        file: file, line: number, column: line.column(header[0]),
                        MunicipalityResolver.unknownMessage(line.text(header[0]), suggestion))
                }
                // Paragraph, the same way; two spellings of one paragraph are an error.
                let subjectSlice = line.slice(header[1])
                if !lastSubjectBytes.withUnsafeBufferPointer({ sameBytes(subjectSlice, $0) }) {
                    let hash = BytesMap<ParagraphValue>.hash(subjectSlice)
                    if let cached = subjectBytes.find(subjectSlice, hash: hash) {
                        lastSubject = cached
                    } else {
                        let text = line.text(header[1])
                        if let cached = subjects[text] {
                            lastSubject = cached
                        } else {
                            let subject = resolveSubject(text, resolver: resolver)
                            if case .paragraph(let index) = subject {
                                if let other = subjectOwner[index], other != text {
                                    throw DataError(
                                        file: file, line: number, column: line.column(header[1]),
                                        "Sagsemne '\(text)' and '\(other)' both map to paragraph \(catalog.paragraphs[index].code); rename one so cases are not counted twice")
                                }
                                subjectOwner[index] = text
                            }
                            subjects[text] = subject
                            lastSubject = subject
                        }
                        subjectBytes.insert(subjectSlice, hash: hash, value: lastSubject)
                    }
                    lastSubjectBytes.removeAll(keepingCapacity: true)
                    lastSubjectBytes.append(contentsOf: subjectSlice)
                }
                let subject = lastSubject
                if case .unknown(let suggestion) = subject {
                    throw DataError(
                        file: file, line: number, column: line.column(header[1]),
                        ParagraphResolver.unknownMessage(line.text(header[1]), suggestion))
                }
                let year = try integer(line, header[2], name: "Aar", range: FactTable.yearLimits)
                let quarter = try quarterValue(line, header[3])
                var counts = OutcomeCounts()
                counts.upheld = try count(line, header[4], name: "Stadfæstelse")
                counts.changed = try count(line, header[5], name: "Ændring.Ophævelse")
                counts.remanded = try count(line, header[6], name: "Hjemvisning")
                counts.dismissed = try count(line, header[7], name: "Afvisning.Henvisning")
                let sum = counts.upheld + counts.changed + counts.remanded + counts.dismissed
                if header[8] >= 0, line.slice(header[8]).count > 0 {
                    let total = try count(line, header[8], name: "Antal_sager_ialt")
                    if total != sum {
                        throw DataError(
                            file: file, line: number, column: line.column(header[8]),
                            "Antal_sager_ialt is \(total) but the outcomes add up to \(sum) (Stadfæstelse \(counts.upheld) + Ændring.Ophævelse \(counts.changed) + Hjemvisning \(counts.remanded) + Afvisning.Henvisning \(counts.dismissed))")
                    }
                }
                var days = Float.nan
                if header[9] >= 0 {
                    switch parseCellNumber(line.slice(header[9]), decimalComma: true) {
                    case .empty, .missing: break
                    case .integer(let value) where value >= 0: days = Float(value)
                    case .decimal(let value) where value >= 0: days = Float(value)
                    default:
                        throw DataError(
                            file: file, line: number, column: line.column(header[9]),
                            "Sagsbehandlingstid must be a non-negative number of days, got '\(line.text(header[9]))'")
                    }
                }
                switch (place, subject) {
                case (.municipality(let municipality), .paragraph(let paragraph)):
                    // Duplicate keys are found after the sort (or below, when a later line fails).
                    grid.append(
                        key: CellTable.key(year: year, quarter: quarter, municipality: municipality, paragraph: paragraph),
                        counts: counts, days: days, line: number)
                case (.national, .paragraph(let paragraph)):
                    national.append((CellTable.key(year: year, quarter: quarter, municipality: 0, paragraph: paragraph), counts, number))
                default:
                    skippedTotals += 1
                }
            }
        } catch {
            // A duplicate on an earlier line is the first problem in the file.
            if let duplicate = grid.firstDuplicate() { throw duplicateError(duplicate, subjects: subjectOwner) }
            throw error
        }
        if header.isEmpty { throw DataError(file: file, "file is empty") }
        if !sawData { throw DataError(file: file, "file has a header but no rows") }
        let facts: FactTable
        switch grid.factTable() {
        case .success(let table): facts = table
        case .failure(let failure): throw duplicateError(failure.duplicate, subjects: subjectOwner)
        }
        try checkNational(national, facts: facts)
        var warnings: [String] = []
        if skippedTotals > 0 { warnings.append("\(skippedTotals) region or law-level total rows were skipped") }
        return (facts, warnings)
    }

    /// The error for a repeated cell. Every paragraph read without error has exactly one Sagsemne
    /// spelling (two spellings are an error), so the repeat's text is its paragraph's owner.
    private func duplicateError(_ duplicate: CellTable.Duplicate, subjects: [Int: String]) -> DataError {
        let key = duplicate.key
        let place = catalog.municipalities[CellTable.municipality(key)].name
        let subject = subjects[CellTable.paragraph(key)] ?? catalog.paragraphs[CellTable.paragraph(key)].label
        return DataError(
            file: file, line: duplicate.line, column: 1,
            "duplicate row for \(place), \(subject), \(CellTable.year(key)) Q\(CellTable.quarter(key)) (first on line \(duplicate.earlier))")
    }

    private func resolveSubject(_ text: String, resolver: ParagraphResolver) -> ParagraphValue {
        if let row = sagsemner?.rows[text] {
            let result = resolver.resolve("\(row.code) \(row.label)", sectionsText: row.sections, law: row.law)
            if case .unknown = result {} else { return result }
        }
        return resolver.resolve(text)
    }

    /// "Hele landet" rows must equal the sum of municipalities when all are present.
    private func checkNational(_ rows: [(key: UInt32, counts: OutcomeCounts, line: Int)], facts: FactTable) throws(DataError) {
        guard !rows.isEmpty else { return }
        // Rows are unique and sorted by year first: sum each year's rows per quarter × paragraph; within
        // a national key each cell is then a different municipality.
        var sums: [UInt32: (OutcomeCounts, Int)] = [:]
        var block = [(OutcomeCounts, Int)](repeating: (OutcomeCounts(), 0), count: 8 * 256)
        var touched: [Int] = []
        var start = 0
        while start < facts.count {
            let year = facts.year[start]
            var row = start
            while row < facts.count, facts.year[row] == year {
                let slot = Int(facts.quarter[row]) * 256 + Int(facts.paragraph[row])
                if block[slot].1 == 0 { touched.append(slot) }
                block[slot].0.upheld += Int(facts.upheld[row])
                block[slot].0.changed += Int(facts.changed[row])
                block[slot].0.remanded += Int(facts.remanded[row])
                block[slot].0.dismissed += Int(facts.dismissed[row])
                block[slot].1 += 1
                row += 1
            }
            for slot in touched {
                let key = CellTable.key(year: Int(year), quarter: slot / 256, municipality: 0, paragraph: slot % 256)
                sums[key] = block[slot]
                block[slot] = (OutcomeCounts(), 0)
            }
            touched.removeAll(keepingCapacity: true)
            start = row
        }
        for row in rows {
            let entry = sums[row.key] ?? (OutcomeCounts(), 0)
            guard entry.1 == catalog.municipalities.count else { continue }
            if entry.0 != row.counts {
                throw DataError(
                    file: file, line: row.line, column: 1,
                    "'Hele landet' row \(describe(row.counts)) does not equal the sum of the municipalities \(describe(entry.0))")
            }
        }
    }

    private func integer(_ line: DelimitedLine, _ index: Int, name: String, range: ClosedRange<Int>) throws(DataError) -> Int {
        if case .integer(let value) = parseCellNumber(line.slice(index), decimalComma: false), range.contains(value) {
            return value
        }
        throw DataError(
            file: file, line: line.number, column: line.column(index), "\(name) must be a year, got '\(line.text(index))'")
    }

    private func quarterValue(_ line: DelimitedLine, _ index: Int) throws(DataError) -> Int {
        let slice = line.slice(index)
        if slice.count == 1, slice[0] >= 0x31, slice[0] <= 0x34 { return Int(slice[0] - 0x30) }
        let text = line.text(index).trimmed.uppercased()
        if let value = Int(text), (1...4).contains(value) { return value }
        if text.count == 2, text.first == "K" || text.first == "Q", let value = Int(text.dropFirst()), (1...4).contains(value) {
            return value
        }
        if let period = parsePeriod(text), period.quarter > 0 { return period.quarter }
        throw DataError(
            file: file, line: line.number, column: line.column(index), "Kvartal must be 1-4, got '\(line.text(index))'")
    }

    private func count(_ line: DelimitedLine, _ index: Int, name: String) throws(DataError) -> Int {
        switch parseCellNumber(line.slice(index), decimalComma: false) {
        case .empty, .missing, .dash: return 0
        case .integer(let value) where value >= 0 && value <= FactTable.maxCount: return value
        case .integer(let value) where value > FactTable.maxCount:
            throw DataError(
                file: file, line: line.number, column: line.column(index),
                "count \(line.text(index)) in \(name) is too large (at most \(FactTable.maxCount))")
        case .integer,  // negative: the case above took the others
            .decimal(_) where line.text(index).hasPrefix("-"):
            throw DataError(
                file: file, line: line.number, column: line.column(index),
                "negative count \(line.text(index)) in \(name)")
        case .decimal:
            throw DataError(
                file: file, line: line.number, column: line.column(index),
                "count in \(name) must be a whole number, got '\(line.text(index))'")
        default:
            throw DataError(
                file: file, line: line.number, column: line.column(index),
                "count in \(name) must be a whole number, got '\(line.text(index))'")
        }
    }
}

/// "(stadfæstet 7, ændret 1, hjemvist 2, afvist 1)".
func describe(_ counts: OutcomeCounts) -> String {
    "(stadfæstet \(counts.upheld), ændret \(counts.changed), hjemvist \(counts.remanded), afvist \(counts.dismissed))"
}
