// Evaluator: runs a plan over the fact table and builds the result: one row
// per group (groups with no complaints included), measures from summed counts,
// the national comparison, ordering, and the footer notes.

/// Evaluates plans against one store.
struct Evaluator {
    let store: OutcomeStore
    let domains: Domains
    /// False makes every scan read rows (tests compare both paths).
    var useRollups = true
    /// False makes every row scan take the straightforward path (tests compare both paths).
    var tightScans = true
    /// Row scans of at least this many rows use a second thread.
    var splitRows = Self.splitRows
    static let splitRows = 1 << 18
    /// Raised by Ctrl-C: the scan stops early and the engine discards the result.
    var cancel: CancellationFlag?

    init(store: OutcomeStore, domains: Domains? = nil, useRollups: Bool = true) {
        self.store = store
        self.domains = domains ?? Domains(store)
        self.useRollups = useRollups
    }

    /// One group of the result: its key and what is looked up for it. Its counts are read from
    /// the aggregates when they are needed, never copied here: a result can have 37k groups.
    /// The side figures a row lacks: a population/recipient denominator, or total decisions (whole years).
    struct Lacking: OptionSet {
        let rawValue: UInt8
        static let denominator = Lacking(rawValue: 1), decisions = Lacking(rawValue: 2)

        init(rawValue: UInt8) { self.rawValue = rawValue }
        init(_ needed: [SideTable], _ side: [String: Double]) {
            self = []
            for table in needed where side[table.id] == nil { insert(table.wholeYears ? .decisions : .denominator) }
        }
    }

    struct Entry {
        var key: Int
        var side: [String: Double]
        /// The key of its national comparison group (under `vs national`).
        var stratum = 0
        /// No data at all for the group (only possible without grouping): its figures are empty, never 0.
        var uncovered = false
    }

    /// The result alone: no per-row counts are kept for it.
    func evaluate(_ plan: Plan) -> ResultSet { evaluation(plan, rowTotals: false).result }

