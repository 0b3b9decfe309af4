// Renders statement outputs as text: a boxed table, csv, tsv, json or
// markdown. Footer notes go with every format, so a result from synthetic
// data is labelled as such however it is exported.

/// Output formats for results (`.format` in the shell).
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, tsv, json, markdown
    /// Pictures: an SVG map, terminal bar chart / sparklines, terminal tile map, an HTML report.
    case svg, chart, map, html

    /// Whether this format draws the map (and so needs `RenderOptions.atlas`).
    public var drawsMap: Bool { self == .svg || self == .map || self == .html }
}

/// How to render.
public struct RenderOptions: Sendable, Equatable {
    public var format: OutputFormat
    /// ANSI colour (only when writing to a terminal and NO_COLOR is unset).
    public var color: Bool
    /// Decimal comma (37,5), csv separated by `;` as Danish spreadsheets expect, and in Danish
    /// tables and markdown thousands grouped with `.` (1.234). nil: the language's style (Danish:
    /// comma). json always keeps the decimal point.
    public var decimalComma: Bool?
    /// Table only (the shell in a terminal): show at most this many rows, the first and
    /// last half around a marker; nil shows all.
    public var maxRows: Int?
    /// Table only: leave out middle columns so a line fits this many characters.
    public var maxWidth: Int?
    /// The language of every word written (headers, notes, titles, errors, answers); nil:
    /// English, but Danish for answers.
    public var language: Language?
    /// The decimal comma in effect: as set, else the language's style.
    public var comma: Bool { decimalComma ?? (language == .da) }
    /// Columns a terminal picture may fill (the terminal's width, 80 when not a terminal).
    public var width: Int
    /// Terminal pictures in ASCII only (`--ascii`, or a locale that is not UTF-8).
    public var ascii: Bool
    /// Outlines and tiles for maps (the data folder's map/).
    public var atlas: Atlas?
    public init(format: OutputFormat = .table, color: Bool = false, decimalComma: Bool? = nil, language: Language? = nil,
                maxRows: Int? = nil, maxWidth: Int? = nil, width: Int = 80, ascii: Bool = false, atlas: Atlas? = nil) {
        self.format = format
        self.color = color
        self.decimalComma = decimalComma
        self.language = language
        self.maxRows = maxRows
        self.maxWidth = maxWidth
        self.width = width
        self.ascii = ascii
        self.atlas = atlas
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
            let language = options.language ?? .en
            result = cellWords(result, language)
            // Notes are worded here, once, in the chosen language (see Notes.swift).
            result.notes = result.noteLines(language).map(Note.text)
            let comma = options.comma
            let title = result.title?.text(language)
            switch options.format {
            case .table:
                return table(result, title: title, color: options.color, comma: comma, language: language,
                             maxRows: options.maxRows, maxWidth: options.maxWidth)
            case .csv: return delimited(result, separator: comma ? ";" : ",", comma: comma, language: language)
            case .tsv: return delimited(result, separator: "\t", comma: comma, language: language)
            case .json: return json(result, title: title)
            case .markdown: return markdown(result, title: title, comma: comma, language: language)
            case .svg, .chart, .map, .html:
                if let problem = problem(output, options: options) { return (language == .da ? "fejl: " : "error: ") + problem + "\n" }
                return picture(result, options: options)
            }
        case .answer(let answer):
            let language = options.language ?? .da
            return answer.text(language, markdown: options.format == .markdown, comma: options.decimalComma ?? false || language == .da)
        case .text(let text):
            return text.hasSuffix("\n") ? text : text + "\n"
        case .error(let diagnostic):
            return DiagnosticRenderer.render(diagnostic, source: source, sourceName: sourceName, firstLine: firstLine, color: options.color,
                                             language: options.language ?? .en)
        }
    }

    /// Why a picture format cannot draw this output (a map of a result not by municipality), or nil.
    /// The shell prints it as an error instead of the picture.
    public static func problem(_ output: StatementOutput, options: RenderOptions) -> String? {
        guard case .table(let result) = output else { return nil }
        switch options.format {
        case .svg, .map: return SVGMap.problem(result, atlas: options.atlas, format: options.format.rawValue)
        case .chart: return TerminalChart.problem(result)
        default: return nil
        }
    }

    static func picture(_ result: ResultSet, options: RenderOptions) -> String {
        switch options.format {
        case .svg: SVGMap.render(result, atlas: options.atlas!, options: options)
        case .map: TileMap.render(result, atlas: options.atlas!, options: options)
        case .chart: TerminalChart.render(result, options: options)
        default: HTMLReport.render(result, options: options)
        }
    }

    /// The title and notes a format cannot carry inside its data (csv, tsv), as `# ` lines
    /// for stderr; empty for the other formats, which hold them themselves.
    public static func notes(_ output: StatementOutput, format: OutputFormat, language: Language = .en) -> String {
        guard case .table(let result) = output, format == .csv || format == .tsv else { return "" }
        return ((result.title.map { [$0.text(language)] } ?? []) + cellWords(result, language).noteLines(language)).map { "# \($0)\n" }.joined()
    }

    /// A cell as plain text: numbers with a decimal point (or comma), missing as empty.
    static func plain(_ value: Value, comma: Bool = false) -> String {
        switch value {
        case .integer(let i): return String(i)
        case .number(let d, let decimals, _): return formatDecimal(d, decimals, comma: comma)
        case .text(let s), .named(let s, _): return s
        case .missing: return ""
        }
    }

    /// Renders one statement's output as `render` does, handing the bytes to `write` in pieces:
    /// a csv or tsv table as its rows are written (never the text of the whole result), other
    /// outputs whole.
    public static func render(
        _ output: StatementOutput, source: String, sourceName: String = "query",
        firstLine: Int = 1, options: RenderOptions = RenderOptions(), write: ([UInt8]) -> Void
    ) {
        if case .table(let result) = output, options.format == .csv || options.format == .tsv {
            let language = options.language ?? .en
            let separator: Character = options.format == .tsv ? "\t" : options.comma ? ";" : ","
            delimited(cellWords(result, language), separator: separator, comma: options.comma, language: language, write: write)
        } else {
            write(Array(render(output, source: source, sourceName: sourceName, firstLine: firstLine, options: options).utf8))
        }
    }

    /// Fixed decimals without locale: 37.45 -> "37.5" (half away from zero), -0.0 -> "0.0".
    static func formatDecimal(_ value: Double, _ decimals: Int, comma: Bool = false) -> String {
        var out: [UInt8] = []
        appendDecimal(value, decimals, comma: comma, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `formatDecimal(value, decimals)`, with a decimal comma when `comma`.
    static func appendDecimal(_ value: Double, _ decimals: Int, comma: Bool, to out: inout [UInt8]) {
        guard value.isFinite else { return }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int(scaled / scale)
        let fraction = Int(scaled) - whole * Int(scale)
        if value < 0 && scaled > 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(whole, to: &out)
        guard decimals > 0 else { return }
        out.append(comma ? UInt8(ascii: ",") : UInt8(ascii: "."))
        var width = 1, rest = fraction
        while rest >= 10 { rest /= 10; width += 1 }
        for _ in width..<max(width, decimals) { out.append(UInt8(ascii: "0")) }
        appendDigits(fraction, to: &out)
    }
}
