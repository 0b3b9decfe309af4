// Planner: turns a bound query into scans. Top-level masks are pulled out so
// the evaluator checks them with one array lookup each; whatever cannot be
// reduced to masks stays as a residual filter evaluated per row.

/// One aggregation over the fact table.
struct Scan: Sendable, Equatable {
    var municipalities: [Bool]?
    var paragraphs: [Bool]?
    var periods: PeriodMask?
    /// Conditions that mix dimensions under `or`/`not`.
    var residual: RowFilter?
    var groupBy: [Dimension]
    /// Areas rows may be counted under when grouping by area.
    var areas: [Bool]
    /// Whether the rows' processing days are summed; false when no measure reads them, and then
    /// the scan does not read the days column (its pages stay out of memory).
    var days = true
}

/// What the evaluator runs.
struct Plan: Sendable, Equatable {
    var query: BoundQuery
    var main: Scan
    /// The same filter without municipality/region conditions, grouped without them.
    var national: Scan?
    /// `vs YEAR`: the same groups in the other period.
    var then: Scan?
}

enum Planner {
    static func plan(_ query: BoundQuery) -> Plan {
        let main = scan(query.rows, groupBy: query.groupBy, areas: query.areas)
        let national = query.versusNational
            ? scan(query.nationalRows, groupBy: query.groupBy.filter { !$0.isGeographic }, areas: query.areas)
            : nil
        let then = query.thenRows.map { scan($0, groupBy: query.groupBy, areas: query.areas) }
        var plan = Plan(query: query, main: main, national: national, then: then)
        if !query.measures.contains(where: \.readsDays) {
            plan.main.days = false
            plan.national?.days = false
            plan.then?.days = false
        }
        return plan
    }

    static func scan(_ filter: RowFilter, groupBy: [Dimension], areas: [Bool]) -> Scan {
        var scan = Scan(groupBy: groupBy, areas: areas)
        var residual: [RowFilter] = []
        for part in filter.conjuncts {
            switch part {
            case .all: continue
            case .municipality(let bits):
                scan.municipalities = scan.municipalities.map { zip($0, bits).map { $0 && $1 } } ?? bits
            case .paragraph(let bits):
                scan.paragraphs = scan.paragraphs.map { zip($0, bits).map { $0 && $1 } } ?? bits
            case .period(let periods):
                if var existing = scan.periods {
                    existing.bits = zip(existing.bits, periods.bits).map { $0 && $1 }
                    scan.periods = existing
                } else {
                    scan.periods = periods
                }
            default: residual.append(part)
            }
        }
        scan.residual = residual.isEmpty ? nil : (residual.count == 1 ? residual[0] : .and(residual))
        return scan
    }
}
