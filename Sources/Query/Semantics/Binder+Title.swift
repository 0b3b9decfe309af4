// Binder, part five: the result's title, restated from the query once every name in
// it is resolved: the measures asked for, the grouping, each top-level condition
// (one value named by its full name), the chosen periods and the comparison.

extension Binder {
    func title(_ query: Query, measures: [String], groupBy: [String], rows: RowFilter) -> ResultTitle {
        var filters: [ResultTitle.Filter] = []
        for conjunct in conjuncts(query.filter) {
            if let filter = titleFilter(conjunct) { filters.append(filter) }
        }
        var title = ResultTitle(
            measures: measures, groupBy: groupBy, filters: filters, periods: chosenPeriods(rows),
            versusNational: query.versusNational != nil, cut: query.cut?.count, cutFromTop: query.cut?.fromTop ?? true)
        title.versusPeriod = query.versusPeriod.map { spans in
            spans.map { text(of: $0.from) + ($0.to.map { "–" + text(of: $0) } ?? "") }.joined(separator: ", ")
        }
        title.rolling = query.rolling?.count
        return title
    }

    /// nil for conditions on time alone (the period says them).
    func titleFilter(_ expr: Expr) -> ResultTitle.Filter? {
        switch expr {
        case .compare(let field, let op, let value, _):
            if let dimension = Self.dimension(named: field.text) {
                if dimension == .year || dimension == .quarter { return nil }
                if op == .equal || op == .notEqual {
                    return .values(dimension: dimension.name, names: valueNames(dimension, value), negated: op == .notEqual)
                }
            } else if let measure = Self.measure(named: field.text), let number = try? number(value, for: measure) {
                return .measure(measure.name, op, number)
            }
        case .member(let field, let values, let negated, _):
            if let dimension = Self.dimension(named: field.text) {
                if dimension == .year || dimension == .quarter { return nil }
                return .values(dimension: dimension.name, names: values.flatMap { valueNames(dimension, $0) }, negated: negated)
            }
        case .not(let inner, _):
            if case .values(let dimension, let names, let negated)? = titleFilter(inner) {
                return .values(dimension: dimension, names: names, negated: !negated)
            }
        case .and, .or:
            break
        }
        let range = expr.range
        let bytes = Array(source.utf8)
        guard range.lower >= 0, range.upper <= bytes.count, range.lower <= range.upper else { return nil }
        return .condition(String(decoding: bytes[range.lower..<range.upper], as: UTF8.self))
    }

    /// The full names a filter value stands for: "Aarhus Kommune", "Region Nordjylland",
    /// "Serviceloven § 41", "børnehandicap".
    func valueNames(_ dimension: Dimension, _ value: Literal) -> [String] {
        let catalog = store.catalog
        let written = text(of: value)
        switch dimension.source {
        case .municipality:
            return [(try? municipality(value)).map { catalog.municipalities[$0].fullName } ?? written]
        case .lookup(let lookup):
            guard let allowed = try? lookupMask(dimension, lookup, value), let first = allowed.firstIndex(of: true) else { return [written] }
            return [domains.lookup(dimension).values[domains.lookup(dimension).of[first]]]
        case .paragraph:
            guard let indices = try? paragraphIndices(value) else { return [written] }
            return indices.map { "\(catalog.paragraphs[$0].law) \(catalog.paragraphs[$0].sectionText)" }
        case .area:
            return [(try? area(value))?.rawValue ?? written]
        default:
            return [written]
        }
    }

    /// The periods the row filter's top-level time conditions allow, within the data's years.
    func chosenPeriods(_ rows: RowFilter) -> [Int] {
        let masks: [PeriodMask]
        switch rows {
        case .period(let mask): masks = [mask]
        case .and(let parts): masks = parts.compactMap { if case .period(let mask) = $0 { mask } else { nil } }
        default: masks = []
        }
        return years.flatMap { year in
            (1...4).filter { quarter in masks.allSatisfy { $0.allows(year: year, quarter: quarter) } }.map { year * 4 + $0 - 1 }
        }
    }
}
