// `--format html`: one self-contained page (no network) for a council item: title, the SVG map when
// the result is by municipality, the chart, the table, the notes and sources; printable on A4.

enum HTMLReport {
    static func render(_ result: ResultSet, options: RenderOptions) -> String {
        let language = options.language ?? .en
        let picture = Picture(result, language: language)
        let e = SVGWriter.escape
        let da = language == .da
        let heading = picture.heading
        var out = "<!DOCTYPE html>\n<html lang=\"\((options.language ?? .en).rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>\(e(heading))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
        out += "<h1>\(e(heading))</h1>\n"
        if let warning = picture.syntheticWarning {
            out += "<p class=\"warning\">⚠ \(e(warning)): " + (da ? "genereret til demonstration, ikke Ankestyrelsens tal." : "generated for demonstration, not Ankestyrelsen's figures.") + "</p>\n"
        }
        if let atlas = options.atlas, SVGMap.problem(result, atlas: atlas, format: "svg") == nil {
            var svg = SVGMap.render(result, atlas: atlas, options: options)
            if let start = svg.firstRange(of: "<svg ") { svg = String(svg[start.lowerBound...]) }
            out += "<figure class=\"map\">\n\(svg)</figure>\n"
        }
        if TerminalChart.problem(result) == nil, !result.rows.isEmpty {
            if TerminalChart.yearColumn(result) != nil, picture.dimensions.count == 2 {
                var chartOptions = options
                chartOptions.color = false
                chartOptions.width = 96
                let chart = TerminalChart.render(ResultSet(columns: result.columns, rows: result.rows), options: chartOptions)
                out += "<h2>\(da ? "Diagram" : "Chart")</h2>\n<pre class=\"chart\">\(e(chart))</pre>\n"
            } else {
                out += "<h2>\(da ? "Diagram" : "Chart")</h2>\n<figure class=\"chart\">\n\(bars(picture))</figure>\n"
            }
        }
        out += "<h2>\(da ? "Tabel" : "Table")</h2>\n<table>\n<thead><tr>"
        out += result.columns.map { "<th>\(e(Renderer.header($0.name, language)))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in result.rows {
            out += "<tr>" + zip(result.columns, row).map { column, value in
                let numeric: Bool = switch value { case .integer, .number: true; default: false }
                let text = Renderer.tableCell(value, column, comma: options.comma, language: language)
                return numeric ? "<td class=\"num\">\(e(text))</td>" : "<td>\(e(text))</td>"
            }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += "<h2>\(da ? "Noter og kilder" : "Notes and sources")</h2>\n<ul class=\"notes\">\n"
        for note in result.noteLines() { out += "<li>\(e(note))</li>\n" }
        if let atlas = options.atlas {
            out += "<li>\(e(da ? atlas.outlineSource.replacingAll("Map outlines:", with: "Kortomrids:") : atlas.outlineSource))</li>\n"
        }
        out += "</ul>\n<p class=\"made\">" + (da ? "Lavet med dkq; hvert tal ovenfor kan spores til de filer, noterne nævner." : "Made with dkq; every figure above is traceable to the files named in the notes.") + "</p>\n"
        out += "</body>\n</html>\n"
        return out
    }

    /// The bar chart as SVG: the same scale, interval, national marker and n as `--format chart`.
    static func bars(_ picture: Picture) -> String {
        let e = SVGWriter.escape
        let (label, area, row) = (190.0, 420.0, 16.0)
        let height = Int(Double(picture.labels.count) * row + 44)
        let span = picture.scale.upperBound - picture.scale.lowerBound
        func x(_ value: Double) -> String {
            SVGMap.fmt(label + area * min(max((value - picture.scale.lowerBound) / span, 0), 1))
        }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 760 \(height)\" font-size=\"11\" "
        svg += "font-family=\"DejaVu Sans, Arial, sans-serif\">\n"
        for q in 0...4 {
            let value = picture.scale.lowerBound + span * Double(q) / 4
            svg += "<line x1=\"\(x(value))\" x2=\"\(x(value))\" y1=\"14\" y2=\"\(height - 24)\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(x(value))\" y=\"11\" text-anchor=\"middle\">\(Renderer.formatDecimal(value, Picture.labelDecimals(span)))\(q == 4 && picture.percent ? " %" : "")</text>\n"
        }
        for i in picture.labels.indices {
            let top = 18 + Double(i) * row
            let name = picture.labels[i].isEmpty ? (picture.language == .da ? "alle" : "all") : picture.labels[i]
            svg += "<text x=\"\(SVGMap.fmt(label - 6))\" y=\"\(SVGMap.fmt(top + 11))\" text-anchor=\"end\">\(e(TerminalChart.clip(name, 30)))</text>"
            if let low = picture.low[i], let high = picture.high[i] {
                svg += "<rect x=\"\(x(low))\" y=\"\(SVGMap.fmt(top + 2))\" width=\"\(SVGMap.fmt(area * (high - low) / span))\" height=\"10\" fill=\"#c6dbef\"/>"
            }
            var text = ""
            if picture.n[i] == 0 {
                text = picture.language == .da ? "–  ingen sager" : "–  no cases"
            } else if let value = picture.values[i] {
                svg += "<rect x=\"\(SVGMap.fmt(label))\" y=\"\(SVGMap.fmt(top + 4))\" width=\"\(SVGMap.fmt(area * (value - picture.scale.lowerBound) / span))\" height=\"6\" fill=\"#08519c\"/>"
                text = Note.number(value, picture.decimals, picture.language)
            }
            if let national = picture.national[i] {
                svg += "<line x1=\"\(x(national))\" x2=\"\(x(national))\" y1=\"\(SVGMap.fmt(top))\" y2=\"\(SVGMap.fmt(top + 14))\" stroke=\"#c00\" stroke-width=\"1.5\"/>"
            }
            if let n = picture.n[i], picture.measure != "cases", n > 0 { text += " · n=\(TerminalChart.grouped(n))" }
            if let verdict = picture.verdicts[i] { text += " · \(verdict.words)" }
            svg += "<text x=\"\(SVGMap.fmt(label + area + 8))\" y=\"\(SVGMap.fmt(top + 11))\">\(e(text))</text>\n"
        }
        let da = picture.language == .da
        var key = da
            ? "søjle: \(picture.measureName)\(picture.percent ? " (%, fast skala 0-100)" : "")"
            : "bar: \(picture.measure)\(picture.percent ? " (%, fixed 0-100 scale)" : "")"
        if picture.low.contains(where: { $0 != nil }) { key += da ? "; lyst bånd: 95 %-interval" : "; light band: 95 % interval" }
        if picture.national.contains(where: { $0 != nil }) { key += da ? "; rød streg: landsplan" : "; red line: national" }
        svg += "<text x=\"\(SVGMap.fmt(label))\" y=\"\(height - 6)\" fill=\"#444\">\(e(key))</text>\n</svg>\n"
        return svg
    }

    static let style = """
        @page { size: A4; margin: 14mm; }
        body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: #111; max-width: 182mm; margin: 0 auto; padding: 8px; }
        h1 { font-size: 20pt; margin: 0 0 6pt; }
        h2 { font-size: 13pt; margin: 14pt 0 4pt; break-after: avoid; }
        .warning { background: #b00020; color: #fff; font-weight: bold; padding: 6pt 8pt; }
        figure.map { margin: 0; break-inside: avoid; }
        figure.map svg { width: 100%; height: auto; max-height: 250mm; }
        figure.chart { margin: 0; }
        figure.chart svg { width: 100%; height: auto; }
        pre.chart { font-family: "DejaVu Sans Mono", monospace; font-size: 7pt; line-height: 1.15; }
        table { border-collapse: collapse; font-size: 8.5pt; }
        th, td { border-bottom: 1px solid #ccc; padding: 1pt 6pt; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        tr { break-inside: avoid; }
        .notes { font-size: 9pt; }
        .made { font-size: 8pt; color: #555; }

        """
}
