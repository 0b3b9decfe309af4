// Danmarks Statistik StatBank CSV (`;`, decimal comma, `..` suppressed, value in
// INDHOLD): population per municipality and year, or recipients per area too.

/// Parses a Danmarkskort area name ("børnehandicap", "socialområdet generelt", "generelt").
func parseArea(_ text: String) -> Area? {
    areaByKey[headerKey(text)]
}

/// The header key of every spelling of every area (its name, file name, import spellings),
/// computed once; where two areas shared a key, the first listed would win.
private let areaByKey: [String: Area] = {
    var areas: [String: Area] = [:]
    for spelling in Schema.areas {
        for key in [headerKey(spelling.area.rawValue), headerKey(spelling.file)] + spelling.imports where areas[key] == nil {
            areas[key] = spelling.area
        }
    }
    return areas
}()

/// Reads a StatBank CSV into population or recipient rows.
struct StatBankImporter {
    let file: String
    let catalog: Catalog

    static let columns: [ColumnSpec] = [
        ColumnSpec(name: "OMRÅDE", aliases: ["omraade", "kommune", "bopaelskommune", "municipality", "instans"]),
        ColumnSpec(name: "TID", aliases: ["tid", "aar", "time", "year"]),
        ColumnSpec(name: "INDHOLD", aliases: ["indhold"]),
        ColumnSpec(name: "YDELSE", aliases: ["ydelse", "ydelsestype", "foranstaltning", "area", "kort", "danmarkskort"], required: false),
    ]

    func load(stream: inout ByteStream, info: DatasetInfo) throws(DataError) -> ImportedData {
        var header: [Int] = []
        var names: [String] = []
        var fields: [FieldRange] = []
        var extraValues: [Int: (String, Int)] = [:]
        var values: [String: (sub: Int, value: Double, line: Int, row: (Int, Int, Area?))] = [:]
        var suppressed = 0
        var firstPeriodOnly = false
        let places = MunicipalityResolver(catalog: catalog)
        var cache: [String: PlaceValue] = [:]
        try stream.forEachLine { (bytes: UnsafeBufferPointer<UInt8>, number: Int, isLast: Bool) throws(DataError) in
            if header.isEmpty {
                if bytes.isEmpty { return }
                let result = try readHeader(file: file, line: bytes, number: number, delimiter: 0x3B, specs: Self.columns)
                header = result.indices
                names = result.names
                return
            }
            if bytes.isEmpty { return }
            try splitDataLine(
                file: file, line: bytes, number: number, delimiter: 0x3B, expected: names.count, isLast: isLast,
                into: &fields)
            let line = DelimitedLine(bytes: bytes, number: number, fields: fields)
            for index in names.indices where !header.contains(index) {
                let text = line.text(index)
                if let (first, firstLine) = extraValues[index] {
                    if first != text {
                        throw DataError(
                            file: file, line: number, column: line.column(index),
                            "column \(names[index]) has more than one value ('\(first)' on line \(firstLine), '\(text)' here); export a single value, e.g. 'I alt'")
                    }
                } else {
                    extraValues[index] = (text, number)
                }
            }
            let placeText = line.text(header[0])
            let place = cache[placeText] ?? places.resolve(placeText)
            cache[placeText] = place
            let municipality: Int
            switch place {
            case .municipality(let index): municipality = index
            case .national, .region: return
            case .unknown(let suggestion):
                throw DataError(
                    file: file, line: number, column: line.column(header[0]),
                    MunicipalityResolver.unknownMessage(placeText, suggestion))
            }
            let timeText = line.text(header[1]).trimmed
            var period = parsePeriod(timeText).map { ($0.year, $0.quarter) }
            if period == nil, timeText.count == 7, let year = Int(timeText.prefix(4)),
                timeText.dropFirst(4).first == "M", let month = Int(timeText.suffix(2)), (1...12).contains(month)
            {
                period = (year, month)
            }
            guard let (year, sub) = period else {
                throw DataError(
                    file: file, line: number, column: line.column(header[1]),
                    "TID must be a period like 2021, 2021K1 or 2021M01, got '\(timeText)'")
            }
            guard FactTable.yearLimits.contains(year) else {
                throw DataError(file: file, line: number, column: line.column(header[1]), "TID '\(timeText)': \(FactTable.yearRangeText)")
            }
            var area: Area?
            if header[3] >= 0 {
                let areaText = line.text(header[3])
                guard let parsed = parseArea(areaText) else {
                    throw DataError(
                        file: file, line: number, column: line.column(header[3]),
                        "unknown area '\(areaText)'; expected socialområdet generelt, børnehandicap or voksenhandicap")
                }
                area = parsed
            }
            let value: Double
            switch parseCellNumber(line.slice(header[2]), decimalComma: true) {
            case .missing, .empty:
                suppressed += 1
                return
            case .dash: value = 0
            case .integer(let number) where number >= 0: value = Double(number)
            case .decimal(let number) where number >= 0: value = number
            case .integer, .decimal:
                throw DataError(
                    file: file, line: number, column: line.column(header[2]),
                    "negative value \(line.text(header[2])) in INDHOLD")
            case .invalid:
                throw DataError(
                    file: file, line: number, column: line.column(header[2]),
                    "INDHOLD must be a number (decimal comma allowed) or '..', got '\(line.text(header[2]))'")
            }
            if sub > 0 { firstPeriodOnly = true }
            let key = "\(municipality)|\(year)|\(area?.rawValue ?? "")"
            if let existing = values[key] {
                if existing.sub == sub {
                    throw DataError(
                        file: file, line: number, column: 1,
                        "duplicate row for \(catalog.municipalities[municipality].name), \(timeText)\(area.map { ", \($0.rawValue)" } ?? "") (first on line \(existing.line))")
                }
                if existing.sub < sub { return }
            }
            values[key] = (sub, value, number, (municipality, year, area))
        }
        if header.isEmpty { throw DataError(file: file, "file is empty") }
        if values.isEmpty && suppressed == 0 { throw DataError(file: file, "file has a header but no rows") }
        var data = ImportedData(info: info)
        data.info.source = "Danmarks Statistik StatBank"
        // StatBank tables are named like FOLK1A; a download saved under that name says which.
        let stem = Importer.baseName(file).split(separator: ".").first.map(String.init) ?? ""
        let isTableId = stem.count >= 4 && stem.count <= 10 && stem.allSatisfy { ($0.isUppercase && $0.isASCII) || $0.isNumber }
        data.info.citation = Citation(
            publisher: "Danmarks Statistik", table: isTableId ? stem : "statistikbanken.dk",
            url: isTableId ? "https://www.statistikbanken.dk/\(stem)" : "")
        for entry in values.values {
            let (municipality, year, area) = entry.row
            if let area {
                data.recipients.append(RecipientRow(municipality: municipality, year: year, area: area, value: entry.value))
            } else {
                data.population.append(PopulationRow(municipality: municipality, year: year, value: entry.value))
            }
        }
        data.population.sort { ($0.year, $0.municipality) < ($1.year, $1.municipality) }
        data.recipients.sort { ($0.year, $0.municipality, $0.area.rawValue) < ($1.year, $1.municipality, $1.area.rawValue) }
        if suppressed > 0 { data.warnings.append("\(suppressed) suppressed cells ('..') were left out") }
        if firstPeriodOnly { data.warnings.append("periods within a year: the first period of each year was used") }
        return data
    }
}
