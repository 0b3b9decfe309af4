// Test support for the parser tests: a compact text form of parse results
// ("rate | by paragraph | where (a = 1 and b = 2)") so tables stay readable.
@testable import Query

/// One line per statement: the sketch of a statement, or "E110 3..5 message".
func sketch(_ results: [Parsed]) -> [String] {
    results.map { result in
        switch result {
        case .success(let statement): sketch(statement)
        case .failure(let d): "\(d.code) \(d.range.lower)..\(d.range.upper) \(d.message)"
        }
    }
}

func sketch(_ statement: Statement) -> String {
    switch statement.kind {
    case .query(let query): sketch(query)
    case .show(let name): "show \(name.text)"
    case .describe(let name): "describe \(name.text)"
    case .load(let literal, let citation): "load \(sketch(literal))" + (citation.map { " as \(sketch($0))" } ?? "")
    case .unload(let literal): "unload \(sketch(literal))"
    case .answer(let query): "answer \(sketch(query))"
    case .check: "check"
    }
}

func sketch(_ query: Query) -> String {
    var parts = [query.measures.map(\.text).joined(separator: ", ")]
    if !query.groupBy.isEmpty { parts.append("by " + query.groupBy.map(\.text).joined(separator: ", ")) }
    if let filter = query.filter { parts.append("where " + sketch(filter)) }
    for clause in query.time {
        switch clause {
        case .years(let spans, _): parts.append("year " + spans.map(sketch).joined(separator: ", "))
        case .quarters(let spans, _): parts.append("quarter " + spans.map(sketch).joined(separator: ", "))
        case .since(let value, _): parts.append("since " + sketch(value))
        }
    }
    if query.versusNational != nil { parts.append("vs national") }
    if !query.order.isEmpty {
        parts.append("order by " + query.order.map { "\($0.key.text) \($0.descending ? "desc" : "asc")" }
            .joined(separator: ", "))
    }
    if let cut = query.cut { parts.append("\(cut.fromTop ? "top" : "bottom") \(cut.count)") }
    if let limit = query.limit { parts.append("limit \(limit.count)") }
    return parts.joined(separator: " | ")
}

func sketch(_ span: TimeSpan) -> String {
    sketch(span.from) + (span.to.map { ".." + sketch($0) } ?? "")
}

func sketch(_ expr: Expr) -> String {
    switch expr {
    case .compare(let field, let op, let value, _):
        "\(field.text) \(op.rawValue) \(sketch(value))"
    case .member(let field, let values, let negated, _):
        "\(field.text) \(negated ? "not in" : "in") (\(values.map(sketch).joined(separator: ", ")))"
    case .and(let lhs, let rhs): "(\(sketch(lhs)) and \(sketch(rhs)))"
    case .or(let lhs, let rhs): "(\(sketch(lhs)) or \(sketch(rhs)))"
    case .not(let inner, _): "not \(sketch(inner))"
    }
}

/// Words bare, strings in double quotes, § before paragraphs, periods as 2021Q3.
func sketch(_ literal: Literal) -> String {
    switch literal.kind {
    case .word(let text): text
    case .string(let text): "\"\(text)\""
    case .integer(let value): String(value)
    case .decimal(let value): String(value)
    case .paragraph(let text): "§" + text
    case .period(let year, let quarter): "\(year)Q\(quarter)"
    }
}
