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

    func evaluate(_ plan: Plan) -> ResultSet {
        let query = plan.query
        let main = aggregate(plan.main)
        let national = plan.national.map(aggregate)
        let columns = query.groupBy.map { Column($0.name, .dimension) } + query.measureColumns

        var rows: [[Value]] = []
        var casesOfRow: [Int] = []
        var missingDenominators = 0
        let needed = Array(Set(query.measures.compactMap(\.sideTable))).sorted { $0.id < $1.id }
        let sideTables = needed.isEmpty ? nil : SideTables(store, tables: needed)
        for key in groupKeys(main, plan.main) {
            let totals = main.totals[key] ?? Totals()
            let parts = main.components(of: key)
            var side: [String: Double] = [:]
            if let sides = sideTables {
                side = sides.denominators(parts, query, plan.main, main, domains)
                if needed.contains(where: { side[$0.id] == nil }) { missingDenominators += 1 }
            }
            if let filter = query.groups, !passes(filter, totals, side) { continue }
            var row = zip(query.groupBy, parts).map { dimensionValue($0, $1) }
            row += query.measures.map { value(of: $0, totals, side) }
            if let national {
                var nationalKey = 0
                for (i, dimension) in query.groupBy.enumerated() where !dimension.isGeographic {
                    nationalKey = nationalKey * domains.radix(dimension) + parts[i]
                }
                let reference = national.totals[nationalKey] ?? Totals()
                for measure in query.measures where measure.national {
                    let own = value(of: measure, totals, side), base = value(of: measure, reference)
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
        return ResultSet(columns: columns, rows: rows, notes: notes, title: query.title)
    }

    /// Sort columns with direction: explicit `order by`, else what `top`/`bottom` implies.
    func ordering(_ query: BoundQuery, columns: [Column]) -> [(Int, Bool)] {
        var order: [(Int, Bool)] = query.order.compactMap { key, descending in
            let name: String
            switch key {
            case .dimension(let d): name = d.name
            case .column(let c): name = c
            }
            return columns.firstIndex { $0.name == name }.map { ($0, descending) }
        }
        if let cut = query.cut {
            if order.isEmpty, let first = query.measures.first,
                let column = columns.firstIndex(where: { $0.name == first.name }) {
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

    func passes(_ filter: GroupFilter, _ totals: Totals, _ side: [String: Double]) -> Bool {
        switch filter {
        case .compare(let measure, let op, let target):
            let actual: Double
            switch value(of: measure, totals, side) {
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
        case .and(let parts): return parts.allSatisfy { passes($0, totals, side) }
        case .or(let parts): return parts.contains { passes($0, totals, side) }
        case .not(let inner): return !passes(inner, totals, side)
        }
    }

    /// A measure's value for a group, computed from its spec (`Schema.measures`):
    /// `side` holds the group's side-table figures by table id.
    func value(of measure: Measure, _ t: Totals, _ side: [String: Double] = [:]) -> Value {
        func number(_ value: Double?) -> Value {
            value.map { .number($0, decimals: measure.decimals) } ?? .missing
        }
        switch measure.computation {
        case .count(let counts):
            return .integer(t.sum(counts))
        case .ratio(let part, let whole, let scale):
            let denominator = t.sum(whole)
            return denominator > 0 ? number(scale * Double(t.sum(part)) / Double(denominator)) : .missing
        case .sideTable(let table):
            return side[table.id].map { .integer(Int($0.rounded())) } ?? .missing
        case .sideRatio(let part, let table, let scale):
            guard let people = side[table.id], people > 0 else { return .missing }
            return number(scale * Double(t.sum(part)) / people)
        case .statistic(let statistic):
            return number(statistic(t))
        }
    }

    func dimensionValue(_ dimension: Dimension, _ index: Int) -> Value {
        switch dimension.source {
        case .municipality: .text(store.catalog.municipalities[index].name)
        case .lookup: .text(domains.lookup(dimension).values[index])
        case .paragraph: .text(store.catalog.paragraphs[index].label)
        case .area: .text(Area.allCases[index].rawValue)
        case .year: .integer(domains.firstYear + index)
        case .quarter: index == 0 ? .missing : .integer(index)
        }
    }
}
