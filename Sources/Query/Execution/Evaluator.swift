// Evaluator: runs a plan over the fact table and builds the result: one row
// per group (groups with no complaints included), measures from summed counts,
// the national comparison, ordering, and the footer notes.

/// Evaluates plans against one store.
struct Evaluator {
    let store: OutcomeStore
    let domains: Domains
    /// False makes every scan read rows (tests compare both paths).
    var useRollups = true

    init(store: OutcomeStore, domains: Domains? = nil, useRollups: Bool = true) {
        self.store = store
        self.domains = domains ?? Domains(store)
        self.useRollups = useRollups
    }

    /// The measure columns a query's result has, in order.
    static func measureColumns(of query: BoundQuery) -> [Column] {
        var columns = query.measures.map { Column($0.rawValue, .measure) }
        if query.versusNational {
            for measure in query.measures where measure.isPercent && measure != .rateLow && measure != .rateHigh {
                columns.append(Column("national_\(measure.rawValue)", .measure))
                columns.append(Column("diff_\(measure.rawValue)", .measure))
            }
            if query.measures.contains(.rate) { columns.append(Column("funnel", .measure)) }
        }
        return columns
    }

    func evaluate(_ plan: Plan) -> ResultSet {
        let query = plan.query
        let main = aggregate(plan.main)
        let national = plan.national.map(aggregate)
        let columns = query.groupBy.map { Column($0.rawValue, .dimension) } + Self.measureColumns(of: query)

        var rows: [[Value]] = []
        var casesOfRow: [Int] = []
        var missingDenominators = 0
        let sideTables = query.measures.contains(where: \.needsSideTable) ? SideTables(store) : nil
        for key in groupKeys(main, plan.main) {
            var totals = main.totals[key] ?? Totals()
            let parts = main.components(of: key)
            if let sides = sideTables {
                (totals.population, totals.recipients) = sides.denominators(parts, query, plan.main, main, domains)
                let needed = query.measures.filter(\.needsSideTable)
                if needed.contains(where: { $0.needsOneArea ? totals.recipients == nil : totals.population == nil }) {
                    missingDenominators += 1
                }
            }
            if let filter = query.groups, !passes(filter, totals) { continue }
            var row = zip(query.groupBy, parts).map { dimensionValue($0, $1) }
            row += query.measures.map { value(of: $0, totals) }
            if let national {
                var nationalKey = 0
                for (i, dimension) in query.groupBy.enumerated() where !dimension.isGeographic {
                    nationalKey = nationalKey * domains.radix(dimension) + parts[i]
                }
                let reference = national.totals[nationalKey] ?? Totals()
                for measure in query.measures where measure.isPercent && measure != .rateLow && measure != .rateHigh {
                    let own = value(of: measure, totals), base = value(of: measure, reference)
                    row.append(base)
                    if case .number(let a, _) = own, case .number(let b, _) = base {
                        row.append(.number(a - b, decimals: 1))
                    } else {
                        row.append(.missing)
                    }
                }
                if query.measures.contains(.rate) {
                    let p0 = reference.cases > 0 ? Double(reference.reversed) / Double(reference.cases) : 0
                    row.append(Statistics.funnel(totals.reversed, totals.cases, national: p0).map(Value.text) ?? .missing)
                }
            }
            rows.append(row)
            casesOfRow.append(totals.cases)
        }

        let total = rows.count
        let order = ordering(query, columns: columns)
        if !order.isEmpty {
            let indices = rows.indices.sorted { a, b in
                for (column, descending) in order {
                    let c = Self.compare(rows[a][column], rows[b][column], descending: descending)
                    if c != 0 { return c < 0 }
                }
                return a < b
            }
            rows = indices.map { rows[$0] }
            casesOfRow = indices.map { casesOfRow[$0] }
        }
        var shown = total
        if let cut = query.cut { shown = min(shown, cut.count) }
        if let limit = query.limit { shown = min(shown, limit) }
        rows = Array(rows.prefix(shown))
        casesOfRow = Array(casesOfRow.prefix(shown))

        let notes = footer(query, main: main, plan: plan, shown: shown, total: total, casesOfRow: casesOfRow,
                           missingDenominators: missingDenominators)
        return ResultSet(columns: columns, rows: rows, notes: notes)
    }

