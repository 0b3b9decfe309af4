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

    /// How the file is cut for the two threads that read it (see `ByteStream.forEachBlock`); tests
    /// make them small to check that the cut changes nothing.
    var blockBytes = 4 << 20
    var pieceBytes = 256 << 10

    /// Streams the rows into outcome cells, checking each as it goes: two threads read the lines,
    /// and their parts are put together in file order, so the rows and the first error are those of
    /// reading line by line.
    func load(stream: inout ByteStream) throws(DataError) -> (FactTable, [String]) {
        var header = ColumnIndices()
        var headerCount = 0
        var collected = Part()
        var spellings = Spellings()
        let readers = UnsafeMutablePointer<LineReader>.allocate(capacity: 2)
        readers.initialize(repeating: LineReader(importer: self), count: 2)
        defer {
            readers.deinitialize(count: 2)
            readers.deallocate()
        }
        do {
            try stream.forEachBlock(
                blockBytes: blockBytes, pieceBytes: pieceBytes,
                lead: { (block: LinePiece) throws(DataError) -> LinePiece in
                    guard header.isEmpty else { return block }
                    return try block.forEachLine { (bytes, number, _) throws(DataError) -> Bool in
                        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return true }
                        let result = try readHeader(file: file, line: bytes, number: number, delimiter: 0x3B, specs: Self.columns)
                        header = ColumnIndices(result.indices)
                        headerCount = result.names.count
                        return false
                    }
                },
                parse: { lane, piece in readers[lane].parse(piece, header: header, fields: headerCount) },
                collect: { (parts: [Part]) throws(DataError) in
                    for part in parts {
                        collected.append(part)
                        spellings.add(part.spellings)
                        // Two spellings of one paragraph are an error on the line of the second.
                        if let conflict = spellings.conflict(file: file, catalog: catalog), conflict.line <= part.error?.line ?? .max {
                            throw conflict
                        }
                        if let error = part.error { throw error }
                    }
                })
        } catch {
            // A duplicate on an earlier line is the first problem in the file.
            if let duplicate = collected.cells.firstDuplicate(beforeLine: error.line > 0 ? error.line : .max) {
                throw duplicateError(duplicate, subjects: spellings.owners)
            }
            throw error
        }
        if header.isEmpty { throw DataError(file: file, "file is empty") }
        if !collected.sawData { throw DataError(file: file, "file has a header but no rows") }
        let facts: FactTable
        switch collected.cells.factTable() {
        case .success(let table): facts = table
        case .failure(let failure): throw duplicateError(failure.duplicate, subjects: spellings.owners)
        }
        try checkNational(collected.national, facts: facts)
        var warnings: [String] = []
        if collected.skippedTotals > 0 { warnings.append("\(collected.skippedTotals) region or law-level total rows were skipped") }
        return (facts, warnings)
    }

    /// What the lines of one piece of the file gave, up to its first error.
    struct Part {
        var cells = CellTable()
        var national: [(key: UInt32, counts: OutcomeCounts, line: Int)] = []
        var skippedTotals = 0
        var sawData = false
        /// Each Sagsemne spelling of a paragraph the first time its reader met it.
        var spellings: [Spelling] = []
        var error: DataError?

        /// Adds the next piece's rows.
        mutating func append(_ next: Part) {
            cells.append(contentsOf: next.cells)
            national += next.national
            skippedTotals += next.skippedTotals
            sawData = sawData || next.sawData
        }
    }

    /// A Sagsemne spelling and where it was met.
    struct Spelling {
        var text: String
        var paragraph: Int
        var line: Int
        var column: Int
    }

    /// The spellings of each paragraph met so far, each at the first line it is on.
    struct Spellings {
        private var byParagraph: [Int: [Spelling]] = [:]

        mutating func add(_ spellings: [Spelling]) {
            for spelling in spellings {
                if let index = byParagraph[spelling.paragraph]?.firstIndex(where: { $0.text == spelling.text }) {
                    if spelling.line < byParagraph[spelling.paragraph]![index].line { byParagraph[spelling.paragraph]![index] = spelling }
                } else {
                    byParagraph[spelling.paragraph, default: []].append(spelling)
                }
            }
        }

        /// Each paragraph's first spelling.
        var owners: [Int: String] {
            byParagraph.mapValues { $0.min { $0.line < $1.line }!.text }
        }

        /// The first line that spells a paragraph a second way, as the error reading in file order gives.
        func conflict(file: String, catalog: Catalog) -> DataError? {
            var found: DataError?
            for (paragraph, spellings) in byParagraph where spellings.count > 1 {
                let ordered = spellings.sorted { $0.line < $1.line }
                let (first, second) = (ordered[0], ordered[1])
                if second.line < found?.line ?? .max {
                    found = DataError(
                        file: file, line: second.line, column: second.column,
                        "Sagsemne '\(second.text)' and '\(first.text)' both map to paragraph \(catalog.paragraphs[paragraph].code); rename one so cases are not counted twice")
                }
            }
            return found
        }
    }

    /// One thread's reader: the lines of the pieces it is given, with its own caches of resolved
    /// municipality and Sagsemne spellings (by raw bytes and by text).
    struct LineReader {
        let importer: TalportalImporter
        let places0: MunicipalityResolver
        let resolver: ParagraphResolver
        var fields: [FieldRange] = []
        var places: [String: PlaceValue] = [:]
        var subjects: [String: ParagraphValue] = [:]
        var placeBytes = BytesMap<PlaceValue>()
        var subjectBytes = BytesMap<ParagraphValue>()
        var lastPlaceBytes: [UInt8] = []
        var lastPlace = PlaceValue.unknown(suggestion: nil)
        var lastSubjectBytes: [UInt8] = []
        var lastSubject = ParagraphValue.unknown(suggestion: nil)

        init(importer: TalportalImporter) {
            self.importer = importer
            places0 = MunicipalityResolver(catalog: importer.catalog)
            resolver = ParagraphResolver(catalog: importer.catalog)
        }

        /// The piece's rows, up to its first error.
        mutating func parse(_ piece: LinePiece, header: ColumnIndices, fields expected: Int) -> Part {
            var part = Part()
            do {
                try piece.forEachLine { (bytes, number, isLast) throws(DataError) -> Bool in
                    if !bytes.isEmpty { try read(bytes, number: number, isLast: isLast, header: header, fields: expected, into: &part) }
                    return true
                }
            } catch {
                part.error = error
            }
            return part
        }

        /// Reads one data line into `part`.
        @inline(__always)
        private mutating func read(
            _ bytes: UnsafeBufferPointer<UInt8>, number: Int, isLast: Bool, header: ColumnIndices, fields expected: Int, into part: inout Part
        ) throws(DataError) {
            let file = importer.file
            try splitDataLine(file: file, line: bytes, number: number, delimiter: 0x3B, expected: expected, isLast: isLast, into: &fields)
            part.sawData = true
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
            // Paragraph, the same way; each spelling is noted where this reader first meets it.
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
                        let subject = importer.resolveSubject(text, resolver: resolver)
                        if case .paragraph(let index) = subject {
                            part.spellings.append(Spelling(text: text, paragraph: index, line: number, column: line.column(header[1])))
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
            let year = try importer.integer(line, header[2], name: "Aar", range: FactTable.yearLimits)
            let quarter = try importer.quarterValue(line, header[3])
            var counts = OutcomeCounts()
            counts.upheld = try importer.count(line, header[4], name: "Stadfæstelse")
            counts.changed = try importer.count(line, header[5], name: "Ændring.Ophævelse")
            counts.remanded = try importer.count(line, header[6], name: "Hjemvisning")
            counts.dismissed = try importer.count(line, header[7], name: "Afvisning.Henvisning")
            let sum = counts.upheld + counts.changed + counts.remanded + counts.dismissed
            if header[8] >= 0, line.slice(header[8]).count > 0 {
                let total = try importer.count(line, header[8], name: "Antal_sager_ialt")
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
                // Duplicate keys are found after the sort (or when a later line fails).
                part.cells.append(
                    key: CellTable.key(year: year, quarter: quarter, municipality: municipality, paragraph: paragraph),
                    counts: counts, days: days, line: number)
            case (.national, .paragraph(let paragraph)):
                part.national.append((CellTable.key(year: year, quarter: quarter, municipality: 0, paragraph: paragraph), counts, number))
            default:
                part.skippedTotals += 1
            }
        }
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

    func resolveSubject(_ text: String, resolver: ParagraphResolver) -> ParagraphValue {
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

    func integer(_ line: DelimitedLine, _ index: Int, name: String, range: ClosedRange<Int>) throws(DataError) -> Int {
        if case .integer(let value) = parseCellNumber(line.slice(index), decimalComma: false), range.contains(value) {
            return value
        }
        throw DataError(
            file: file, line: line.number, column: line.column(index), "\(name) must be a year, got '\(line.text(index))'")
    }

    func quarterValue(_ line: DelimitedLine, _ index: Int) throws(DataError) -> Int {
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

    func count(_ line: DelimitedLine, _ index: Int, name: String) throws(DataError) -> Int {
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