    /// The result with what an answer needs beyond its cells: each shown row's summed counts
    /// (and the national counts it is compared with; only when `rowTotals`), the sources, the coverage.
    func evaluation(_ plan: Plan, rowTotals: Bool = true) -> Evaluation {
        let query = plan.query
        var main = aggregate(plan.main)
        // The decisions files a result divides by are among its sources (so a synthetic one is labelled so).
        main.datasets.formUnion(decisionDatasets(query, main, plan.main))
        var national = plan.national.map(aggregate)
        let then = plan.then.map(aggregate)
        var expected = query.measures.contains(where: \.needsExpected) ? expectedReversals(plan) : nil
        if let years = query.rolling, let y = query.groupBy.firstIndex(of: .year) {
            main.totals = GroupTotals(Self.pool(main.totals.dictionary, radices: main.radices, yearIndex: y, years: years))
            expected = expected.map { Self.pool($0, radices: main.radices, yearIndex: y, years: years) }
            if let n = national, let ny = plan.national?.groupBy.firstIndex(of: .year) {
                national?.totals = GroupTotals(Self.pool(n.totals.dictionary, radices: n.radices, yearIndex: ny, years: years))
            }
        }
        let columns = query.groupBy.map { Column($0.name, .dimension) } + query.measureColumns
        // A group's counts as its measures see them (with the prior, once fitted on all groups).
        var prior: BetaPrior?
        let groups = main.totals
        func counts(_ key: Int) -> Totals {
            var totals = groups[key] ?? Totals()
            if let expected { totals.expected = expected[key] ?? 0 }
            totals.prior = prior
            return totals
        }

        var entries: [Entry] = []
        let needed = Array(Set(query.measures.compactMap(\.sideTable))).sorted { $0.id < $1.id }
        let sideTables = needed.isEmpty ? nil : SideTables(store, tables: needed)
        var keys = groupKeys(main, plan.main)
        if query.rolling != nil, let y = query.groupBy.firstIndex(of: .year) {
            let shown = Set(query.rollingYears.map { $0 - domains.firstYear })
            keys = keys.filter { shown.contains(main.components(of: $0)[y]) }
        }
        entries.reserveCapacity(keys.count)
        let groupTest = query.groups.map(test)
        for key in keys {
            let found = groups[key] != nil
            // Without side tables a group's test needs only its totals: groups left out cost nothing more.
            if sideTables == nil, let groupTest, !groupTest(counts(key), [:]) { continue }
            let parts = main.components(of: key)
            var side: [String: Double] = [:]
            if let sides = sideTables {
                side = sides.denominators(parts, query, plan.main, main, domains)
                if let groupTest, !groupTest(counts(key), side) { continue }
            }
            var entry = Entry(key: key, side: side)
            entry.uncovered = !found && !main.coverage.covers(key: key)
            if national != nil {
                for (i, dimension) in query.groupBy.enumerated() where !dimension.isGeographic {
                    entry.stratum = entry.stratum * domains.radix(dimension) + parts[i]
                }
            }
            entries.append(entry)
        }
        keys = []
        // The national counts a group is compared with.
        func nationalCounts(_ entry: Entry) -> Totals? { national.map { $0.totals[entry.stratum] ?? Totals() } }

        var fairNotes: [Note] = []
        if query.measures.contains(where: \.dependsOnAllRows) {
            prior = Shrinkage.fit(entries.map { let t = counts($0.key); return (t.reversed, t.cases) })
            fairNotes += Self.shrinkageNotes(prior)
        }
        var verdicts = [String?](repeating: nil, count: entries.count)
        if national != nil, query.measures.contains(.rate) {
            let units = entries.map { e in
                let own = counts(e.key), base = nationalCounts(e) ?? Totals()
                return TestedUnit(k: own.reversed, n: own.cases,
                                  target: base.cases > 0 ? Double(base.reversed) / Double(base.cases) : 0, stratum: e.stratum)
            }
            let funnels = query.groupBy.contains(where: \.isGeographic) || Self.singleMunicipality(plan)
            let summary: FunnelSummary
            let funnel = funnels && !query.exact ? funnelUnits(plan) : nil
            (verdicts, summary) = Funnel.verdicts(units, exact: query.exact, fdr: query.fdr, funnels: funnels, funnel: funnel)
            // A rate over a cell marked missing is not known, so it is not tested.
            for (i, e) in entries.enumerated() where (counts(e.key).missing | (nationalCounts(e)?.missing ?? 0)) & Measure.rate.countsNeeded != 0 {
                verdicts[i] = nil
            }
            fairNotes += Funnel.notes(summary, exact: query.exact, fdr: query.fdr, funnels: funnels, unitName: unitName(query))
        }
        if let then {
            fairNotes += changeNotes(query, entries.lazy.map { (before: then.totals[$0.key] ?? Totals(), now: counts($0.key)) }, then)
            fairNotes += describeSources(then).map { Note.forThen($0) }
        }
        if expected != nil {
            fairNotes.append(.expectedMethod)
        }

        var rows: [[Value]] = []
        var casesOfRow: [Int] = []
        // Per row, the side figures it lacks (Lacking), counted in the notes over the rows shown.
        var lackingOfRow: [Lacking] = []
        var totalsOfRow: [(own: Totals, national: Totals?)] = []
        rows.reserveCapacity(entries.count)
        casesOfRow.reserveCapacity(entries.count)
        if sideTables != nil { lackingOfRow.reserveCapacity(entries.count) }
        if rowTotals { totalsOfRow.reserveCapacity(entries.count) }
        // Each dimension value's cell, made once.
        var cells = query.groupBy.map { [Value?](repeating: nil, count: domains.radix($0)) }
        func cell(_ i: Int, _ index: Int) -> Value {
            if let made = cells[i][index] { return made }
            let made = dimensionValue(query.groupBy[i], index)
            cells[i][index] = made
            return made
        }
        let hasRate = query.measures.contains(.rate)
        let nationalMeasures = query.measures.filter(\.national), changing = query.measures.filter(\.showsChange)
        let width = columns.count + (national != nil ? 2 * nationalMeasures.count + (hasRate ? 1 : 0) : 0)
            + (then != nil ? 2 * changing.count + (hasRate ? 1 : 0) : 0)
        // Entries and measures read in place (no copy of each per row).
        entries.withUnsafeBufferPointer { entries in
            query.measures.withUnsafeBufferPointer { measures in
                for index in entries.indices {
                    let entry = entries[index], totals = counts(entry.key), reference = nationalCounts(entry)
                    var row: [Value] = []
                    row.reserveCapacity(width)
                    for (i, part) in main.components(of: entry.key).enumerated() { row.append(cell(i, part)) }
                    for m in measures.indices {
                        row.append(entry.uncovered ? .missing : value(of: measures[m], totals, entry.side))
                    }
                    if let reference {
                        for measure in nationalMeasures {
                            let own = value(of: measure, totals, entry.side), base = value(of: measure, reference)
                            row.append(base)
                            row.append(Self.difference(own, base))
                        }
                        if hasRate { row.append(verdicts[index].map(Value.text) ?? .missing) }
                    }
                    if let then {
                        let before = then.totals[entry.key] ?? Totals()
                        row += changing.map { value(of: $0, before) }
                        row += changing.map { Self.difference(value(of: $0, totals, entry.side), value(of: $0, before)) }
                        if hasRate {
                            row.append(Change.verdict(before.reversed, before.cases, totals.reversed, totals.cases).map(Value.text) ?? .missing)
                        }
                    }
                    rows.append(row)
                    casesOfRow.append(totals.missing != 0 ? -1 : totals.cases)  // -1: rests on a cell marked missing
                    if sideTables != nil { lackingOfRow.append(Lacking(needed, entry.side)) }
                    if rowTotals { totalsOfRow.append((totals, reference)) }
                }
            }
        }
        entries = []  // the rows hold what is shown from here on

        let total = rows.count
        let order = ordering(query, columns: columns)
        // `top`/`bottom` rank the rows by their key (the first `order by` key, else the first
        // measure) and keep that end; an `order by` then only arranges the rows kept.
        var ranking = order
        if let cut = query.cut, let key = cutKey(query, columns: columns) {
            ranking = [(key, cut.fromTop)] + order.filter { $0.0 != key }
        }
        if !ranking.isEmpty {
            let indices = sortedIndices(rows, by: ranking)
            rows = indices.map { rows[$0] }
            casesOfRow = indices.map { casesOfRow[$0] }
            if !lackingOfRow.isEmpty { lackingOfRow = indices.map { lackingOfRow[$0] } }
            if rowTotals { totalsOfRow = indices.map { totalsOfRow[$0] } }
        }
        var shown = total
        if let cut = query.cut { shown = min(shown, cut.count) }
        if let limit = query.limit { shown = min(shown, limit) }
        let cutNotes = rankingNotes(query, columns: columns, order: ranking, rows: rows, cases: casesOfRow, shown: shown)
        if shown < rows.count {
            rows = Array(rows.prefix(shown))
            casesOfRow = Array(casesOfRow.prefix(shown))
            if !lackingOfRow.isEmpty { lackingOfRow = Array(lackingOfRow.prefix(shown)) }
            if rowTotals { totalsOfRow = Array(totalsOfRow.prefix(shown)) }
        }
        if query.cut != nil, !order.isEmpty {
            let indices = sortedIndices(rows, by: order)
            rows = indices.map { rows[$0] }
            casesOfRow = indices.map { casesOfRow[$0] }
            if !lackingOfRow.isEmpty { lackingOfRow = indices.map { lackingOfRow[$0] } }
            if rowTotals { totalsOfRow = indices.map { totalsOfRow[$0] } }
        }

        let notes = footer(query, main: main, plan: plan, shown: shown, total: total, casesOfRow: casesOfRow,
                           missingDenominators: lackingOfRow.filter { $0.contains(.denominator) }.count,
                           missingDecisions: lackingOfRow.filter { $0.contains(.decisions) }.count, comparisonNotes: fairNotes)
        let result = ResultSet(columns: columns, rows: rows, notes: notes + cutNotes, title: query.title, dataKind: dataKind(main))
        return Evaluation(result: result, query: query, totals: totalsOfRow, total: total, citations: citations(main),
                          coverage: (main.presentMunicipalities.filter { $0 }.count, domains.municipalities))
    }

