// The published Danmarkskort rates shipped as reference (datasets/reference/:
// national rates, and per-municipality rates reported in the news), each row
// with its source; `check` compares loaded data against them.

/// One published figure: national, or for one municipality.
public struct PublishedRate: Sendable, Equatable {
    public var year: Int
    public var area: Area
    /// Index into the catalog's municipalities; nil for the national figure.
    public var municipality: Int?
    /// Omgørelsesprocent in percent.
    public var rate: Double
    public var source: String
}

enum PublishedFigures {
    static let national = "reference/danmarkskort_national.csv"
    static let municipal = "reference/kommune_figures_from_news.csv"

    /// Reads both reference files; a missing file gives no figures, a malformed one an error.
    /// Municipal rows whose area is not one of the three maps, or that give no rate, are skipped.
    static func load(directory: String, catalog: Catalog) throws(DataError) -> [PublishedRate] {
        try read(directory + "/" + national, catalog: catalog, municipal: false)
            + read(directory + "/" + municipal, catalog: catalog, municipal: true)
    }

    static func read(_ name: String, catalog: Catalog, municipal: Bool) throws(DataError) -> [PublishedRate] {
        guard let file = try? SourceFile.read(path: name, name: name) else { return [] }
        var rates: [PublishedRate] = []
        var header: [String]?
        for (number, line) in file.rawLines {
            if line.first == 0x23 || line.isEmpty { continue }
            let fields = csvFields(line)
            guard let columns = header else {
                header = fields
                for needed in ["year", "area", "omg_pct", "source_url"] where !fields.contains(needed) {
                    throw DataError(file: name, line: number, column: 1, "missing column '\(needed)'")
                }
                continue
            }
            func field(_ column: String) -> String {
                guard let index = columns.firstIndex(of: column), index < fields.count else { return "" }
                return fields[index]
            }
            guard !field("omg_pct").isEmpty else { continue }
            if municipal, areas[field("area")] == nil { continue }
            guard let year = Int(field("year")), let area = areas[field("area")], let rate = Double(field("omg_pct")) else {
                throw DataError(file: name, line: number, column: 1, "cannot read year, area and omg_pct")
            }
            var municipality: Int?
            if municipal {
                guard let code = Int(field("kommunekode")), let index = catalog.municipalities.firstIndex(where: { $0.code == code }) else {
                    throw DataError(file: name, line: number, column: 1, "unknown kommunekode '\(field("kommunekode"))'")
                }
                municipality = index
            }
            rates.append(PublishedRate(year: year, area: area, municipality: municipality, rate: rate, source: field("source_url")))
        }
        return rates
    }

    /// The areas by the reference files' key (`Schema.areas`' published spelling).
    private static let areas = Dictionary(uniqueKeysWithValues: Schema.areas.map { ($0.published, $0.area) })

    /// Fields of one CSV line, with "…" quoting and "" as an escaped quote (the importers' splitter).
    static func csvFields(_ line: ArraySlice<UInt8>) -> [String] {
        let bytes = line.last == 13 ? line.dropLast() : line
        return bytes.withUnsafeBufferPointer { buffer in
            var ranges: [FieldRange] = []
            _ = splitFields(buffer, delimiter: UInt8(ascii: ","), into: &ranges)
            return ranges.map { fieldText(buffer, $0) }
        }
    }
}
