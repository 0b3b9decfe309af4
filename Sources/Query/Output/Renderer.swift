// Renders statement outputs as text: table, csv, tsv, json or markdown, and
// diagnostics with a caret under the offending token.

/// Output formats for results (`.format` in the shell).
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, tsv, json, markdown
}

/// How to render.
public struct RenderOptions: Sendable, Equatable {
    public var format: OutputFormat
    /// ANSI colour (only when writing to a terminal and NO_COLOR is unset).
    public var color: Bool
    public init(format: OutputFormat = .table, color: Bool = false) {
        self.format = format
        self.color = color
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
        // TODO(core): real renderers.
        switch output {
        case .table(let result): return "\(result)\n"
        case .text(let text): return text + "\n"
        case .error(let diagnostic): return "error[\(diagnostic.code)]: \(diagnostic.message)\n"
        }
    }
}
