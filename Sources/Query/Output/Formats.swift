// The result formats. Tables count characters, not bytes, so æ, ø, å align;
// values are never truncated.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Renderer {
    /// A boxed table. In a terminal the shell passes limits, as DuckDB does: past `maxRows`
    /// rows the first and last half are shown around a `…` row, and columns that would
    /// make a line wider than `maxWidth` are left out in the middle (a `…` column); the
    /// footer says how many rows and columns are shown. Only shown cells are formatted.
    static func table(_ result: ResultSet, title: String? = nil, color: Bool, comma: Bool, language: Language = .en,
                      maxRows: Int? = nil, maxWidth: Int? = nil) -> String {
        let total = result.rows.count
        var shownRows = Array(0..<total)
        var markerAt: Int?
        if let maxRows, maxRows > 0, total > maxRows {
            let head = (maxRows + 1) / 2
            shownRows = Array(0..<head) + Array((total - (maxRows - head))..<total)
            markerAt = head
        }
        let header = result.columns.map { Self.header($0.name, language) }
        let cells = shownRows.map { r in
            result.rows[r].enumerated().map { i, value in tableCell(value, result.columns[i], comma: comma, language: language) }
        }
        var widths = header.map(\.count)
        for row in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        let rightAligned = result.columns.indices.map { i in
            result.rows.contains { row in
                switch row[i] {
                case .integer, .number: true
                default: false
                }
            }
        }
        let columns = shownColumns(widths, maxWidth: maxWidth)
        // A column index, or nil for the `…` column standing for those left out (where the
        // run of columns from the left ends).
        var layout: [Int?] = columns.map { $0 }
        if columns.count < widths.count {
            var cut = 0
            while cut < columns.count, columns[cut] == cut { cut += 1 }
            layout.insert(nil, at: cut)
        }
        func width(_ column: Int?) -> Int { column.map { widths[$0] } ?? 1 }
        func line(_ left: String, _ fill: String, _ middle: String, _ right: String) -> String {
            left + layout.map { String(repeating: fill, count: width($0) + 2) }.joined(separator: middle) + right + "\n"
        }
        func pad(_ text: String, _ column: Int?) -> String {
            let space = String(repeating: " ", count: max(0, width(column) - text.count))
            return column.map { rightAligned[$0] } == true ? space + text : text + space
        }
        func row(_ text: (Int) -> String, bold: Bool = false) -> String {
            let (on, off) = bold && color ? ("\u{1B}[1m", "\u{1B}[0m") : ("", "")
            return "│" + layout.map { column in " \(on)\(pad(column.map(text) ?? "…", column))\(off) " }.joined(separator: "│") + "│\n"
        }
        let (bold, reset) = color ? ("\u{1B}[1m", "\u{1B}[0m") : ("", "")
        var out = title.map { "\(bold)\($0)\(reset)\n" } ?? ""
        out += line("┌", "─", "┬", "┐")
        out += row({ header[$0] }, bold: true)
        out += line("├", "─", "┼", "┤")
        for (index, cellRow) in cells.enumerated() {
            if index == markerAt { out += row { _ in "…" } }
            out += row { cellRow[$0] }
        }
        out += line("└", "─", "┴", "┘")
        out += rowCount(total: total, shownRows: shownRows.count, columns: widths.count, shownColumns: columns.count, language) + "\n"
        for note in result.noteLines() { out += wrapped(note, maxWidth) + "\n" }
        return out
    }

    /// A note broken between words to fit `width` characters (a terminal's), continued
    /// lines indented by two spaces; unchanged without a width.
    static func wrapped(_ note: String, _ width: Int?) -> String {
        guard let width, width >= 20, note.count > width else { return note }
        var lines: [String] = []
        var line = ""
        for word in note.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = "  " + word
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// The columns that fit in `maxWidth` characters with a `…` column for the rest:
    /// taken from both ends inwards (the first column always), in table order.
    static func shownColumns(_ widths: [Int], maxWidth: Int?) -> [Int] {
        let all = Array(widths.indices)
        guard let maxWidth, maxWidth > 0, 1 + widths.reduce(0, { $0 + $1 + 3 }) > maxWidth else { return all }
        var left = [0], right: [Int] = []
        var used = 1 + (widths[0] + 3) + 4  // borders, the first column, the `…` column
        var (next, last) = (1, widths.count - 1)
        var fromRight = true
        while next <= last {
            let candidate = fromRight ? last : next
            guard used + widths[candidate] + 3 <= maxWidth else { break }
            used += widths[candidate] + 3
            if fromRight { right.insert(candidate, at: 0); last -= 1 } else { left.append(candidate); next += 1 }
            fromRight.toggle()
        }
        return left + right
    }

    /// Table cells group the thousands of measure integers with a space (8 631); in Danish
    /// style (Danish and the decimal comma) measures read 1.234 and 37,5; csv, tsv and json
    /// keep plain digits.
    static func tableCell(_ value: Value, _ column: Column, comma: Bool, language: Language = .en) -> String {
        if language == .da, comma, column.kind == .measure {
            switch value {
            case .integer, .number: return danishNumber(plain(value))
            default: break
            }
        }
        guard case .integer(let n) = value, column.kind == .measure, abs(n) >= 1_000 else { return plain(value, comma: comma) }
        var digits = String(abs(n))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits = String(digits.dropLast(3))
        }
        groups.insert(digits, at: 0)
        return (n < 0 ? "-" : "") + groups.joined(separator: " ")
    }

    /// CSV (RFC 4180 quoting) or TSV: the header and the data rows only, so any CSV reader
    /// takes it as it is; the title and notes go to `notes(_:format:language:)`. A result resting on synthetic data
    /// carries a last `data_kind` column, so the label travels with every row.
    static func delimited(_ result: ResultSet, separator: Character, comma: Bool, language: Language = .en) -> String {
        var all: [UInt8] = []
        delimited(result, separator: separator, comma: comma, language: language) { all += $0 }
        return String(decoding: all, as: UTF8.self)
    }

    /// The same bytes, handed to `write` about 64 KB at a time as the rows are written.
    static func delimited(_ result: ResultSet, separator: Character, comma: Bool, language: Language = .en,
                          write: ([UInt8]) -> Void) {
        // Bytes straight into one buffer: no per-row arrays of strings.
        let separatorByte = separator.asciiValue ?? UInt8(ascii: ",")
        let piece = 1 << 16
        var out: [UInt8] = []
        out.reserveCapacity(min(piece + 4_096, 16 * result.columns.count * (result.rows.count + 1)))
        func isSpecial(_ byte: UInt8) -> Bool { byte == separatorByte || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13 }
        func field(_ text: String) -> [UInt8] {
            let special = text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isSpecial) } ?? text.utf8.contains(where: isSpecial)
            if !special { return Array(text.utf8) }
            if separator == "\t" { return Array(String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }).utf8) }
            return Array(("\"" + text.replacingAll("\"", with: "\"\"") + "\"").utf8)
        }
        func append(_ text: String) {
            let plain = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
                guard !utf8.contains(where: isSpecial) else { return false }
                out.append(contentsOf: utf8)
                return true
            }
            if plain != true { out.append(contentsOf: field(text)) }
        }
        func append(_ value: Value) {
            switch value {
            case .integer(let n): appendDigits(n, to: &out)
            case .text(let text), .named(let text, _): append(text)
            case .missing: break
            case .number(let x, let decimals, _): appendDecimal(x, decimals, comma: comma, to: &out)
            }
        }
        let label = labelColumn(result, language)
        for (i, name) in (result.columns.map { header($0.name, language) } + label.header).enumerated() {
            if i > 0 { out.append(separatorByte) }
            append(name)
        }
        out.append(10)
        // The label column's cells, the same on every row: made once.
        let labelCells: [UInt8] = label.value.flatMap { [separatorByte] + field($0) }
        for row in result.rows {
            for (i, value) in row.enumerated() {
                if i > 0 { out.append(separatorByte) }
                append(value)
            }
            out.append(contentsOf: labelCells)
            out.append(10)
            if out.count >= piece {
                write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        if !out.isEmpty { write(out) }
    }

    /// Appends the decimal digits of `n` (as `String(n)` writes them).
    static func appendDigits(_ n: Int, to out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var at = buffer.count
            repeat {
                at -= 1
                buffer[at] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: buffer[at...])
        }
    }

    /// The `data_kind` column csv and tsv add to a result that rests on synthetic data
    /// (Danish: `datatype`, SYNTETISKE DEMODATA).
    static func labelColumn(_ result: ResultSet, _ language: Language = .en) -> (header: [String], value: [String]) {
        let da = language == .da
        switch result.dataKind {
        case .synthetic: return ([da ? "datatype" : "data_kind"], [da ? "SYNTETISKE DEMODATA" : "SYNTHETIC DEMO"])
        case .mixed: return ([da ? "datatype" : "data_kind"], [da ? "BLANDET rigtige og SYNTETISKE DEMODATA" : "MIXED real and SYNTHETIC DEMO"])
        case .real, nil: return ([], [])
        }
    }

    /// JSON through Foundation's encoder: columns (in order), rows as objects, notes, and
    /// the data kind; keys sorted so the text is the same on every run.
    static func json(_ result: ResultSet, title: String? = nil) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(JSONResult(result, title: title)) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func markdown(_ result: ResultSet, title: String? = nil, comma: Bool, language: Language = .en) -> String {
        func escape(_ text: String) -> String { text.replacingAll("|", with: "\\|") }
        let numeric = result.columns.indices.map { i in
            result.rows.contains { if $0[i].textValue != nil { false } else if case .missing = $0[i] { false } else { true } }
        }
        var out = title.map { "**\(escape($0))**\n\n" } ?? ""
        out += "| " + result.columns.map { escape(header($0.name, language)) }.joined(separator: " | ") + " |\n"
        out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in result.rows {
            let cells = row.enumerated().map { i, value in
                language == .da ? tableCell(value, result.columns[i], comma: comma, language: language) : plain(value, comma: comma)
            }
            out += "| " + cells.map(escape).joined(separator: " | ") + " |\n"
        }
        if !result.notes.isEmpty { out += "\n" + result.noteLines().map { "> \($0)" }.joined(separator: "\n") + "\n" }
        return out
    }
}

