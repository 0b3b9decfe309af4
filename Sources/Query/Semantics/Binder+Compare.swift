// Binder, part five: fair comparisons. `vs 2021` (the other period's row
// conditions), `rolling 3` / `over 3 years` (year masks widened to pool the years
// before), and measures that cannot be conditions on groups.

extension Binder {
    /// `vs YEAR`: the row conditions without the time conditions, plus the other period; the
    /// names of both periods. Nil without `vs YEAR`.
    func bindComparison(_ query: Query, groupBy: [Dimension], rowConditions: [RowFilter], timeOnly: [Bool])
        throws(Diagnostic) -> (rows: [RowFilter], then: String, now: String)? {
        guard let spans = query.versusPeriod, let range = query.versusPeriodRange else { return nil }
        if groupBy.contains(.year) {
            throw Diagnostic(
                "E218", "'vs' a period compares each row with the same row in another period; it cannot be combined with 'by year'",
                at: range, hint: "drop 'year' from 'by', e.g. rate by municipality year 2022 vs 2021")
        }
        let then = try bindTime(.years(spans, range: range))
        let others = zip(rowConditions, timeOnly).filter { !$0.1 }.map(\.0)
        let timeConditions = zip(rowConditions, timeOnly).filter { $0.1 }.map(\.0)
        let nowYears = years.filter { year in (1...4).contains { quarter in timeConditions.allSatisfy { Self.allows($0, year, quarter) } } }
        let thenName = spans.map { span in
            text(of: span.from) + (span.to.map { "–" + text(of: $0) } ?? "")
        }.joined(separator: ", ")
        return (others + [.period(then)], thenName, Self.describeYears(nowYears))
    }

    /// Whether a condition on time alone allows (year, quarter); other conditions allow all.
    static func allows(_ filter: RowFilter, _ year: Int, _ quarter: Int) -> Bool {
        switch filter {
        case .period(let mask): mask.allows(year: year, quarter: quarter)
        case .and(let parts): parts.allSatisfy { allows($0, year, quarter) }
        case .or(let parts): parts.contains { allows($0, year, quarter) }
        case .not(let inner): !allows(inner, year, quarter)
        default: true
        }
    }

    /// `rolling N`: every top-level period condition also allows the N − 1 years before each
    /// year it allows (same quarters). Returns the widened conditions, the widening itself (for
    /// the `vs YEAR` conditions) and the years shown (those the conditions allowed before).
    func bindRolling(_ query: Query, groupBy: [Dimension], rowConditions: [RowFilter])
        throws(Diagnostic) -> (conditions: [RowFilter], widen: ([RowFilter]) -> [RowFilter], years: [Int]) {
        guard let rolling = query.rolling?.count else { return (rowConditions, { $0 }, []) }
        let shown = years.filter { year in
            (1...4).contains { quarter in
                rowConditions.allSatisfy { if case .period(let mask) = $0 { mask.allows(year: year, quarter: quarter) } else { true } }
            }
        }
        let widen: ([RowFilter]) -> [RowFilter] = { conditions in
            conditions.map { condition in
                guard case .period(let mask) = condition else { return condition }
                return .period(PeriodMask(firstYear: mask.firstYear, years: mask.bits.count / 4) { year, quarter in
                    (0..<rolling).contains { mask.allows(year: year + $0, quarter: quarter) }
                })
            }
        }
        return (widen(rowConditions), widen, shown)
    }

    /// E219 for a condition on a measure that depends on all the rows compared (rate_shrunk).
    func checkGroupConditions(_ expr: Expr) throws(Diagnostic) {
        switch expr {
        case .compare(let field, _, _, _):
            if let measure = Self.measure(named: field.text), measure.dependsOnAllRows {
                throw Diagnostic(
                    "E219", "'\(measure.name)' depends on all the rows compared, so it cannot be a condition on them",
                    at: field.range, hint: "order by it instead, or filter on cases: where cases >= 30")
            }
        case .member: return
        case .and(let a, let b), .or(let a, let b):
            try checkGroupConditions(a)
            try checkGroupConditions(b)
        case .not(let inner, _):
            try checkGroupConditions(inner)
        }
    }
}
