// Reads the two catalogue files of a data folder: municipalities.csv
// (code,name,ast_name,full_name,region,region_code) and paragraphs.csv (code,law,label,sections,areas,formerly).

/// Readers for municipalities.csv and paragraphs.csv.
enum CatalogFiles {
    static let municipalityColumns = ["code", "name", "ast_name", "full_name", "region", "region_code"]
    static let paragraphColumns = ["code", "law", "label", "sections", "areas", "formerly"]

    /// Header line and data rows (field ranges) of a small comma-separated file; `#` lines and blank lines are skipped.
    static func rows(of file: SourceFile, columns: [String]) throws(DataError) -> [(line: LineSpan, fields: [Range<Int>])] {
        try file.checkNotEmpty()
        try file.checkUTF8()
        var cursor = LineCursor(file)
        var seenHeader = false
        var rows: [(line: LineSpan, fields: [Range<Int>])] = []
        while let line = cursor.next() {
            if line.start == line.end || file.bytes[line.start] == 0x23 { continue }
            if !seenHeader {
                try file.checkHeader(line, expected: columns)
                seenHeader = true
                continue
            }
            let fields = file.fields(of: line)
            if fields.count != columns.count { throw file.fieldCountError(line, fields: fields, columns: columns) }
            for (index, range) in fields.enumerated() where file.bytes[range].first == 0x22 {
                throw file.error(line: line.number, lineStart: line.start, offset: range.lowerBound,
                                 "quoted fields are not supported in '\(columns[index])'")
            }
            rows.append((line, fields))
        }
        if !seenHeader { throw DataError(file: file.name, "no header row; expected '\(columns.joined(separator: ","))'") }
        return rows
    }

    /// Parses municipalities.csv.
    static func municipalities(_ file: SourceFile) throws(DataError) -> [Municipality] {
        var result: [Municipality] = []
        var firstLine: [Int: Int] = [:]
        for (line, fields) in try rows(of: file, columns: municipalityColumns) {
            let code = try integer(file, line, fields[0], column: "code", range: 1...999)
            _ = try integer(file, line, fields[5], column: "region_code", range: 0...99_999)
            if let first = firstLine[code] {
                throw file.error(line: line.number, lineStart: line.start, offset: fields[0].lowerBound,
                                 "duplicate municipality code \(code); first given on line \(first)")
            }
            firstLine[code] = line.number
            var names: [String] = []
            for index in 1...4 {
                let value = file.text(fields[index])
                if value.isEmpty {
                    throw file.error(line: line.number, lineStart: line.start, offset: fields[index].lowerBound,
                                     "'\(municipalityColumns[index])' is empty")
                }
                names.append(value)
            }
            result.append(Municipality(code: code, name: names[0], astName: names[1], fullName: names[2], region: names[3]))
        }
        if result.isEmpty { throw DataError(file: file.name, "no municipalities") }
        if result.count > 255 { throw DataError(file: file.name, "more than 255 municipalities") }
        return result
    }

    /// Parses paragraphs.csv; `formerly` must name another paragraph in the file.
    static func paragraphs(_ file: SourceFile) throws(DataError) -> [Paragraph] {
        var result: [Paragraph] = []
        var firstLine: [String: Int] = [:]
        var formerlyCells: [(line: LineSpan, range: Range<Int>)] = []
        let rows = try rows(of: file, columns: paragraphColumns)
        for (line, fields) in rows {
            let code = file.text(fields[0])
            if code.isEmpty || code.contains(" ") {
                throw file.error(line: line.number, lineStart: line.start, offset: fields[0].lowerBound,
                                 "paragraph code must be non-empty without spaces, got '\(code)'")
            }
            if let first = firstLine[code] {
                throw file.error(line: line.number, lineStart: line.start, offset: fields[0].lowerBound,
                                 "duplicate paragraph code '\(code)'; first given on line \(first)")
            }
            firstLine[code] = line.number
            for index in 1...3 where fields[index].isEmpty {
                throw file.error(line: line.number, lineStart: line.start, offset: fields[index].lowerBound,
                                 "'\(paragraphColumns[index])' is empty")
            }
            let sections = file.text(fields[3]).split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            if sections.contains(where: \.isEmpty) {
                throw file.error(line: line.number, lineStart: line.start, offset: fields[3].lowerBound,
                                 "'sections' has an empty entry in '\(file.text(fields[3]))'")
            }
            let areas = try areaList(file, line, fields[4])
            let formerly = fields[5].isEmpty ? nil : file.text(fields[5])
            if formerly != nil { formerlyCells.append((line, fields[5])) }
            result.append(Paragraph(code: code, law: file.text(fields[1]), label: file.text(fields[2]),
                                    sections: sections, areas: areas, formerly: formerly))
        }
        for (line, range) in formerlyCells where firstLine[file.text(range)] == nil {
            throw file.error(line: line.number, lineStart: line.start, offset: range.lowerBound,
                             "'formerly' names unknown paragraph code '\(file.text(range))'")
        }
        if result.isEmpty { throw DataError(file: file.name, "no paragraphs") }
        if result.count > 255 { throw DataError(file: file.name, "more than 255 paragraphs") }
        return result
    }

    /// `generelt;børnehandicap` as areas; `boernehandicap` spellings are accepted.
    private static func areaList(_ file: SourceFile, _ line: LineSpan, _ range: Range<Int>) throws(DataError) -> [Area] {
        var areas: [Area] = []
        var offset = range.lowerBound
        for name in file.text(range).split(separator: ";", omittingEmptySubsequences: false) {
            let folded = foldName(String(name))
            if let area = Area.allCases.first(where: { foldName($0.fileName) == folded }) {
                if !areas.contains(area) { areas.append(area) }
            } else {
                let known = Area.allCases.map(\.fileName)
                let hint = nearest(String(name), in: known).map { "; did you mean '\($0)'?" }
                    ?? "; expected one of \(known.joined(separator: ", "))"
                throw file.error(line: line.number, lineStart: line.start, offset: offset, "unknown area '\(name)'\(hint)")
            }
            offset += name.utf8.count + 1
        }
        return areas
    }

    /// A whole-number cell within `range`.
    private static func integer(
        _ file: SourceFile, _ line: LineSpan, _ cell: Range<Int>, column: String, range: ClosedRange<Int>
    ) throws(DataError) -> Int {
        let value = file.bytes.withUnsafeBufferPointer { parseCount($0, cell) }
        guard let value, range.contains(value) else {
            throw file.error(line: line.number, lineStart: line.start, offset: cell.lowerBound,
                             "'\(column)' must be an integer in \(range.lowerBound)-\(range.upperBound), got '\(file.text(cell))'")
        }
        return value
    }
}
