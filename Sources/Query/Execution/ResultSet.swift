// What a statement produces: a typed table with footer notes, and the other
// things a statement can answer (text, a diagnostic). No printing here.

/// One cell.
public enum Value: Sendable, Equatable {
    case integer(Int)
    /// A number shown with a fixed number of decimals (rates: 1).
    case number(Double, decimals: Int)
    case text(String)
    /// No value: e.g. a rate over zero cases. Rendered as empty, never 0 or NaN.
    case missing
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
    public var notes: [String]
    /// What the result is about (queries only; `show` tables have none).
    public var title: ResultTitle?
    /// What the figures rest on, when they rest on outcome data: csv/tsv add it as a
    /// `data_kind` column when it is synthetic or mixed, so the label cannot be lost.
    public var dataKind: DataKind?

    public init(columns: [Column], rows: [[Value]], notes: [String] = [], title: ResultTitle? = nil, dataKind: DataKind? = nil) {
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
    case error(Diagnostic)
}
