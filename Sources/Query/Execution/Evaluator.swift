// Evaluator: runs a plan over the fact table and builds the result: one row
// per group (groups with no complaints included), measures from summed counts,
// the national comparison, ordering, and the footer notes.

/// Evaluates plans against one store.
struct Evaluator {
    let store: OutcomeStore
    let domains: Domains

    init(store: OutcomeStore, domains: Domains? = nil) {
        self.store = store
        self.domains = domains ?? Domains(store)
    }

    /// The measure columns a query's result has, in order.
    static func measureColumns(of query: BoundQuery) -> [Column] {
        var columns = query.measures.map { Column($0.rawValue, .measure) }
        if query.versusNational {
            for measure in query.measures where measure.comparesNationally {
                columns.append(Column("national_\(measure.rawValue)", .measure))
                columns.append(Column("diff_\(measure.rawValue)", .measure))
            }
            if query.measures.contains(.rate) { columns.append(Column("verdict", .measure)) }
        }
        if query.thenRows != nil {
            let changing = query.measures.filter(\.showsChange)
            columns += changing.map { Column("then_\($0.rawValue)", .measure) }
            columns += changing.map { Column("change_\($0.rawValue)", .measure) }
            if query.measures.contains(.rate) { columns.append(Column("change", .measure)) }
        }
        return columns
    }

    /// One group of the result with what it is compared with.
    struct Entry {
        var parts: [Int]
        var totals: Totals
        var reference: Totals?
        var then: Totals?
        var stratum = 0
    }

