// Renders statement outputs as text: a boxed table, csv, tsv, json or
// markdown. Footer notes go with every format, so a result from synthetic
// data is labelled as such however it is exported.

/// Output formats for results (`.format` in the shell).
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, tsv, json, markdown
}

/// How to render.
public struct RenderOptions: Sendable, Equatable {
    public var format: OutputFormat
    /// ANSI colour (only when writing to a terminal and NO_COLOR is unset).
    public var color: Bool
    /// Danish number style for reports: decimal comma (37,5), and csv separated by `;`
    /// as Danish spreadsheets expect. json always keeps the decimal point.
    public var decimalComma: Bool
    /// Table only (the shell in a terminal): show at most this many rows, the first and
    /// last half around a marker; nil shows all.
    public var maxRows: Int?
    /// Table only: leave out middle columns so a line fits this many characters.
    public var maxWidth: Int?
    /// The language of titles and answers.
    public var language: Language
    public init(format: OutputFormat = .table, color: Bool = false, decimalComma: Bool = false, language: Language = .en, maxRows: Int? = nil, maxWidth: Int? = nil) {
        self.format = format
        self.color = color
        self.decimalComma = decimalComma
        self.language = language
        self.maxRows = maxRows
        self.maxWidth = maxWidth
    }
}

/// Turns outputs into text.
public enum Renderer {
    /// Renders one statement's output. `source` is the text the statement came from
    /// and `sourceName` names it in diagnostics ("query", "script.dkq");
    /// `firstLine` is the line number of `source`'s first line in that file.
    public static func render(
        _ output: StatementOutput, source: String, sourceName: String = "query",
        firstLine: Int = 1, options: RenderOptions = RenderOptions()
    ) -> String {
        switch output {
        case .table(var result):
            if options.language == .da { result = Funnel.inDanish(result) }
            let comma = options.decimalComma
            let title = result.title?.text(options.language)
            switch options.format {
            case .table: return table(result, title: title, color: options.color, comma: comma, maxRows: options.maxRows, maxWidth: options.maxWidth)
            case .csv: return delimited(result, separator: comma ? ";" : ",", comma: comma)
            case .tsv: return delimited(result, separator: "\t", comma: comma)
            case .json: return json(result, title: title)
            case .markdown: return markdown(result, title: title, comma: comma)
            }
        case .text(let text):
            return text.hasSuffix("\n") ? text : text + "\n"
        case .error(let diagnostic):
            return DiagnosticRenderer.render(diagnostic, source: source, sourceName: sourceName, firstLine: firstLine, color: options.color)
        }
    }

    /// The title and notes a format cannot carry inside its data (csv, tsv), as `# ` lines
    /// for stderr; empty for the other formats, which hold them themselves.
    public static func notes(_ output: StatementOutput, format: OutputFormat, language: Language = .en) -> String {
        guard case .table(let result) = output, format == .csv || format == .tsv else { return "" }
        return ((result.title.map { [$0.text(language)] } ?? []) + result.notes).map { "# \($0)\n" }.joined()
    }

    /// A cell as plain text: numbers with a decimal point (or comma), missing as empty.
    static func plain(_ value: Value, comma: Bool = false) -> String {
        switch value {
        case .integer(let i): String(i)
        case .number(let d, let decimals):
            comma ? String(formatDecimal(d, decimals).map { $0 == "." ? "," : $0 }) : formatDecimal(d, decimals)
        case .text(let s): s
        case .missing: ""
        }
    }

    /// Fixed decimals without locale: 37.45 -> "37.5" (half away from zero), -0.0 -> "0.0".
    static func formatDecimal(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int(scaled / scale)
        let fraction = Int(scaled) - whole * Int(scale)
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(whole) }
        let digits = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: decimals - digits.count) + digits
    }
}
