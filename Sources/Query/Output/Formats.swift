// The result formats. Tables count characters, not bytes, so æ, ø, å align;
// values are never truncated.

extension Renderer {
    static func table(_ result: ResultSet, title: String? = nil, color: Bool, comma: Bool) -> String {
        let header = result.columns.map(\.name)
        let cells = result.rows.map { row in row.enumerated().map { i, value in tableCell(value, result.columns[i], comma: comma) } }
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
        func line(_ left: String, _ fill: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: fill, count: $0 + 2) }.joined(separator: middle) + right + "\n"
        }
        func pad(_ text: String, _ i: Int) -> String {
            let space = String(repeating: " ", count: widths[i] - text.count)
            return rightAligned[i] ? space + text : text + space
        }
        let (bold, reset) = color ? ("\u{1B}[1m", "\u{1B}[0m") : ("", "")
        var out = title.map { "\(bold)\($0)\(reset)\n" } ?? ""
        out += line("┌", "─", "┬", "┐")
        out += "│" + header.indices.map { " \(bold)\(pad(header[$0], $0))\(reset) " }.joined(separator: "│") + "│\n"
        out += line("├", "─", "┼", "┤")
        for row in cells {
            out += "│" + row.indices.map { " \(pad(row[$0], $0)) " }.joined(separator: "│") + "│\n"
        }
        out += line("└", "─", "┴", "┘")
        out += result.rows.count == 1 ? "1 row\n" : "\(result.rows.count) rows\n"
        for note in result.notes { out += note + "\n" }
        return out
    }

    /// Table cells group the thousands of measure integers with a space (8 631), which reads
    /// the same in Danish and English; csv, tsv and json keep plain digits.
    static func tableCell(_ value: Value, _ column: Column, comma: Bool) -> String {
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

    /// CSV (RFC 4180 quoting) or TSV; the title and the notes follow as `# ` lines.
    static func delimited(_ result: ResultSet, title: String? = nil, separator: Character, comma: Bool) -> String {
        let separatorByte = separator.asciiValue ?? UInt8(ascii: ",")
        var out = ""
        out.reserveCapacity(64 * (result.rows.count + 1))
        func append(_ text: String) {
            let special = text.utf8.contains { $0 == separatorByte || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            if !special {
                out += text
            } else if separator == "\t" {
                out += String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
            } else {
                out += "\"" + text.replacingAll("\"", with: "\"\"") + "\""
            }
        }
        for row in [result.columns.map(\.name)] + result.rows.map({ $0.map { plain($0, comma: comma) } }) {
            for (i, field) in row.enumerated() {
                if i > 0 { out.append(separator) }
                append(field)
            }
            out += "\n"
        }
        for note in (title.map { [$0] } ?? []) + result.notes { out += "# \(note)\n" }
        return out
    }

    static func json(_ result: ResultSet, title: String? = nil) -> String {
        func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        func literal(_ value: Value) -> String {
            switch value {
            case .integer(let i): String(i)
            case .number(let d, let decimals): formatDecimal(d, decimals)
            case .text(let s): quoted(s)
            case .missing: "null"
            }
        }
        let rows = result.rows.map { row in
            "    {" + zip(result.columns, row).map { "\(quoted($0.name)): \(literal($1))" }.joined(separator: ", ") + "}"
        }
        var out = "{\n" + (title.map { "  \"title\": \(quoted($0)),\n" } ?? "") + "  \"columns\": [" + result.columns.map { quoted($0.name) }.joined(separator: ", ") + "],\n"
        out += "  \"rows\": [\n" + rows.joined(separator: ",\n") + (rows.isEmpty ? "" : "\n") + "  ],\n"
        out += "  \"notes\": [" + result.notes.map(quoted).joined(separator: ", ") + "]\n}\n"
        return out
    }

    static func markdown(_ result: ResultSet, title: String? = nil, comma: Bool) -> String {
        func escape(_ text: String) -> String { text.replacingAll("|", with: "\\|") }
        let numeric = result.columns.indices.map { i in
            result.rows.contains { if case .text = $0[i] { false } else if case .missing = $0[i] { false } else { true } }
        }
        var out = title.map { "**\(escape($0))**\n\n" } ?? ""
        out += "| " + result.columns.map { escape($0.name) }.joined(separator: " | ") + " |\n"
        out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in result.rows {
            out += "| " + row.map { escape(plain($0, comma: comma)) }.joined(separator: " | ") + " |\n"
        }
        if !result.notes.isEmpty { out += "\n" + result.notes.map { "> \($0)" }.joined(separator: "\n") + "\n" }
        return out
    }
}