    func evaluate(_ plan: Plan) -> ResultSet {
        let query = plan.query
        var main = aggregate(plan.main)
        var national = plan.national.map(aggregate)
        var then = plan.then.map(aggregate)
        var expected = query.measures.contains(where: \.needsExpected) ? expectedReversals(plan) : nil
        if let years = query.rolling, let y = query.groupBy.firstIndex(of: .year) {
            main.totals = Self.pool(main.totals, radices: main.radices, yearIndex: y, years: years)
            expected = expected.map { Self.pool($0, radices: main.radices, yearIndex: y, years: years) }
            if let n = national, let ny = plan.national?.groupBy.firstIndex(of: .year) {
                national?.totals = Self.pool(n.totals, radices: n.radices, yearIndex: ny, years: years)
            }
            if let t = then { then?.totals = Self.pool(t.totals, radices: t.radices, yearIndex: y, years: years) }
        }
        let columns = query.groupBy.map { Column($0.rawValue, .dimension) } + Self.measureColumns(of: query)

        var entries: [Entry] = []
        var missingDenominators = 0
        let sideTables = query.measures.contains(where: \.needsSideTable) ? SideTables(store) : nil
        var keys = groupKeys(main, plan.main)
        if query.rolling != nil, let y = query.groupBy.firstIndex(of: .year) {
            let shown = Set(query.rollingYears.map { $0 - domains.firstYear })
            keys = keys.filter { shown.contains(main.components(of: $0)[y]) }
        }
        for key in keys {
            var totals = main.totals[key] ?? Totals()
            let parts = main.components(of: key)
            if let sides = sideTables {
                (totals.population, totals.recipients) = sides.denominators(parts, query, plan.main, main, domains)
                let needed = query.measures.filter(\.needsSideTable)
                if needed.contains(where: { $0.needsOneArea ? totals.recipients == nil : totals.population == nil }) {
                    missingDenominators += 1
                }
            }
            if let expected { totals.expected = expected[key] ?? 0 }
            if let filter = query.groups, !passes(filter, totals) { continue }
            var entry = Entry(parts: parts, totals: totals, then: then.map { $0.totals[key] ?? Totals() })
            if let national {
                for (i, dimension) in query.groupBy.enumerated() where !dimension.isGeographic {
                    entry.stratum = entry.stratum * domains.radix(dimension) + parts[i]
                }
                entry.reference = national.totals[entry.stratum] ?? Totals()
            }
            entries.append(entry)
        }

        var fairNotes: [String] = []
        if query.measures.contains(where: \.dependsOnAllRows) {
            let prior = Shrinkage.fit(entries.map { ($0.totals.reversed, $0.totals.cases) })
            for i in entries.indices { entries[i].totals.prior = prior }
            fairNotes += Self.shrinkageNotes(prior)
        }
        var verdicts = [String?](repeating: nil, count: entries.count)
        if national != nil, query.measures.contains(.rate) {
            let units = entries.map { e in
                let base = e.reference ?? Totals()
                return TestedUnit(k: e.totals.reversed, n: e.totals.cases,
                                  target: base.cases > 0 ? Double(base.reversed) / Double(base.cases) : 0, stratum: e.stratum)
            }
            let summary: FunnelSummary
            (verdicts, summary) = Funnel.verdicts(units, exact: query.exact, fdr: query.fdr, funnels: query.groupBy.contains(where: \.isGeographic))
            fairNotes += Funnel.notes(summary, exact: query.exact, fdr: query.fdr, funnels: query.groupBy.contains(where: \.isGeographic), unitName: unitName(query))
        }
        if let then {
            fairNotes += changeNotes(query, entries, then)
            fairNotes += describeSources(then).map { "then_*: " + $0 }
        }
        if expected != nil {
            fairNotes.append("expected = cases per paragraph × that paragraph's national rate (all municipalities, same years and conditions); std_ratio = reversed / expected, 95 % interval by Byar's approximation to the exact Poisson interval.")
        }

        var rows: [[Value]] = []
        var casesOfRow: [Int] = []
        for (index, entry) in entries.enumerated() {
            let totals = entry.totals
            var row = zip(query.groupBy, entry.parts).map { dimensionValue($0, $1) }
            row += query.measures.map { value(of: $0, totals) }
            if let reference = entry.reference {
                for measure in query.measures where measure.comparesNationally {
                    let own = value(of: measure, totals), base = value(of: measure, reference)
                    row.append(base)
                    row.append(Self.difference(own, base))
                }
                if query.measures.contains(.rate) { row.append(verdicts[index].map(Value.text) ?? .missing) }
            }
            if let before = entry.then {
                let changing = query.measures.filter(\.showsChange)
                row += changing.map { value(of: $0, before) }
                row += changing.map { Self.difference(value(of: $0, totals), value(of: $0, before)) }
                if query.measures.contains(.rate) {
                    row.append(Change.verdict(before.reversed, before.cases, totals.reversed, totals.cases).map(Value.text) ?? .missing)
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
        let cutNotes = rankingNotes(query, columns: columns, order: order, rows: rows, cases: casesOfRow, shown: shown)
        rows = Array(rows.prefix(shown))
        casesOfRow = Array(casesOfRow.prefix(shown))

        let notes = footer(query, main: main, plan: plan, shown: shown, total: total, casesOfRow: casesOfRow,
                           missingDenominators: missingDenominators, comparisonNotes: fairNotes)
        return ResultSet(columns: columns, rows: rows, notes: notes + cutNotes)
    }

    /// a − b for two numbers (percentage points for rates, counts for counts); else missing.
    static func difference(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.number(let x, let d), .number(let y, _)): .number(x - y, decimals: d)
        case (.integer(let x), .integer(let y)): .integer(x - y)
        default: .missing
        }
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
        case .rateShrunk, .rateShrunkLow, .rateShrunkHigh:
            guard let prior = t.prior, t.cases > 0 else { return .missing }
            let posterior = prior.posterior(t.reversed, t.cases)
            let x = measure == .rateShrunk ? posterior.mean : (measure == .rateShrunkLow ? posterior.low : posterior.high)
            return .number(100 * x, decimals: 1)
        case .expected:
            return t.expected.map { .number($0, decimals: 1) } ?? .missing
        case .stdRatio, .stdRatioLow, .stdRatioHigh:
            guard let e = t.expected, e > 0 else { return .missing }
            let (low, high) = Standardisation.byar(t.reversed)
            let o = measure == .stdRatio ? Double(t.reversed) : (measure == .stdRatioLow ? low : high)
            return .number(o / e, decimals: 2)
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
