// The syntax tree the parser produces. It names things only as written: the
// parser knows nothing about datasets; the binder resolves every name.

/// A whole input: zero or more statements.
public struct Script: Sendable, Equatable {
    public var statements: [Statement]
    public init(statements: [Statement]) { self.statements = statements }
}

/// One statement and the source range it spans.
public struct Statement: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
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
    public var kind: Kind
    public var range: SourceRange
    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// A word as the user wrote it, with its range.
public struct Name: Sendable, Equatable {
    public var text: String
    public var range: SourceRange
    public init(_ text: String, _ range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// A value in a filter or time clause.
public struct Literal: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case word(String)
        case string(String)
        case integer(Int)
        case decimal(Double)
        case paragraph(String)
        case period(year: Int, quarter: Int)
    }
    public var kind: Kind
    public var range: SourceRange
    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// `measures [by dims] [where expr] [time…] [vs national] [order by …] [top|bottom N] [limit N]`.
/// Clauses after the measures may come in any order, each at most once
/// (time clauses may repeat: `year 2021 quarter 1`).
public struct Query: Sendable, Equatable {
    public var measures: [Name]
    public var groupBy: [Name] = []
    public var filter: Expr?
    public var time: [TimeClause] = []
    /// Range of `vs national` when present.
    public var versusNational: SourceRange?
    /// `vs national exact`: the exact binomial verdict; `vs national fdr`: Benjamini-Hochberg.
    public var versusExact = false
    public var versusFDR = false
    /// `vs 2021` / `vs 2019..2020`: the period each row is compared with, and its range.
    public var versusPeriod: [TimeSpan]?
    public var versusPeriodRange: SourceRange?
    /// `rolling 3` / `over 3 years`: each year pooled with the years before it.
    public var rolling: Limit?
    public var order: [OrderKey] = []
    public var cut: Cut?
    public var limit: Limit?

    public init(measures: [Name]) { self.measures = measures }
}

/// A filter expression.
public indirect enum Expr: Sendable, Equatable {
    /// `field op value`, e.g. `municipality = Aarhus`, `cases >= 10`.
    case compare(field: Name, op: ComparisonOperator, value: Literal, range: SourceRange)
    /// `field [not] in (v1, v2, …)`.
    case member(field: Name, values: [Literal], negated: Bool, range: SourceRange)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case not(Expr, range: SourceRange)

    /// The source range of the whole expression.
    public var range: SourceRange {
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
public enum TimeClause: Sendable, Equatable {
    /// `year 2021`, `year 2019..2023`, `years 2019, 2021`, `year 2020Q3..2021Q2`.
    case years([TimeSpan], range: SourceRange)
    /// `since 2020` or `since 2020Q3`.
    case since(Literal, range: SourceRange)
    /// `quarter 3`, `quarters 1..2`, `quarters 1, 3`.
    case quarters([TimeSpan], range: SourceRange)

    /// The source range of the whole clause.
    public var range: SourceRange {
        switch self {
        case .years(_, let range), .since(_, let range), .quarters(_, let range): range
        }
    }
}

/// One item of a time list: a single value or an inclusive range `a..b`.
/// Each end is an integer literal or a period literal.
public struct TimeSpan: Sendable, Equatable {
    public var from: Literal
    public var to: Literal?
    public init(from: Literal, to: Literal? = nil) {
        self.from = from
        self.to = to
    }
}

/// `order by key [asc|desc]`.
public struct OrderKey: Sendable, Equatable {
    public var key: Name
    public var descending: Bool
    public init(key: Name, descending: Bool) {
        self.key = key
        self.descending = descending
    }
}

/// `top N` (highest first by the first measure) or `bottom N` (lowest first).
public struct Cut: Sendable, Equatable {
    public var fromTop: Bool
    public var count: Int
    public var range: SourceRange
    public init(fromTop: Bool, count: Int, range: SourceRange) {
        self.fromTop = fromTop
        self.count = count
        self.range = range
    }
}

/// `limit N`.
public struct Limit: Sendable, Equatable {
    public var count: Int
    public var range: SourceRange
    public init(count: Int, range: SourceRange) {
        self.count = count
        self.range = range
    }
}
