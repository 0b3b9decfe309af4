// `--format html`: one self-contained page (no network) for a council item: title, the SVG map when
// the result is by municipality, the chart, the table, the notes and sources; printable on A4.

enum HTMLReport {
    static func render(_ result: ResultSet, options: RenderOptions) -> String {
        let picture = Picture(result, language: options.language)
        let e = SVGWriter.escape
        let heading = picture.heading
        var out = "<!DOCTYPE html>\n<html lang=\"\(options.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>\(e(heading))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
        out += "<h1>\(e(heading))</h1>\n"
        if let warning = picture.syntheticWarning {
            out += "<p class=\"warning\">⚠ \(e(warning)): generated for demonstration, not Ankestyrelsen's figures.</p>\n"
        }
        if let atlas = options.atlas, SVGMap.problem(result, atlas: atlas, format: "svg") == nil {
            var svg = SVGMap.render(result, atlas: atlas, options: options)
            if let start = svg.firstRange(of: "<svg ") { svg = String(svg[start.lowerBound...]) }
            out += "<figure class=\"map\">\n\(svg)</figure>\n"
        }
        if TerminalChart.problem(result) == nil, !result.rows.isEmpty {
            var chartOptions = options
            chartOptions.color = false
            chartOptions.width = 96
            let chart = TerminalChart.render(ResultSet(columns: result.columns, rows: result.rows), options: chartOptions)
            out += "<h2>Chart</h2>\n<pre class=\"chart\">\(e(chart))</pre>\n"
        }
        out += "<h2>Table</h2>\n<table>\n<thead><tr>"
        out += result.columns.map { "<th>\(e($0.name))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in result.rows {
            out += "<tr>" + zip(result.columns, row).map { column, value in
                let numeric: Bool = switch value { case .integer, .number: true; default: false }
                let text = Renderer.tableCell(value, column, comma: options.decimalComma)
                return numeric ? "<td class=\"num\">\(e(text))</td>" : "<td>\(e(text))</td>"
            }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += "<h2>Notes and sources</h2>\n<ul class=\"notes\">\n"
        for note in result.notes { out += "<li>\(e(note))</li>\n" }
        if options.atlas != nil { out += "<li>\(e(options.atlas?.outlineSource ?? ""))</li>\n" }
        out += "</ul>\n<p class=\"made\">Made with dkq; every figure above is traceable to the files named in the notes.</p>\n"
        out += "</body>\n</html>\n"
        return out
    }

    static let style = """
        @page { size: A4; margin: 14mm; }
        body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: #111; max-width: 182mm; margin: 0 auto; padding: 8px; }
        h1 { font-size: 20pt; margin: 0 0 6pt; }
        h2 { font-size: 13pt; margin: 14pt 0 4pt; break-after: avoid; }
        .warning { background: #b00020; color: #fff; font-weight: bold; padding: 6pt 8pt; }
        figure.map { margin: 0; break-inside: avoid; }
        figure.map svg { width: 100%; height: auto; max-height: 250mm; }
        pre.chart { font-family: "DejaVu Sans Mono", monospace; font-size: 7pt; line-height: 1.15; }
        table { border-collapse: collapse; font-size: 8.5pt; }
        th, td { border-bottom: 1px solid #ccc; padding: 1pt 6pt; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        tr { break-inside: avoid; }
        .notes { font-size: 9pt; }
        .made { font-size: 8pt; color: #555; }

        """
}
