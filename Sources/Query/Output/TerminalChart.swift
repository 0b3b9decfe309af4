// `--format chart`: horizontal bars in the terminal (eighth-block precision, fixed 0-100 scale for
// percentages, the national value as a marker, the 95 % interval as a lighter span, n beside each
// bar), or one sparkline per group when the result is by something × year. ASCII when asked.

enum TerminalChart {
    static func problem(_ result: ResultSet) -> String? {
        let numeric = result.columns.indices.contains { i in
            result.columns[i].kind == .measure && result.rows.contains { row in
                switch row[i] { case .integer, .number: true; default: false }
            }
        }
        return numeric || result.rows.isEmpty ? nil : "--format chart draws a numeric measure; this result has none"
    }

    /// Characters of one style.
    struct Glyphs {
        var full: Character
        /// Partial cells by eighths 1-7 (ASCII: rounded to whole cells).
        var eighths: [Character]?
        var lowerSpan: Character
        var upperSpan: Character
        var marker: Character
        var none: Character
        var spark: [Character]
        var sparkZero: Character

        static let unicode = Glyphs(full: "█", eighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], lowerSpan: "▓", upperSpan: "░",
                                    marker: "│", none: "–", spark: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], sparkZero: "_")
        static let ascii = Glyphs(full: "#", eighths: nil, lowerSpan: "=", upperSpan: "-", marker: "|", none: "-",
                                  spark: [".", ",", ":", ";", "+", "*", "%", "#"], sparkZero: "_")
    }

    struct Style {
        var glyphs: Glyphs
        var color: Bool
        func paint(_ text: String, _ code: String) -> String { color && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    }

    static func render(_ result: ResultSet, options: RenderOptions) -> String {
        let picture = Picture(result, language: (options.language ?? .en))
        let style = Style(glyphs: options.ascii ? .ascii : .unicode, color: options.color)
        var out = style.paint(picture.heading, "1") + "\n"
        if let warning = picture.syntheticWarning { out += style.paint(warning, "1;31") + "\n" }
        if let year = yearColumn(result), picture.dimensions.count == 2 {
            out += sparklines(result, picture, year: year, style: style, width: options.width)
        } else {
            out += bars(picture, style: style, width: options.width)
        }
        out += result.rows.count == 1 ? "1 row\n" : "\(result.rows.count) rows\n"
        for note in result.noteLines() { out += note + "\n" }
        return options.ascii ? Picture.ascii(out) : out
    }

    /// The year dimension, when the result has one with several years.
    static func yearColumn(_ result: ResultSet) -> Int? {
        guard let i = result.columns.firstIndex(where: { $0.kind == .dimension && ($0.name == "year" || $0.name == "år") }) else { return nil }
        return Set(result.rows.map { Renderer.plain($0[i]) }).count > 1 ? i : nil
    }

    static func bars(_ picture: Picture, style: Style, width: Int) -> String {
        let g = style.glyphs
        let labels = picture.labels.map { $0.isEmpty ? "all" : clip($0, 30) }
        let labelWidth = max(labels.map(\.count).max() ?? 0, 3)
        let shown = picture.values.map { $0.map { Renderer.formatDecimal($0, picture.decimals) } ?? "" }
        let valueWidth = max(shown.map(\.count).max() ?? 0, picture.measure.count)
        let counts = picture.measure == "cases" ? [] : picture.n.map { $0.map { "n=" + grouped($0) } ?? "" }
        let countWidth = counts.map(\.count).max() ?? 0
        let verdicts = picture.verdicts.map { $0?.words ?? "" }
        let verdictWidth = verdicts.map(\.count).max() ?? 0
        let fixed = labelWidth + 1 + 2 + valueWidth + (countWidth > 0 ? 2 + countWidth : 0) + (verdictWidth > 0 ? 2 + verdictWidth : 0)
        let barWidth = max(10, width - fixed - 1)
        let span = picture.scale.upperBound - picture.scale.lowerBound
        func eighths(_ value: Double) -> Int {
            let fraction = min(max((value - picture.scale.lowerBound) / span, 0), 1)
            return Int((fraction * Double(barWidth * 8)).rounded())
        }

        // Scale: tick labels at quarters (percentages: 0 25 50 75 100 %), fifths for 5, 50, 500 ….
        var axis = Array(repeating: Character(" "), count: barWidth + 6)
        let steps = String(Int(span)).first == "5" ? 5 : 4
        for q in 0...steps {
            let value = picture.scale.lowerBound + span * Double(q) / Double(steps)
            var label = Renderer.formatDecimal(value, Picture.labelDecimals(span))
            if q == steps, picture.percent { label += " %" }
            let start = min(max(0, Int((Double(barWidth) * Double(q) / Double(steps)).rounded()) - (q == 0 ? 0 : label.count / 2)), axis.count - label.count)
            for (k, c) in label.enumerated() { axis[start + k] = c }
        }
        var out = String(repeating: " ", count: labelWidth + 1) + String(axis).trimmedRight + "\n"

        var usedSpan = false, usedMarker = false, usedNone = false
        for row in picture.labels.indices {
            var cells = Array(repeating: (Character(" "), ""), count: barWidth)
            let n = picture.n[row]
            if n == 0 {
                cells[0] = (g.none, "")
                usedNone = true
            } else if let value = picture.values[row] {
                let end = eighths(value)
                let whole = g.eighths == nil ? (end + 4) / 8 : end / 8
                for k in 0..<min(whole, barWidth) { cells[k] = (g.full, "38;5;32") }
                if let partial = g.eighths, end % 8 > 0, whole < barWidth { cells[whole] = (partial[end % 8 - 1], "38;5;32") }
                let barEnd = g.eighths == nil ? whole : (end + 7) / 8
                if let low = picture.low[row], let high = picture.high[row] {
                    usedSpan = true
                    let (from, to) = (eighths(low) / 8, min(barWidth, (eighths(high) + 7) / 8))
                    for k in from..<max(from, to) {
                        if k < whole { cells[k] = (g.lowerSpan, "38;5;110") } else if k >= barEnd { cells[k] = (g.upperSpan, "38;5;250") }
                    }
                }
            }
            if let national = picture.national[row] {
                usedMarker = true
                cells[min(barWidth - 1, eighths(national) / 8)] = (g.marker, "1;38;5;160")
            }
            var bar = ""
            for (character, code) in cells { bar += style.paint(String(character), code) }
            out += pad(labels[row], labelWidth) + " " + bar + "  " + pad(shown[row], valueWidth, right: true)
            if countWidth > 0 { out += "  " + pad(counts[row], countWidth, right: true) }
            if verdictWidth > 0 { out += "  " + verdicts[row] }
            out = out.trimmedRight + "\n"
        }
        var key = "\(g.full) \(picture.measure)"
        if picture.percent { key += " (%, fixed 0-100 scale)" }
        if usedSpan { key += "  \(g.lowerSpan)\(g.upperSpan) 95 % interval" }
        if usedMarker { key += "  \(g.marker) national" }
        if usedNone { key += "  \(g.none) no cases" }
        if picture.values.indices.contains(where: { picture.values[$0] == nil && picture.n[$0] != 0 }) { key += "  blank: no figure" }
        return out + key + "\n"
    }

    /// One line per group: first value, a sparkline over the years on a true zero baseline, last value.
    static func sparklines(_ result: ResultSet, _ picture: Picture, year: Int, style: Style, width: Int) -> String {
        let g = style.glyphs
        let other = picture.dimensions.first { $0 != year } ?? year
        var years: [String] = []
        for row in result.rows where !years.contains(Renderer.plain(row[year])) { years.append(Renderer.plain(row[year])) }
        years.sort()
        var groups: [String] = []
        var series: [String: [Double?]] = [:]
        for (i, row) in result.rows.enumerated() {
            let key = clip(Renderer.plain(row[other]), 30)
            if series[key] == nil {
                groups.append(key)
                series[key] = Array(repeating: nil, count: years.count)
            }
            if let y = years.firstIndex(of: Renderer.plain(row[year])) { series[key]?[y] = picture.values[i] }
        }
        let top = picture.values.compactMap { $0 }.max() ?? 0
        let labelWidth = max(groups.map(\.count).max() ?? 0, 3)
        func shown(_ value: Double?) -> String { value.map { Renderer.formatDecimal($0, picture.decimals) } ?? "" }
        let valueWidth = max(4, picture.values.map { shown($0).count }.max() ?? 0)
        var out = pad("", labelWidth) + " " + pad(years.first ?? "", valueWidth, right: true) + " "
        out += pad("", years.count) + " " + (years.last ?? "") + "\n"
        for key in groups {
            let values = series[key] ?? []
            var spark = ""
            for value in values {
                guard let value else { spark += " "; continue }
                if value <= 0 || top <= 0 {
                    spark.append(g.sparkZero)
                } else {
                    spark.append(g.spark[min(7, max(0, Int((value / top * 8).rounded(.up)) - 1))])
                }
            }
            let first = values.first { $0 != nil } ?? nil, last = values.last { $0 != nil } ?? nil
            out += pad(key, labelWidth) + " " + pad(shown(first), valueWidth, right: true) + " " + style.paint(spark, "38;5;32")
            out += " " + shown(last) + "\n"
        }
        let scale = Renderer.formatDecimal(top, picture.decimals)
        return out + "\(picture.measure) per \(result.columns[year].name), \(years.first ?? "")-\(years.last ?? ""): bars from 0 (\(g.sparkZero) = 0, blank = no figure) to \(scale), the largest value; first and last value beside each line\n"
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let space = String(repeating: " ", count: max(0, width - text.count))
        return right ? space + text : text + space
    }

    static func clip(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    /// 1089 -> "1 089", as the table shows counts.
    static func grouped(_ n: Int) -> String {
        Renderer.tableCell(.integer(n), Column("n", .measure), comma: false)
    }
}

extension String {
    /// Without trailing spaces.
    var trimmedRight: String {
        var text = Substring(self)
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
