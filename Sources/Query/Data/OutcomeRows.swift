// The hot loop of the outcome reader: one data row's nine cells parsed from bytes,
// checked against the catalog and appended to the fact table.

/// Parses data rows of one outcome file.
struct RowParser {
    let reader: OutcomeFileReader
    let file: SourceFile
    let expectedYear: Int?
    let dataset: Int
    private var paragraphHint = 0

    init(reader: OutcomeFileReader, file: SourceFile, expectedYear: Int?, dataset: Int) {
        self.reader = reader
        self.file = file
        self.expectedYear = expectedYear
        self.dataset = dataset
    }

    /// Parses `line` and appends it, or throws at the offending cell.
    mutating func parse(_ line: LineSpan, into facts: inout FactTable, duplicates: inout DuplicateIndex) throws(DataError) {
        var hint = paragraphHint
        let result: Result<Void, DataError> = file.bytes.withUnsafeBufferPointer { buffer in
            var cells: (Range<Int>, Range<Int>, Range<Int>, Range<Int>, Range<Int>, Range<Int>, Range<Int>, Range<Int>, Range<Int>)
            cells = (0..<0, 0..<0, 0..<0, 0..<0, 0..<0, 0..<0, 0..<0, 0..<0, 0..<0)
            var position = line.start
            var found = 0
            while found < 9 && position <= line.end {
                let start = position
                while position < line.end && buffer[position] != 0x2C { position += 1 }
                let range = start..<position
                switch found {
                case 0: cells.0 = range
                case 1: cells.1 = range
                case 2: cells.2 = range
                case 3: cells.3 = range
                case 4: cells.4 = range
                case 5: cells.5 = range
                case 6: cells.6 = range
                case 7: cells.7 = range
                default: cells.8 = range
                }
                found += 1
                position += 1
            }
            if found < 9 || position <= line.end {
                let columns = OutcomeFileReader.columns
                return .failure(file.fieldCountError(line, fields: file.fields(of: line), columns: columns))
            }
            func fail(_ cell: Range<Int>, _ message: String) -> Result<Void, DataError> {
                .failure(file.error(line: line.number, lineStart: line.start, offset: cell.lowerBound, message))
            }
            guard let year = parseCount(buffer, cells.0), FactTable.yearLimits.contains(year) else {
                return fail(cells.0, "'year' must be a year (1900-2999), got '\(file.text(cells.0))'")
            }
            if let expectedYear, year != expectedYear {
                return fail(cells.0, "year \(year) does not match the file name (\(expectedYear))")
            }
            guard let quarter = parseCount(buffer, cells.1), (1...4).contains(quarter) else {
                return fail(cells.1, "quarter must be 1-4, got '\(file.text(cells.1))'")
            }
            let code = parseCount(buffer, cells.2) ?? Int.max
            let municipality = reader.municipality(code: code)
            if municipality < 0 {
                let count = reader.catalog.municipalities.count
                return fail(cells.2, "unknown municipality code '\(file.text(cells.2))': not one of the \(count) codes in municipalities.csv")
            }
            let paragraph = reader.paragraph(buffer, cells.3, hint: hint)
            if paragraph < 0 {
                return fail(cells.3, "unknown paragraph code '\(file.text(cells.3))': not in paragraphs.csv")
            }
            hint = paragraph + 1
            func countFailure(_ cell: Range<Int>, _ column: Int) -> Result<Void, DataError> {
                fail(cell, "'\(OutcomeFileReader.columns[column])' must be a non-negative integer, got '\(file.text(cell))'")
            }
            guard let upheld = parseCount(buffer, cells.4) else { return countFailure(cells.4, 4) }
            guard let changed = parseCount(buffer, cells.5) else { return countFailure(cells.5, 5) }
            guard let remanded = parseCount(buffer, cells.6) else { return countFailure(cells.6, 6) }
            guard let dismissed = parseCount(buffer, cells.7) else { return countFailure(cells.7, 7) }
            var days = Float.nan
            if !cells.8.isEmpty {
                guard let value = parseDecimal(buffer, cells.8) else {
                    return fail(cells.8, "'days' must be a non-negative number like 123.4 or empty, got '\(file.text(cells.8))'")
                }
                days = Float(value)
            }
            if let first = duplicates.insert(year: year, quarter: quarter, municipality: municipality,
                                             paragraph: paragraph, line: line.number, dataset: dataset) {
                let code = reader.catalog.municipalities[municipality].code
                let paragraphCode = reader.catalog.paragraphs[paragraph].code
                let place = first.dataset == dataset ? "on line \(first.line)" : "in \(duplicates.fileName(first.dataset)) on line \(first.line)"
                return fail(cells.0, "duplicate row for \(year) Q\(quarter), municipality \(code), paragraph \(paragraphCode); first given \(place)")
            }
            facts.append(
                year: year, quarter: quarter, municipality: municipality, paragraph: paragraph,
                counts: OutcomeCounts(upheld: upheld, changed: changed, remanded: remanded, dismissed: dismissed),
                days: days, dataset: dataset)
            return .success(())
        }
        paragraphHint = hint
        try result.get()
    }
}
