// Binder: resolves a parsed `Query` against the loaded data. Measures and
// dimensions by name, filter values to masks, time clauses to periods; every
// unknown name gets an error at its token with the nearest match as a hint.

/// Binds queries against one `OutcomeStore`.
struct Binder {
    let store: OutcomeStore
    /// The statement's source text (literals such as "1.10" are read back from it).
    let source: String
    /// Value numbering and name lookups for the store.
    let domains: Domains
    /// Years present in the data, ascending.
    var years: [Int] { domains.yearList }

    init(store: OutcomeStore, source: String, domains: Domains? = nil) {
        self.store = store
        self.source = source
        self.domains = domains ?? Domains(store)
    }

    func bind(_ query: Query) throws(Diagnostic) -> BoundQuery {
        var measures: [Measure] = []
        for name in query.measures {
            let measure = try resolveMeasure(name)
            if !measures.contains(measure) { measures.append(measure) }
        }
        let asked = measures.map(\.name)
        // A percentage means little without its denominator: show `cases` with it.
        if measures.contains(where: \.restsOnCases), !measures.contains(.cases) { measures.append(.cases) }

        var groupBy: [Dimension] = []
        for name in query.groupBy {
            let dimension = try resolveDimension(name)
            if groupBy.contains(dimension) {
                throw Diagnostic("E215", "'\(dimension.name)' is grouped by twice", at: name.range)
            }
            groupBy.append(dimension)
        }

        var notes: [Note] = []
        var crosswalks: [Crosswalk] = []
        var rowConditions: [RowFilter] = []
        var groupConditions: [GroupFilter] = []
        var geographic: [Bool] = []
        var areaConditions: [[Bool]] = []
        var mentionsTime = false
        var timeOnly: [Bool] = []
        var timeConditions: [(PeriodMask, SourceRange)] = []
        for conjunct in conjuncts(query.filter) {
            let bound = try bindCondition(conjunct, crosswalks: &crosswalks)
            switch bound {
            case .rows(let filter, let fields):
                if case .period(let mask) = filter { timeConditions.append((mask, conjunct.range)) }
                rowConditions.append(filter)
                timeOnly.append(fields.allSatisfy { $0 == .year || $0 == .quarter })
                geographic.append(fields.contains(where: \.isGeographic))
                mentionsTime = mentionsTime || fields.contains(.year) || fields.contains(.quarter)
                if fields == [.area], let areas = areaMask(conjunct) { areaConditions.append(areas) }
            case .groups(let filter):
                groupConditions.append(filter)
            }
        }
        for clause in query.time {
            let mask = try bindTime(clause)
            timeConditions.append((mask, clause.range))
            rowConditions.append(.period(mask))
            geographic.append(false)
            timeOnly.append(true)
            mentionsTime = true
        }
        try checkTimeAgrees(timeConditions)
        if !mentionsTime, !groupBy.contains(.year), let latest = years.last {
            rowConditions.append(.period(periodMask { year, _ in year == latest }))
            geographic.append(false)
            timeOnly.append(true)
            notes.append(.defaultYear(latest))
        }
        for name in query.measures {
            if let measure = Schema.measure(named: name.text), measure.needsExpected, years.isEmpty {
                throw Diagnostic("E200", "'\(measure.name)' needs outcome data", at: name.range)
            }
        }
        if let filter = query.filter {
            try checkGroupConditions(filter)
        }
        let comparison = try bindComparison(query, groupBy: groupBy, rowConditions: rowConditions, timeOnly: timeOnly)
        let pooled = try bindRolling(query, groupBy: groupBy, rowConditions: rowConditions)
        let unpooled = rowConditions
        rowConditions = pooled.conditions

        var areas = [Bool](repeating: true, count: Area.allCases.count)
        for mask in areaConditions { areas = zip(areas, mask).map { $0 && $1 } }

        var bound = BoundQuery(
            measures: measures, groupBy: groupBy,
            rows: Self.conjunction(rowConditions), areas: areas,
            groups: groupConditions.isEmpty ? nil : (groupConditions.count == 1 ? groupConditions[0] : .and(groupConditions)),
            versusNational: query.versusNational != nil,
            nationalRows: Self.conjunction(zip(rowConditions, geographic).filter { !$0.1 }.map(\.0)),
            order: [], cut: query.cut, limit: query.limit?.count, notes: notes, crosswalks: crosswalks,
            exact: query.versusExact, fdr: query.versusFDR,
            thenRows: comparison.map { Self.conjunction(pooled.widen($0.rows)) }, thenName: comparison?.then, nowName: comparison?.now,
            rolling: query.rolling?.count, rollingYears: pooled.years)
        // By year, a pooled row is named by its own year, not by the years pooled into it.
        let titled = groupBy.contains(.year) ? Self.conjunction(unpooled) : bound.rows
        bound.title = title(query, measures: asked, groupBy: groupBy.map(\.name), rows: titled)
        try checkSideTables(bound, query)
        bound.order = try query.order.map { key throws(Diagnostic) in
            (try resolveSortKey(key.key, in: bound), key.descending)
        }
        return bound
    }

