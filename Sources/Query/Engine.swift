// The embeddable engine: load datasets, run query text, get typed results.
// Pipeline: Lexer -> Parser -> Binder -> Planner -> Evaluator (see docs/ARCHITECTURE.md).

/// A query engine over loaded Danmarkskort datasets.
public struct Engine: Sendable {
    /// Everything loaded.
    public private(set) var store: OutcomeStore

    public init(store: OutcomeStore) {
        self.store = store
    }

    /// Loads the data folder (municipalities, paragraphs, yearly outcome files).
    public static func open(dataDirectory: String) throws -> Engine {
        Engine(store: try DataFolder.load(directory: dataDirectory))
    }

    /// Runs every statement in `source`, in order, stopping after the first error.
    public mutating func run(_ source: String) -> [StatementOutput] {
        // TODO(core): bind, plan and evaluate. Placeholder so other parts compile.
        []
    }

    /// True when `source` ends inside an unfinished statement (open parenthesis,
    /// trailing `by`, `where`, `and`, `,`, operator …): the shell then shows its
    /// continuation prompt and reads another line.
    public static func needsMoreInput(_ source: String) -> Bool {
        Parser.needsMoreInput(source)
    }

    /// Words that may stand at `cursor` (a UTF-8 offset into `line`), filtered by the
    /// partial word before the cursor: keywords, measures, dimensions, and values
    /// (municipality names, paragraph labels) after `field =`.
    public func completions(in line: String, cursor: Int) -> [String] {
        []
    }
}
