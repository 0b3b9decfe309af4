// The municipalities' total decisions (afgørelser) per year and Danmarkskort area, the
// denominator of reversed_per_1000_decisions: a delimited UTF-8 file with columns
// kommune;år;område;afgørelser[;bevillinger], `# key: value` lines before the header.

/// The total decisions of a municipality in a year and area (and the grants among them, when given).
public struct DecisionRow: Sendable, Equatable, Hashable {
    /// Index into `Catalog.municipalities`.
    public var municipality: Int
    public var year: Int
    public var area: Area
    public var decisions: Int
    /// Bevillinger (grants) among the decisions; nil when the file has no such column.
    public var grants: Int?
    /// Index into `OutcomeStore.datasets` of the file it came from.
    public var dataset: Int

    public init(municipality: Int, year: Int, area: Area, decisions: Int, grants: Int? = nil, dataset: Int = 0) {
        self.municipality = municipality
        self.year = year
        self.area = area
        self.decisions = decisions
        self.grants = grants
        self.dataset = dataset
    }
}

/// Reads a total-decisions file.
struct DecisionsImporter {
    let file: String
    let catalog: Catalog

    static let columns: [ColumnSpec] = [
        ColumnSpec(name: "kommune", aliases: ["kommune", "municipality", "kommunekode"]),
        ColumnSpec(name: "år", aliases: ["aar", "ar", "year"]),
        ColumnSpec(name: "område", aliases: ["omraade", "area"]),
        ColumnSpec(name: "afgørelser", aliases: headerAliases),
        ColumnSpec(name: "bevillinger", aliases: ["bevillinger", "grants"], required: false),
    ]
    /// Header spellings of the decisions column (also how `Importer` recognises the format).
    static let headerAliases = ["afgoerelser", "afgorelser", "decisions"]
    /// The largest count accepted in a cell (a municipality makes far fewer decisions a year).
    static let maxCount = 10_000_000
    /// At most this many rows (98 municipalities × 3 areas × 100 years is under 30,000).
    static let maxRows = 100_000

    func load(stream: inout ByteStream, info: DatasetInfo) throws(DataError) -> ImportedData {
        var header = ColumnIndices()
        var count = 0
        var delimiter: UInt8 = 0x3B
        var fields: [FieldRange] = []
        var rows: [DecisionRow] = []
        var seen: [Int: Int] = [:]  // (municipality, year, area) -> line
        var synthetic = false
        var source: [String] = []
        let places = MunicipalityResolver(catalog: catalog)
        try stream.forEachLine { (bytes: UnsafeBufferPointer<UInt8>, number: Int, isLast: Bool) throws(DataError) in
            if header.isEmpty {
                if bytes.isEmpty { return }
                if bytes.first == 0x23 {  // "# key: value" before the header
                    let parts = String(decoding: bytes.dropFirst(), as: UTF8.self).split(separator: ":", maxSplits: 1)
                    if parts.count == 2 {
                        let key = String(parts[0]).trimmed.lowercased(), value = String(parts[1]).trimmed
                        if key == "synthetic" { synthetic = value.lowercased() == "yes" }
                        if key == "source" { source.append(value) }
                    }
                    return
                }
                delimiter = bytes.contains(0x3B) ? 0x3B : bytes.contains(0x09) ? 0x09 : 0x2C
                let result = try readHeader(file: file, line: bytes, number: number, delimiter: delimiter, specs: Self.columns)
                header = ColumnIndices(result.indices)
                count = result.names.count
                return
            }
            if bytes.isEmpty || bytes.first == 0x23 { return }
            try splitDataLine(
                file: file, line: bytes, number: number, delimiter: delimiter, expected: count, isLast: isLast, into: &fields)
            let line = DelimitedLine(bytes: bytes, number: number, fields: fields)
            func fail(_ slot: Int, _ message: String) -> DataError {
                DataError(file: file, line: number, column: line.column(header[slot]), message)
            }
            let placeText = line.text(header[0]).trimmed
            let municipality: Int
            switch places.resolve(placeText) {
            case .municipality(let index): municipality = index
            case .unknown(let nearest): throw fail(0, MunicipalityResolver.unknownMessage(placeText, nearest))
            default: throw fail(0, "'\(placeText)' is not one municipality; give each municipality's own figure")
            }
            let yearText = line.text(header[1]).trimmed
            guard let year = Int(yearText), FactTable.yearLimits.contains(year) else {
                throw fail(1, "year must be a number like 2021, got '\(yearText)'")
            }
            let areaText = line.text(header[2]).trimmed
            guard let area = parseArea(areaText) else {
                throw fail(2, "unknown area '\(areaText)'; expected socialområdet generelt, børnehandicap or voksenhandicap")
            }
            func cell(_ slot: Int, _ name: String) throws(DataError) -> Int {
                let text = line.text(header[slot]).trimmed
                if text.hasPrefix("-"), text.dropFirst().allSatisfy(\.isASCIIDigit), text.count > 1 {
                    throw fail(slot, "negative count \(text) in \(name)")
                }
                guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit) else {
                    throw fail(slot, "\(name) must be a whole number of decisions, got '\(text)'")
                }
                guard text.count <= 9, let value = Int(text), value <= Self.maxCount else {
                    throw fail(slot, "\(name) \(text) is more than \(groupedThousands(Self.maxCount)) decisions: not a municipality's yearly count")
                }
                return value
            }
            let decisions = try cell(3, "afgørelser")
            let grants = header[4] >= 0 ? try cell(4, "bevillinger") : nil
            if let grants, grants > decisions {
                throw fail(4, "bevillinger \(grants) is more than the \(decisions) afgørelser they are part of")
            }
            let key = (municipality * 10_000 + year) * 4 + area.index
            if let first = seen[key] {
                throw DataError(file: file, line: number, column: 1,
                    "duplicate row for \(catalog.municipalities[municipality].name), \(year), \(area.rawValue) (first on line \(first))")
            }
            if rows.count >= Self.maxRows {
                throw DataError(file: file, line: number, column: 1, "more than \(groupedThousands(Self.maxRows)) rows: not a table of municipalities' decisions")
            }
            seen[key] = number
            rows.append(DecisionRow(municipality: municipality, year: year, area: area, decisions: decisions, grants: grants))
        }
        if header.isEmpty { throw DataError(file: file, "file has no header (kommune;år;område;afgørelser)") }
        if rows.isEmpty { throw DataError(file: file, "file has a header but no rows") }
        var data = ImportedData(info: info)
        data.decisions = rows
        data.info.synthetic = synthetic
        data.info.source = source.joined(separator: " ")
        data.info.citation = Citation(
            publisher: source.isEmpty ? "total decisions" : source.joined(separator: " "), table: Importer.baseName(file),
            synthetic: synthetic)
        return data
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