    /// a − b for two numbers (percentage points for rates, counts for counts); else missing.
    static func difference(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.number(let x, let d, _), .number(let y, _, _)): .number(x - y, decimals: d)
        case (.integer(let x), .integer(let y)): .integer(x - y)
        default: .missing
        }
    }

    /// Sort columns with direction from `order by`.
    func ordering(_ query: BoundQuery, columns: [Column]) -> [(Int, Bool)] {
        query.order.compactMap { key, descending in
            let name: String
            switch key {
            case .dimension(let d): name = d.name
            case .column(let c): name = c
            }
            return columns.firstIndex { $0.name == name }.map { ($0, descending) }
        }
    }

    /// The column `top`/`bottom` rank by: the first `order by` key, else the first measure.
    func cutKey(_ query: BoundQuery, columns: [Column]) -> Int? {
        if let first = ordering(query, columns: columns).first { return first.0 }
        guard let measure = query.measures.first else { return nil }
        return columns.firstIndex { $0.name == measure.name }
    }

    /// Row indices sorted by the keys, ties kept in their original order.
    func sortedIndices(_ rows: [[Value]], by keys: [(Int, Bool)]) -> [Int] {
        rows.indices.sorted { a, b in Self.precedes(rows[a], rows[b], by: keys) ?? (a < b) }
    }

    /// Whether row `a` sorts before row `b` by the keys; nil when they tie.
    static func precedes(_ a: [Value], _ b: [Value], by keys: [(Int, Bool)]) -> Bool? {
        for (column, descending) in keys {
            let c = compare(a[column], b[column], descending: descending)
            if c != 0 { return c < 0 }
        }
        return nil
    }

    /// -1, 0, 1; missing values sort last in either direction.
    static func compare(_ a: Value, _ b: Value, descending: Bool) -> Int {
        func number(_ v: Value) -> Double? {
            switch v {
            case .integer(let i): Double(i)
            case .number(let d, _, _): d
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
        } else if let x = a.textValue, let y = b.textValue {
            c = x < y ? -1 : (x > y ? 1 : 0)
        }
        return descending ? -c : c
    }

    /// A condition on groups (`cases >= 10`) as a test of a group's totals and side-table figures.
    func test(_ filter: GroupFilter) -> (Totals, [String: Double]) -> Bool {
        switch filter {
        case .compare(let measure, let op, let target):
            // The measure is taken out of the filter once, not at every group.
            return { totals, side in
                let actual: Double
                switch value(of: measure, totals, side) {
                case .integer(let i): actual = Double(i)
                case .number(let d, _, _): actual = d
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
            }
        case .and(let parts):
            let tests = parts.map(test)
            return { totals, side in tests.allSatisfy { $0(totals, side) } }
        case .or(let parts):
            let tests = parts.map(test)
            return { totals, side in tests.contains { $0(totals, side) } }
        case .not(let inner):
            let inner = test(inner)
            return { totals, side in !inner(totals, side) }
        }
    }

    /// A measure's value for a group, computed from its spec (`Schema.measures`):
    /// `side` holds the group's side-table figures by table id.
    func value(of measure: Measure, _ t: Totals, _ side: [String: Double] = [:]) -> Value {
        if t.missing != 0, t.missing & measure.countsNeeded != 0 { return .missing }
        let decimals = measure.decimals  // not the whole measure: a closure over it copies it per call
        func number(_ value: Double?, n: Int? = nil) -> Value {
            value.map { .number($0, decimals: decimals, n: n) } ?? .missing
        }
        switch measure.computation {
        case .count(let counts):
            return .integer(t.sum(counts))
        case .ratio(let part, let whole, let scale):
            let denominator = t.sum(whole)
            return denominator > 0 ? number(scale * Double(t.sum(part)) / Double(denominator), n: denominator) : .missing
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
        case .municipality:
            .named(store.catalog.municipalities[index].name, Entity(dimension.name, String(store.catalog.municipalities[index].code)))
        case .lookup: .named(domains.lookup(dimension).values[index], Entity(dimension.name, domains.lookup(dimension).values[index]))
        case .paragraph: .named(store.catalog.paragraphs[index].label, Entity(dimension.name, store.catalog.paragraphs[index].code))
        case .area: .named(Area.allCases[index].rawValue, Entity(dimension.name, Area.allCases[index].fileName))
        case .year: .integer(domains.firstYear + index)
        case .quarter: index == 0 ? .missing : .integer(index)
        }
    }
}
