// The entry point for `load FILE`: detects the format from the file's first bytes
// (the extension is only a hint) and runs the matching importer.

/// A file format dkq can import.
public enum ImportFormat: String, Sendable, Equatable {
    case talportalCSV = "talportal-csv"
    case sagsemneTable = "talportal-sagsemne"
    case pcAxis = "pc-axis"
    case statBankCSV = "statbank-csv"
    case comments = "comments"
    /// Total decisions per municipality, year and area (kommune;år;område;afgørelser).
    case decisions = "decisions"
    /// The shipped "dkq outcomes v1" CSV, loaded by `DataFolder`.
    case dkqOutcomes = "dkq-csv"
    case unknown = "unknown"
}

/// Loads user-downloaded tables (talportal CSV, PC-Axis, StatBank CSV, comments).
public enum Importer {
    /// Guesses the format from the first bytes of the file, with the extension as a hint.
    public static func detectFormat(path: String, bytes: [UInt8]) -> ImportFormat {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let head = bytes[start..<min(bytes.count, start + 4096)]
        let text = String(decoding: head, as: UTF8.self)
        let firstLine = String(text.prefix { $0 != "\n" && $0 != "\r" })
        let upper = text.uppercased()
        let lowerPath = path.lowercased()
        let pxKeywords = ["CHARSET=", "AXIS-VERSION=", "CODEPAGE=", "LANGUAGE=", "MATRIX=", "DECIMALS=", "STUB=", "HEADING="]
        if pxKeywords.contains(where: { upper.hasPrefix($0) }) || lowerPath.hasSuffix(".px") { return .pcAxis }
        // The first line that is not a `#` comment names the columns of a decisions file.
        let header = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first { !$0.hasPrefix("#") }.map(String.init) ?? ""
        let columns = header.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "\t" }).map { headerKey(String($0)) }
        if columns.contains(where: DecisionsImporter.headerAliases.contains) { return .decisions }
        if firstLine.hasPrefix("#") || headerKey(firstLine).hasPrefix("yearquartermunicipalityparagraph") {
            return .dkqOutcomes
        }
        let key = headerKey(firstLine)
        if key.contains("antalsagerialt") || (key.contains("sagsemne") && key.contains("kvartal")) { return .talportalCSV }
        if key.contains("sorteringskode") { return .sagsemneTable }
        if key.contains("indhold") { return .statBankCSV }
        if key.contains("kommentar") || key.contains("comment") || key.hasSuffix("text") { return .comments }
        if lowerPath.hasSuffix(".px") { return .pcAxis }
        return .unknown
    }

    /// Reads `path` once and returns what it contains, or the first problem as a `DataError`.
    /// Nothing is changed on failure: the caller adds the result only when this returns.
    public static func load(path: String, catalog: Catalog, cancel: CancellationFlag? = nil) throws(DataError) -> ImportedData {
        // The file is opened once (a pipe can be read only once); the importer sees the peeked bytes again.
        var stream = try ByteStream(path: path)
        stream.cancel = cancel
        let head = try stream.peek(4096)
        if head.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw DataError(file: path, "file is empty")
        }
        let format = detectFormat(path: path, bytes: head)
        let name = baseName(path)
        var info = DatasetInfo(name: name, path: path, format: format.rawValue, synthetic: false, source: "", checksum: "")
        var data: ImportedData
        switch format {
        case .talportalCSV:
            let tablePath = SagsemneTable.locate(nextTo: path)
            let table = try tablePath.map { (path: String) throws(DataError) in try SagsemneTable(path: path) }
            let (facts, warnings) = try TalportalImporter(file: path, catalog: catalog, sagsemner: table).load(stream: &stream)
            info.source = "Ankestyrelsen talportal" + (tablePath.map { " (Sagsemne table \(baseName($0)))" } ?? "")
            info.citation = Citation(publisher: "Ankestyrelsen", table: "talportal", title: "Kommunernes sager",
                                     url: "https://ast.dk/tal-og-undersogelser")
            data = ImportedData(facts: facts, info: info, warnings: warnings)
        case .pcAxis:
            data = try PXImporter(file: path, catalog: catalog).load(stream: &stream, info: info)
        case .statBankCSV:
            data = try StatBankImporter(file: path, catalog: catalog).load(stream: &stream, info: info)
        case .decisions:
            data = try DecisionsImporter(file: path, catalog: catalog).load(stream: &stream, info: info)
        case .comments:
            data = try CommentsImporter(file: path, catalog: catalog).load(stream: &stream, info: info)
        case .sagsemneTable:
            throw DataError(
                file: path, line: 1, column: 1,
                "this is a talportal Sagsemne table; load the data file next to it (the table is found automatically)")
        case .dkqOutcomes:
            // dkq's own format (a year file like those in datasets/outcomes).
            let file = SourceFile(name: path, bytes: try stream.readAll())
            let (facts, outcomeInfo) = try DataFolder.loadOutcomeFile(file, catalog: catalog)
            data = ImportedData(facts: facts, info: outcomeInfo)
            data.info.citation.years = data.years
            return data
        case .unknown:
            throw DataError(
                file: path, line: 1, column: 1,
                "unrecognised format: expected a talportal CSV (Antal_sager_ialt;…), a PC-Axis .px file, a StatBank CSV (…;INDHOLD), a comments file (kommune;år;område;kommentar) or a decisions file (kommune;år;område;afgørelser)")
        }
        data.info.checksum = stream.checksum.hex
        data.info.citation.years = data.years
        return data
    }

    static func baseName(_ path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }
}