/// A result as JSON: `{"columns": […], "rows": [{column: value, …}], "notes": […], "data_kind": …, "title": …}`.
struct JSONResult: Encodable {
    let result: ResultSet
    let title: String?
    init(_ result: ResultSet, title: String?) {
        self.result = result
        self.title = title
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// One row, keyed by column name.
    struct Row: Encodable {
        let columns: [Column]
        let values: [Value]
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (column, value) in zip(columns, values) {
                let key = Key(column.name)
                switch value {
                case .integer(let i): try container.encode(i, forKey: key)
                case .number(let d, let decimals, _):
                    // The rounded figure the other formats show (37.45 -> 37.5).
                    if let shown = Double(Renderer.formatDecimal(d, decimals)) {
                        try container.encode(shown, forKey: key)
                    } else {
                        try container.encodeNil(forKey: key)
                    }
                case .text(let s), .named(let s, _): try container.encode(s, forKey: key)
                case .missing: try container.encodeNil(forKey: key)
                }
            }
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(result.columns.map(\.name), forKey: Key("columns"))
        try container.encode(result.rows.map { Row(columns: result.columns, values: $0) }, forKey: Key("rows"))
        try container.encode(result.noteLines(), forKey: Key("notes"))
        if let kind = result.dataKind { try container.encode(kind.rawValue, forKey: Key("data_kind")) }
        if let title { try container.encode(title, forKey: Key("title")) }
    }
}
