// What a statement produces: a typed table with footer notes, and the other
// things a statement can answer (text, a diagnostic). No printing here.

/// One cell. A cell keeps what it is, not only its text: a dimension's value names
/// the thing (a municipality's code, a paragraph's code), a number carries the count
/// it rests on, so maps and answers can use them.
public enum Value: Sendable, Equatable {
    case integer(Int)
    /// A number shown with a fixed number of decimals (rates: 1); `n` is the count it
    /// rests on (a rate's cases), when it has one.
    case number(Double, decimals: Int, n: Int? = nil)
    case text(String)
    /// A dimension's value: the text shown, and what it names. Kept in a box shared by the
    /// cells that show the same value, so a cell takes 32 bytes, not 56 (big results).
    indirect case named(String, Entity)
    /// No value: e.g. a rate over zero cases. Rendered as empty, never 0 or NaN.
    case missing

    /// The text of a text or named cell.
    public var textValue: String? {
        switch self {
        case .text(let text), .named(let text, _): text
        default: nil
        }
    }
}

/// What a named cell stands for: the dimension and the value's identity in it
/// (municipality: its code "751"; paragraph: its code "1.14"; region, law, area: the name).
public struct Entity: Sendable, Equatable, Hashable {
    public var dimension: String
    public var id: String
    public init(_ dimension: String, _ id: String) {
        self.dimension = dimension
        self.id = id
    }
}

/// A result column.
public struct Column: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case dimension, measure }
    public var name: String
    public var kind: Kind
    public init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

/// A query's answer: columns, rows, and footer notes (years covered, data sources,
/// "synthetic demo data", small-count warnings).
public struct ResultSet: Sendable, Equatable {
    public var columns: [Column]
    public var rows: [[Value]]
    public var notes: [Note]
    /// What the result is about (queries only; `show` tables have none).
    public var title: ResultTitle?
    /// What the figures rest on, when they rest on outcome data: csv/tsv add it as a
    /// `data_kind` column when it is synthetic or mixed, so the label cannot be lost.
    public var dataKind: DataKind?

    public init(columns: [Column], rows: [[Value]], notes: [Note] = [], title: ResultTitle? = nil, dataKind: DataKind? = nil) {
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.title = title
        self.dataKind = dataKind
    }
}

/// Whether a result's figures come from real downloads, the synthetic demo, or both.
public enum DataKind: String, Sendable, Equatable {
    case real, synthetic, mixed
}

/// What running one statement gives.
public enum StatementOutput: Sendable, Equatable {
    case table(ResultSet)
    /// Plain text (describe, load reports, check).
    case text(String)
    /// `answer <query>`: the text of a reply, in both languages.
    case answer(Answer)
    case error(Diagnostic)
}

/// A query's result with the counts behind it (for answers).
struct Evaluation {
    var result: ResultSet
    var query: BoundQuery
    /// Per shown row: its summed counts, and the national counts under `vs national`.
    var totals: [(own: Totals, national: Totals?)]
    /// Rows before `top`/`bottom`/`limit`.
    var total: Int
    /// The sources the figures come from.
    var citations: [Citation]
    /// Municipalities with data in the chosen periods, of all.
    var coverage: (present: Int, of: Int)
}
