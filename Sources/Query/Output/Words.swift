// The words of a result table other than its notes, in English and Danish: column
// headers (measures and dimensions from the Schema's `words`), the words in verdict and
// kind cells, the row count line, and numbers in Danish style (1.234,5).

extension Renderer {
    /// A column's header: its canonical name in English; in Danish the Schema's header for a
    /// measure or dimension, `landsplan`, `forskel (pct.-point)` … for comparison columns,
    /// and the words of `show` tables.
    static func header(_ name: String, _ language: Language) -> String {
        guard language == .da else { return name }
        if let measure = Schema.measures.first(where: { $0.name == name }) { return measure.words.header }
        if let dimension = Schema.dimensions.first(where: { $0.name == name }) { return dimension.words.header }
        for prefix in ["national_", "diff_", "then_", "change_"] where name.hasPrefix(prefix) {
            let measureName = String(name.dropFirst(prefix.count))
            guard let measure = Schema.measures.first(where: { $0.name == measureName }) else { continue }
            let isRate = measure.name == "rate"
            let points = measure.isPercent ? " (pct.-point)" : ""
            switch prefix {
            case "national_": return isRate ? "landsplan" : "landsplan, \(measure.words.header)"
            case "diff_": return (isRate ? "forskel" : "forskel, \(measure.words.header)") + points
            case "then_": return isRate ? "før" : "\(measure.words.header) før"
            default: return (isRate ? "ændring" : "ændring, \(measure.words.header)") + points
            }
        }
        return danishHeaders[name] ?? name
    }

    /// Headers of `show`, `load … check` and comparison tables that are not measures or dimensions.
    static let danishHeaders: [String: String] = [
        "verdict": "vurdering", "change": "udvikling", "code": "kode", "municipalities": "kommuner",
        "paragraphs": "paragraffer", "areas": "områder", "sections": "bestemmelser", "file": "fil", "kind": "type",
        "measure": "mål", "dimension": "dimension", "definition": "definition", "values": "værdier", "place": "sted",
        "source": "kilde", "comment": "kommentar", "dataset": "datasæt", "format": "format", "years": "år",
        "rows": "rækker", "checksum": "kontrolsum", "published": "offentliggjort", "loaded": "indlæst",
        "diff": "forskel", "check": "kontrol", "data": "data", "ankestyrelsen": "ankestyrelsen",
    ]

    /// The result with the words in its cells in the language: verdicts (over / inden for /
    /// under), changes (op / ned), data kinds (syntetisk / rigtig).
    static func cellWords(_ result: ResultSet, _ language: Language) -> ResultSet {
        guard language == .da else { return result }
        var result = Funnel.inDanish(result)
        for column in result.columns.indices where ["kind", "check", "data"].contains(result.columns[column].name) {
            for row in result.rows.indices {
                if case .text(let word) = result.rows[row][column], let danish = danishCells[word] { result.rows[row][column] = .text(danish) }
            }
        }
        return result
    }

    static let danishCells: [String: String] = [
        "synthetic": "syntetisk", "real": "rigtig", "mixed": "blandet", "ok": "ok", "DIFFERS": "AFVIGER",
    ]

    /// "11 rows" / "11 rækker", with what a terminal left out.
    static func rowCount(total: Int, shownRows: Int, columns: Int, shownColumns: Int, _ language: Language) -> String {
        let da = language == .da
        var line = total == 1 ? (da ? "1 række" : "1 row") : "\(total) \(da ? "rækker" : "rows")"
        if shownRows < total { line += da ? " (\(shownRows) vist)" : " (\(shownRows) shown)" }
        if shownColumns < columns { line += da ? ", \(columns) kolonner (\(shownColumns) vist)" : ", \(columns) columns (\(shownColumns) shown)" }
        return line
    }

    /// Danish number style: thousands grouped with `.`, decimal comma (1.234,5).
    static func danishNumber(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = String(parts[0])
        guard whole.allSatisfy(\.isNumber) else { return text }
        var grouped = ""
        for (offset, digit) in whole.enumerated() {
            if offset > 0, (whole.count - offset) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        return (negative ? "-" : "") + grouped + (parts.count > 1 ? "," + parts[1] : "")
    }
}
