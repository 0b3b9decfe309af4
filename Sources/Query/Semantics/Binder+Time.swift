// Binder, part four: time. `year`, `years`, `since`, `quarter` clauses and
// `where year …`/`where quarter …` conditions become masks over (year, quarter).

extension Binder {
    /// A mask over the data's years built from a predicate.
    func periodMask(_ allowed: (_ year: Int, _ quarter: Int) -> Bool) -> PeriodMask {
        let first = years.first ?? 0
        let count = years.isEmpty ? 0 : (years.last ?? first) - first + 1
        return PeriodMask(firstYear: first, years: count, where: allowed)
    }

    func bindTime(_ clause: TimeClause) throws(Diagnostic) -> PeriodMask {
        switch clause {
        case .years(let spans, _):
            var allowed: [(from: Int, to: Int)] = []  // period numbers year*4+quarter-1
            for span in spans {
                let from = try period(span.from, isEnd: false)
                let to = try period(span.to ?? span.from, isEnd: true)
                guard from <= to else {
                    throw Diagnostic("E206", "the range runs backwards", at: span.from.range.union(span.to?.range ?? span.from.range))
                }
                try checkCovered(from: from / 4, to: to / 4, at: span.from.range.union(span.to?.range ?? span.from.range))
                allowed.append((from, to))
            }
            return periodMask { year, quarter in
                let p = year * 4 + quarter - 1
                return allowed.contains { $0.from <= p && p <= $0.to }
            }
        case .since(let literal, _):
            let from = try period(literal, isEnd: false)
            try checkCovered(from: from / 4, to: from / 4, at: literal.range)
            return periodMask { year, quarter in year * 4 + quarter - 1 >= from }
        case .quarters(let spans, _):
            var allowed = Set<Int>()
            for span in spans {
                let from = try quarterNumber(span.from)
                let to = try quarterNumber(span.to ?? span.from)
                guard from <= to else {
                    throw Diagnostic("E210", "the range runs backwards", at: span.from.range.union(span.to?.range ?? span.from.range))
                }
                allowed.formUnion(from...to)
            }
            return periodMask { _, quarter in allowed.contains(quarter) }
        }
    }

    /// `2021` -> first or last quarter of 2021; `2021Q3` -> that quarter; as year*4+quarter-1.
    /// Years outside `FactTable.yearLimits` are refused before any arithmetic.
    func period(_ literal: Literal, isEnd: Bool) throws(Diagnostic) -> Int {
        let year: Int, quarter: Int
        switch literal.kind {
        case .integer(let y): (year, quarter) = (y, isEnd ? 4 : 1)
        case .period(let y, let q): (year, quarter) = (y, q)
        default:
            throw Diagnostic("E206", "expected a year (2021) or a quarter (2021Q3), found '\(text(of: literal))'", at: literal.range)
        }
        guard FactTable.yearLimits.contains(year) else {
            let covered = years.isEmpty ? "no outcome data is loaded" : "the data covers \(Self.describeYears(years))"
            throw Diagnostic("E206", "expected a year from \(FactTable.yearLimits.lowerBound) to \(FactTable.yearLimits.upperBound), found '\(Lexer.shorten(text(of: literal)))'",
                             at: literal.range, hint: covered)
        }
        return year * 4 + quarter - 1
    }

    func quarterNumber(_ literal: Literal) throws(Diagnostic) -> Int {
        if case .integer(let q) = literal.kind, (1...4).contains(q) { return q }
        throw Diagnostic("E210", "a quarter is 1, 2, 3 or 4, not '\(text(of: literal))'", at: literal.range,
                         hint: "for one quarter of one year write e.g. 'year 2021Q3'")
    }

    /// Every year in `from...to` must be in the data. The missing years are found as the
    /// gaps between the data's own years, so the work does not grow with the range.
    func checkCovered(from: Int, to: Int, at range: SourceRange) throws(Diagnostic) {
        var missing: [(Int, Int)] = []
        var next = from
        for year in years where from <= year && year <= to {
            if year > next { missing.append((next, year - 1)) }
            next = year + 1
        }
        if next <= to { missing.append((next, to)) }
        guard !missing.isEmpty else { return }
        let list = missing.map { $0.0 == $0.1 ? "\($0.0)" : "\($0.0)–\($0.1)" }.joined(separator: ", ")
        let covered = years.isEmpty ? "no outcome data is loaded" : "the data covers \(Self.describeYears(years))"
        throw Diagnostic("E206", "no data for \(list)", at: range, hint: covered)
    }

    /// A condition `year op value` or `quarter op value` from `where`.
    func periodCondition(_ dimension: Dimension, _ op: ComparisonOperator, _ value: Literal) throws(Diagnostic) -> PeriodMask {
        func compare(_ a: Int, _ b: Int) -> Bool {
            switch op {
            case .equal: a == b
            case .notEqual: a != b
            case .less: a < b
            case .lessOrEqual: a <= b
            case .greater: a > b
            case .greaterOrEqual: a >= b
            }
        }
        if case .period(let y, let q) = value.kind {
            // Compared as (year, quarter) pairs: no arithmetic on the year the user typed.
            return periodMask { year, quarter in
                year != y ? compare(year, y) : compare(quarter, q)
            }
        }
        if dimension == .year {
            guard case .integer(let target) = value.kind else {
                throw Diagnostic("E207", "year is compared with a year such as 2021, not '\(text(of: value))'", at: value.range)
            }
            return periodMask { year, _ in compare(year, target) }
        }
        let target = try quarterNumber(value)
        return periodMask { _, quarter in compare(quarter, target) }
    }

    /// "2019", "2019–2023", "2014, 2016–2018".
    static func describeYears(_ years: [Int]) -> String {
        var runs: [(Int, Int)] = []
        for year in years.sorted() {
            if let last = runs.last, last.1 + 1 == year { runs[runs.count - 1].1 = year } else { runs.append((year, year)) }
        }
        return runs.map { $0.0 == $0.1 ? "\($0.0)" : "\($0.0)–\($0.1)" }.joined(separator: ", ")
    }

    /// Time conditions joined by `and` must leave some (year, quarter): `year 2021 where year = 2022`
    /// is an error at the condition that empties the choice, not a silent empty result.
    func checkTimeAgrees(_ conditions: [(mask: PeriodMask, range: SourceRange)]) throws(Diagnostic) {
        guard conditions.count > 1, var left = conditions.first?.mask else { return }
        for (index, condition) in conditions.enumerated().dropFirst() {
            left.bits = zip(left.bits, condition.mask.bits).map { $0 && $1 }
            if !left.bits.contains(true) {
                let bytes = Array(source.utf8)
                let earlier = conditions[..<index].map { c in
                    "'" + String(decoding: bytes[max(0, c.range.lower)..<min(bytes.count, c.range.upper)], as: UTF8.self) + "'"
                }.joined(separator: ", ")
                throw Diagnostic(
                    "E218", "the time conditions contradict each other: with \(earlier) no year or quarter is left",
                    at: condition.range, hint: "keep one of them")
            }
        }
    }
}