    /// Sort columns with direction: explicit `order by`, else what `top`/`bottom` implies.
    func ordering(_ query: BoundQuery, columns: [Column]) -> [(Int, Bool)] {
        var order: [(Int, Bool)] = query.order.compactMap { key, descending in
            let name: String
            switch key {
            case .dimension(let d): name = d.rawValue
            case .column(let c): name = c
            }
            return columns.firstIndex { $0.name == name }.map { ($0, descending) }
        }
        if let cut = query.cut {
            if order.isEmpty, let first = query.measures.first,
                let column = columns.firstIndex(where: { $0.name == first.rawValue }) {
                order = [(column, true)]
            }
            if !cut.fromTop { order = order.map { ($0.0, !$0.1) } }
        }
        return order
    }

    /// -1, 0, 1; missing values sort last in either direction.
    static func compare(_ a: Value, _ b: Value, descending: Bool) -> Int {
        func number(_ v: Value) -> Double? {
            switch v {
            case .integer(let i): Double(i)
            case .number(let d, _): d
            default: nil
            }
        }
        switch (a, b) {
        case (.missing, .missing): return 0
        case (.missing, _): return 1
        case (_, .missing): return -1
        default: break
        }
        var c = 0
        if let x = number(a), let y = number(b) {
            c = x < y ? -1 : (x > y ? 1 : 0)
        } else if case .text(let x) = a, case .text(let y) = b {
            c = x < y ? -1 : (x > y ? 1 : 0)
        }
        return descending ? -c : c
    }

    func passes(_ filter: GroupFilter, _ totals: Totals) -> Bool {
        switch filter {
        case .compare(let measure, let op, let target):
            let actual: Double
            switch value(of: measure, totals) {
            case .integer(let i): actual = Double(i)
            case .number(let d, _): actual = d
            default: return false
            }
            switch op {
            case .equal: return actual == target
            case .notEqual: return actual != target
            case .less: return actual < target
            case .lessOrEqual: return actual <= target
            case .greater: return actual > target
            case .greaterOrEqual: return actual >= target
            }
        case .and(let parts): return parts.allSatisfy { passes($0, totals) }
        case .or(let parts): return parts.contains { passes($0, totals) }
        case .not(let inner): return !passes(inner, totals)
        }
    }

    func value(of measure: Measure, _ t: Totals) -> Value {
        func percent(_ part: Int, _ whole: Int) -> Value {
            whole > 0 ? .number(100 * Double(part) / Double(whole), decimals: 1) : .missing
        }
        switch measure {
        case .rate: return percent(t.reversed, t.cases)
        case .cases: return .integer(t.cases)
        case .decided: return .integer(t.decided)
        case .upheld: return .integer(t.upheld)
        case .changed: return .integer(t.changed)
        case .remanded: return .integer(t.remanded)
        case .dismissed: return .integer(t.dismissed)
        case .reversed: return .integer(t.reversed)
        case .upheldShare: return percent(t.upheld, t.cases)
        case .changedShare: return percent(t.changed, t.cases)
        case .remandedShare: return percent(t.remanded, t.cases)
        case .dismissedShare: return percent(t.dismissed, t.decided)
        case .rateLow, .rateHigh:
            guard let interval = Statistics.wilson(t.reversed, t.cases) else { return .missing }
            return .number(100 * (measure == .rateLow ? interval.low : interval.high), decimals: 1)
        case .days:
            return t.daysWeight > 0 ? .number(t.daysSum / Double(t.daysWeight), decimals: 1) : .missing
        case .population:
            return t.population.map { .integer(Int($0.rounded())) } ?? .missing
        case .decidedPer10k:
            guard let people = t.population, people > 0 else { return .missing }
            return .number(10_000 * Double(t.decided) / people, decimals: 1)
        case .recipients:
            return t.recipients.map { .integer(Int($0.rounded())) } ?? .missing
        case .reversedPer1000Recipients:
            guard let people = t.recipients, people > 0 else { return .missing }
            return .number(1_000 * Double(t.reversed) / people, decimals: 1)
        }
    }

    func dimensionValue(_ dimension: Dimension, _ index: Int) -> Value {
        switch dimension {
        case .municipality: .text(store.catalog.municipalities[index].name)
        case .region: .text(domains.regions[index])
        case .paragraph: .text(store.catalog.paragraphs[index].label)
        case .law: .text(domains.laws[index])
        case .area: .text(Area.allCases[index].rawValue)
        case .year: .integer(domains.firstYear + index)
        case .quarter: index == 0 ? .missing : .integer(index)
        }
    }
}
