// Reads the shipped population table (datasets/population/…csv: Danmarks Statistik
// FOLK1A, 1 January, per kommune), keeping its per-cell confirmation flag.

/// Reader for the shipped population file.
enum PopulationFile {
    /// Path inside the data folder.
    static let path = "population/dst_population_kommune_1jan_2014_2026.csv"
    static let columns = ["kommunekode", "kommune", "date", "year", "population", "check"]
    /// What footers and `show datasets` cite.
    static let citation = "Danmarks Statistik, StatBank table FOLK1A (folketal 1. januar, per kommune)"

    /// The rows of `file`, every number as written; `check` = `none` marks a cell no independent copy confirms.
    static func read(_ file: SourceFile, catalog: Catalog, dataset: Int) throws(DataError) -> [PopulationRow] {
        let index = Dictionary(catalog.municipalities.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [PopulationRow] = []
        var seen: [Int: Int] = [:]  // municipality × 10000 + year -> line
        for (line, fields) in try CatalogFiles.rows(of: file, columns: columns) {
            func fail(_ field: Int, _ message: String) -> DataError {
                file.error(line: line.number, lineStart: line.start, offset: fields[field].lowerBound, message)
            }
            let numbers = file.bytes.withUnsafeBufferPointer { buffer in
                (parseCount(buffer, fields[0]), parseCount(buffer, fields[3]), parseCount(buffer, fields[4]))
            }
            guard let code = numbers.0, let municipality = index[code] else {
                throw fail(0, "unknown kommunekode '\(file.text(fields[0]))' (see municipalities.csv)")
            }
            guard let year = numbers.1, (1900...2200).contains(year) else {
                throw fail(3, "'year' must be a year such as 2022, got '\(file.text(fields[3]))'")
            }
            guard let value = numbers.2, value > 0 else {
                throw fail(4, "'population' must be a positive whole number, got '\(file.text(fields[4]))'")
            }
            if let first = seen[municipality * 10_000 + year] {
                throw fail(0, "duplicate row for kommunekode \(code), \(year) (first on line \(first))")
            }
            seen[municipality * 10_000 + year] = line.number
            let check = file.text(fields[5])
            rows.append(PopulationRow(municipality: municipality, year: year, value: Double(value), dataset: dataset,
                                      unconfirmed: check.isEmpty || check == "none"))
        }
        return rows
    }

    /// Provenance of the shipped file.
    static func info(bytes: [UInt8]) -> DatasetInfo {
        DatasetInfo(name: "population FOLK1A", path: path, format: "dkq-population", synthetic: false,
                    source: citation, checksum: fnv1a64Hex(bytes),
                    citation: Citation(publisher: "Danmarks Statistik", table: "FOLK1A", title: "Folketal 1. januar efter kommune",
                                       url: "https://www.statistikbanken.dk/FOLK1A"))
    }
}
