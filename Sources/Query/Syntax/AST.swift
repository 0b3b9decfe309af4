// The syntax tree the parser produces. It names things only as written: the
// parser knows nothing about datasets; the binder resolves every name.

/// A whole input: zero or more statements.
struct Script: Sendable, Equatable {
    var statements: [Statement]
    init(statements: [Statement]) { self.statements = statements }
}

/// One statement and the source range it spans.
struct Statement: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case query(Query)
        /// `show municipalities` (the word after `show`, resolved by the binder).
        case show(Name)
        /// `describe rate`.
        case describe(Name)
        /// `load "path"` (a data file or folder; see the importers), optionally `as "citation"`.
        case load(Literal, citation: Literal?)
        /// `unload "path"`: forgets a loaded file (this session and the next ones).
        case unload(Literal)
        /// `answer <query>` (`svar`): the query's result as the text of a reply.
        case answer(Query)
        /// `check` compares loaded data with the published national figures.
        case check
    }
    var kind: Kind
    var range: SourceRange
    init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// A word as the user wrote it, with its range.
struct Name: Sendable, Equatable {
    var text: String
    var range: SourceRange
    init(_ text: String, _ range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// A value in a filter or time clause.
struct Literal: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case word(String)
        case string(String)
        case integer(Int)
        case decimal(Double)
        case paragraph(String)
        case period(year: Int, quarter: Int)
    }
    var kind: Kind
    var range: SourceRange
    init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// `measures [by dims] [where expr] [time…] [vs national] [order by …] [top|bottom N] [limit N]`.
/// Clauses after the measures may come in any order, each at most once
/// (time clauses may repeat: `year 2021 quarter 1`).
struct Query: Sendable, Equatable {
    var measures: [Name]
    var groupBy: [Name] = []
    var filter: Expr?
    var time: [TimeClause] = []
    /// Range of `vs national` when present.
    var versusNational: SourceRange?
    /// `vs national exact`: the exact binomial verdict; `vs national fdr`: Benjamini-Hochberg.
    var versusExact = false
    var versusFDR = false
    /// `vs 2021` / `vs 2019..2020`: the period each row is compared with, and its range.
    var versusPeriod: [TimeSpan]?
    var versusPeriodRange: SourceRange?
    /// `rolling 3` / `over 3 years`: each year pooled with the years before it.
    var rolling: Limit?
    var order: [OrderKey] = []
    var cut: Cut?
    var limit: Limit?

    init(measures: [Name]) { self.measures = measures }
}

/// A filter expression.
indirect enum Expr: Sendable, Equatable {
    /// `field op value`, e.g. `municipality = Aarhus`, `cases >= 10`.
    case compare(field: Name, op: ComparisonOperator, value: Literal, range: SourceRange)
    /// `field [not] in (v1, v2, …)`.
    case member(field: Name, values: [Literal], negated: Bool, range: SourceRange)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case not(Expr, range: SourceRange)

    /// The source range of the whole expression.
    var range: SourceRange {
        switch self {
        case .compare(_, _, _, let range), .member(_, _, _, let range), .not(_, let range): range
        case .and(let lhs, let rhs), .or(let lhs, let rhs): lhs.range.union(rhs.range)
        }
    }
}

public enum ComparisonOperator: String, Sendable, Equatable, CaseIterable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

/// A time clause. Years are calendar (data) years; quarters 1-4.
enum TimeClause: Sendable, Equatable {
    /// `year 2021`, `year 2019..2023`, `years 2019, 2021`, `year 2020Q3..2021Q2`.
    case years([TimeSpan], range: SourceRange)
    /// `since 2020` or `since 2020Q3`.
    case since(Literal, range: SourceRange)
    /// `quarter 3`, `quarters 1..2`, `quarters 1, 3`.
    case quarters([TimeSpan], range: SourceRange)

    /// The source range of the whole clause.
    var range: SourceRange {
        switch self {
        case .years(_, let range), .since(_, let range), .quarters(_, let range): range
        }
    }
}

/// One item of a time list: a single value or an inclusive range `a..b`.
/// Each end is an integer literal or a period literal.
struct TimeSpan: Sendable, Equatable {
    var from: Literal
    var to: Literal?
    init(from: Literal, to: Literal? = nil) {
        self.from = from
        self.to = to
    }
}

/// `order by key [asc|desc]`.
struct OrderKey: Sendable, Equatable {
    var key: Name
    var descending: Bool
    init(key: Name, descending: Bool) {
        self.key = key
        self.descending = descending
    }
}

/// `top N` (highest first by the first measure) or `bottom N` (lowest first).
struct Cut: Sendable, Equatable {
    var fromTop: Bool
    var count: Int
    var range: SourceRange
    init(fromTop: Bool, count: Int, range: SourceRange) {
        self.fromTop = fromTop
        self.count = count
        self.range = range
    }
}

/// `limit N`.
struct Limit: Sendable, Equatable {
    var count: Int
    var range: SourceRange
    init(count: Int, range: SourceRange) {
        self.count = count
        self.range = range
    }
}
