// Municipality comments on their Danmarkskort rates: a delimited UTF-8 file with
// columns kommune;år;område;kommentar (English names and `,` also accepted).

/// Reads a comments file.
struct CommentsImporter {
    let file: String
    let catalog: Catalog

    static let columns: [ColumnSpec] = [
        ColumnSpec(name: "kommune", aliases: ["kommune", "municipality"]),
        ColumnSpec(name: "år", aliases: ["aar", "ar", "year"]),
        ColumnSpec(name: "område", aliases: ["omraade", "area"]),
        ColumnSpec(name: "kommentar", aliases: ["kommentar", "comment", "text", "tekst"]),
    ]

    func load(stream: inout ByteStream, info: DatasetInfo) throws(DataError) -> ImportedData {
        var header: [Int] = []
        var count = 0
        var delimiter: UInt8 = 0x3B
        var fields: [FieldRange] = []
        var rows: [CommentRow] = []
        var seen: [String: Int] = [:]
        let places = MunicipalityResolver(catalog: catalog)
        try stream.forEachLine { (bytes: UnsafeBufferPointer<UInt8>, number: Int, isLast: Bool) throws(DataError) in
            if header.isEmpty {
                if bytes.isEmpty { return }
                delimiter = bytes.contains(0x3B) ? 0x3B : bytes.contains(0x09) ? 0x09 : 0x2C
                let result = try readHeader(file: file, line: bytes, number: number, delimiter: delimiter, specs: Self.columns)
                header = result.indices
                count = result.names.count
                return
            }
            if bytes.isEmpty { return }
            try splitDataLine(
                file: file, line: bytes, number: number, delimiter: delimiter, expected: count, isLast: isLast,
                into: &fields)
            let line = DelimitedLine(bytes: bytes, number: number, fields: fields)
            let placeText = line.text(header[0])
            guard case .municipality(let municipality) = places.resolve(placeText) else {
                var suggestion: String?
                if case .unknown(let nearest) = places.resolve(placeText) { suggestion = nearest }
                throw DataError(
                    file: file, line: number, column: line.column(header[0]),
                    MunicipalityResolver.unknownMessage(placeText, suggestion))
            }
            let yearText = line.text(header[1]).trimmed
            guard let year = Int(yearText), FactTable.yearLimits.contains(year) else {
                throw DataError(
                    file: file, line: number, column: line.column(header[1]), "year must be a number like 2021, got '\(yearText)'")
            }
            let areaText = line.text(header[2])
            guard let area = parseArea(areaText) else {
                throw DataError(
                    file: file, line: number, column: line.column(header[2]),
                    "unknown area '\(areaText)'; expected socialområdet generelt, børnehandicap or voksenhandicap")
            }
            let text = line.text(header[3]).trimmed
            if text.isEmpty {
                throw DataError(file: file, line: number, column: line.column(header[3]), "empty comment")
            }
            let key = "\(municipality)|\(year)|\(area.rawValue)"
            if let first = seen[key] {
                throw DataError(
                    file: file, line: number, column: 1,
                    "duplicate comment for \(catalog.municipalities[municipality].name), \(year), \(area.rawValue) (first on line \(first))")
            }
            seen[key] = number
            rows.append(CommentRow(municipality: municipality, year: year, area: area, text: text))
        }
        if header.isEmpty { throw DataError(file: file, "file is empty") }
        if rows.isEmpty { throw DataError(file: file, "file has a header but no rows") }
        var data = ImportedData(info: info, comments: rows)
        data.info.source = "municipality comments"
        data.info.citation = Citation(publisher: "the municipalities' comments", table: Importer.baseName(file))
        return data
    }
}