    /// Measures over side tables: the table must be loaded, conditions must be plain
    /// masks, and a per-area table needs exactly one area.
    func checkSideTables(_ bound: BoundQuery, _ query: Query) throws(Diagnostic) {
        for name in query.measures {
            guard let measure = Schema.measure(named: name.text), let table = measure.sideTable else { continue }
            if table.rows(store).isEmpty {
                throw Diagnostic(
                    "E217", "'\(measure.name)' needs a \(table.id) table from \(table.origin), and none is loaded",
                    at: name.range, hint: "load one first: load \"\(table.example)\" (see docs/IMPORT.md)")
            }
            if !bound.rows.conjuncts.allSatisfy(\.isMask) {
                throw Diagnostic("E217", "'\(measure.name)' needs conditions joined by 'and'", at: name.range)
            }
            let splitsYears = bound.rows.conjuncts.contains { filter in
                if case .period(let mask) = filter { return (0..<mask.bits.count / 4).contains { mask.splits(year: mask.firstYear + $0) } }
                return false
            }
            if table.wholeYears, bound.groupBy.contains(.quarter) || splitsYears {
                throw Diagnostic(
                    "E217", "'\(measure.name)' needs whole years: \(table.id) are counted per year, not per quarter", at: name.range,
                    hint: "leave out 'quarter' and 'by quarter'")
            }
            if table.perArea, !bound.groupBy.contains(.area), bound.areas.filter({ $0 }).count != 1 {
                throw Diagnostic(
                    "E217", "'\(measure.name)' needs one area: \(table.id) are counted per area", at: name.range,
                    hint: "add 'where area = børnehandicap' or group 'by area'")
            }
        }
    }

    static func conjunction(_ filters: [RowFilter]) -> RowFilter {
        switch filters.count {
        case 0: .all
        case 1: filters[0]
        default: .and(filters)
        }
    }

    /// The top-level `and` parts of a filter.
    func conjuncts(_ expr: Expr?) -> [Expr] {
        guard let expr else { return [] }
        if case .and(let lhs, let rhs) = expr { return conjuncts(lhs) + conjuncts(rhs) }
        return [expr]
    }

    // MARK: Names

    static func measure(named text: String) -> Measure? { Schema.measure(named: text) }

    static func dimension(named text: String) -> Dimension? { Schema.dimension(named: text) }

    func resolveMeasure(_ name: Name) throws(Diagnostic) -> Measure {
        if let measure = Self.measure(named: name.text) { return measure }
        if let dimension = Self.dimension(named: name.text) {
            throw Diagnostic(
                "E200", "'\(name.text)' is a dimension, not a measure", at: name.range,
                hint: "group by it: e.g. 'rate by \(dimension.name)'")
        }
        throw Diagnostic(
            "E200", "unknown measure '\(name.text)'", at: name.range,
            hint: suggestion(name.text, Schema.measures.map(\.name), listing: "measures"))
    }

    func resolveDimension(_ name: Name) throws(Diagnostic) -> Dimension {
        if let dimension = Self.dimension(named: name.text) { return dimension }
        if Self.measure(named: name.text) != nil {
            throw Diagnostic(
                "E203", "'\(name.text)' is a measure; 'by' takes a dimension", at: name.range,
                hint: "dimensions: " + Schema.dimensions.map(\.name).joined(separator: ", "))
        }
        throw Diagnostic(
            "E203", "unknown dimension '\(name.text)'", at: name.range,
            hint: suggestion(name.text, Schema.dimensions.map(\.name), listing: "dimensions"))
    }

    /// "did you mean 'x'?" or a list of what is available.
    func suggestion(_ word: String, _ candidates: [String], listing what: String) -> String {
        if let match = nearest(word, in: candidates) { return "did you mean '\(match)'?" }
        return "\(what): " + candidates.joined(separator: ", ")
    }

    func resolveSortKey(_ name: Name, in query: BoundQuery) throws(Diagnostic) -> SortKey {
        if let dimension = Self.dimension(named: name.text), query.groupBy.contains(dimension) {
            return .dimension(dimension)
        }
        let columns = query.measureColumns.map(\.name)
        let folded = foldName(name.text)
        if let measure = Self.measure(named: name.text), columns.contains(measure.name) {
            return .column(measure.name)
        }
        if let column = columns.first(where: { foldName($0) == folded }) { return .column(column) }
        let available = query.groupBy.map(\.name) + columns
        throw Diagnostic(
            "E209", "cannot order by '\(name.text)': it is not a column of the result", at: name.range,
            hint: suggestion(name.text, available, listing: "columns"))
    }
}
