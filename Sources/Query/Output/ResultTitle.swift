// What a result is about, restated from its query: measures, grouping, the fixed
// filters (a filter on one value names it), the period and the comparison. Shown
// above tables, as metadata in csv/json/markdown, and used by answers.

/// The language dkq writes in.
public enum Language: String, Sendable, CaseIterable {
    case en, da
}

/// A result's title in language-neutral parts; `text(_:)` words it.
public struct ResultTitle: Sendable, Equatable {
    /// One fixed filter of the query.
    public enum Filter: Sendable, Equatable {
        /// Values of one dimension by their full names ("Aarhus Kommune"); `negated` for `!=` / `not in`.
        case values(dimension: String, names: [String], negated: Bool)
        /// A condition on groups: `cases >= 30`.
        case measure(String, ComparisonOperator, Double)
        /// Any other condition, as written.
        case condition(String)
    }

    /// The measures asked for (canonical names), in query order.
    public var measures: [String]
    /// The dimensions grouped by (canonical names).
    public var groupBy: [String]
    public var filters: [Filter]
    /// The chosen periods, as year × 4 + quarter − 1, ascending.
    public var periods: [Int]
    public var versusNational: Bool
    /// `top N` (count, true) or `bottom N` (count, false).
    public var cut: Int?
    public var cutFromTop: Bool
    /// `vs 2021`: the other period as written; `rolling N`: the years pooled per row.
    public var versusPeriod: String?
    public var rolling: Int?

    public init(measures: [String], groupBy: [String] = [], filters: [Filter] = [], periods: [Int] = [],
                versusNational: Bool = false, cut: Int? = nil, cutFromTop: Bool = true) {
        self.measures = measures
        self.groupBy = groupBy
        self.filters = filters
        self.periods = periods
        self.versusNational = versusNational
        self.cut = cut
        self.cutFromTop = cutFromTop
    }

    /// "Omgørelsesprocent, Aarhus Kommune, børnehandicap, 2021" /
    /// "Reversal rate, Aarhus Kommune, børnehandicap, 2021".
    public func text(_ language: Language) -> String {
        let da = language == .da
        var head = Self.list(collapsedMeasures.map { Self.label($0, language) }, language)
        if !groupBy.isEmpty {
            head += (da ? " fordelt på " : " by ") + Self.list(groupBy.map { Self.dimensionWord($0, language) }, language)
        }
        var parts = [head]
        parts += filters.map { filter in
            switch filter {
            case .values(let dimension, let names, let negated):
                let named = names.count <= 3 ? Self.list(names, language) : Self.plural(dimension, names.count, language)
                return negated ? (da ? "undtagen " : "excluding ") + named : named
            case .measure(let measure, let op, let value):
                let number = value == value.rounded() ? String(Int(value)) : Renderer.formatDecimal(value, 1)
                let shown = da ? String(number.map { $0 == "." ? "," : $0 }) : number
                return "\(Self.shortLabel(measure, language)) \(Self.symbol(op)) \(shown)"
            case .condition(let text):
                return text
            }
        }
        if let period = Self.describe(periods, language) { parts.append(period) }
        if versusNational { parts.append(da ? "sammenlignet med landsplan" : "compared with the whole country") }
        if let versusPeriod { parts.append((da ? "sammenlignet med " : "compared with ") + versusPeriod) }
        if let rolling { parts.append(da ? "\(rolling) år lagt sammen" : "\(rolling) years pooled") }
        if let cut { parts.append((cutFromTop ? "top " : (da ? "bund " : "bottom ")) + String(cut)) }
        let text = parts.joined(separator: ", ")
        return text.prefix(1).uppercased() + String(text.dropFirst())
    }

    /// `rate_low` and `rate_high` together read as one interval.
    var collapsedMeasures: [String] {
        guard measures.contains("rate_low"), measures.contains("rate_high") else { return measures }
        let interval = measures.contains("rate") ? "rate_with_interval" : "rate_interval"
        var result: [String] = []
        for m in measures where m != "rate_high" && !(m == "rate" && interval == "rate_with_interval") {
            result.append(m == "rate_low" ? interval : m)
        }
        return result
    }

    /// Measure names in words (the Schema's `words`); the two interval pseudo-measures here.
    static func label(_ measure: String, _ language: Language) -> String {
        let da = language == .da
        switch measure {
        case "rate_interval": return da ? "95 %-interval for omgørelsesprocenten" : "95 % interval of the reversal rate"
        case "rate_with_interval": return da ? "omgørelsesprocent med 95 %-interval" : "reversal rate with its 95 % interval"
        default: return Schema.measures.first { $0.name == measure }?.words.label(language) ?? measure
        }
    }

    /// In a condition: "cases ≥ 30" / "sager ≥ 30".
    static func shortLabel(_ measure: String, _ language: Language) -> String {
        switch (measure, language) {
        case ("cases", .da): "sager"
        case ("rate", _): label(measure, language)
        default: measure
        }
    }

    static func dimensionWord(_ dimension: String, _ language: Language) -> String {
        Schema.dimensions.first { $0.name == dimension }?.words.label(language) ?? dimension
    }

    static func plural(_ dimension: String, _ count: Int, _ language: Language) -> String {
        guard let words = Schema.dimensions.first(where: { $0.name == dimension })?.words else { return "\(count) × \(dimension)" }
        return "\(count) \(words.plural(language))"
    }

    static func symbol(_ op: ComparisonOperator) -> String {
        switch op {
        case .equal: "="
        case .notEqual: "≠"
        case .less: "<"
        case .lessOrEqual: "≤"
        case .greater: ">"
        case .greaterOrEqual: "≥"
        }
    }

    /// "A", "A and B", "A, B and C" (Danish "og").
    static func list(_ items: [String], _ language: Language) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (language == .da ? " og " : " and ") + items[items.count - 1]
    }

    /// "2021", "2019–2022", "2020Q3–2021Q2" (Danish "2020K3–2021K2"), or
    /// "2014–2024, quarter 3" when the same quarters are chosen in every year.
    static func describe(_ periods: [Int], _ language: Language) -> String? {
        guard !periods.isEmpty else { return nil }
        let chosen = Set(periods)
        let years = Array(Set(periods.map { $0 / 4 })).sorted()
        if years.allSatisfy({ year in (0..<4).allSatisfy { chosen.contains(year * 4 + $0) } }) {
            return Binder.describeYears(years)
        }
        let letter = language == .da ? "K" : "Q"
        var runs: [(Int, Int)] = []
        for period in periods.sorted() {
            if let last = runs.last, last.1 + 1 == period { runs[runs.count - 1].1 = period } else { runs.append((period, period)) }
        }
        let quarters = Set(periods.map { $0 % 4 + 1 })
        let sameEveryYear = years.allSatisfy { year in quarters.allSatisfy { chosen.contains(year * 4 + $0 - 1) } }
        if runs.count > 3, sameEveryYear {
            let names = quarters.sorted().map(String.init)
            let which = language == .da
                ? list(names.map { "\($0)." }, language) + " kvartal"
                : (names.count == 1 ? "quarter " : "quarters ") + list(names, language)
            return Binder.describeYears(years) + ", " + which
        }
        func name(_ p: Int) -> String { "\(p / 4)\(letter)\(p % 4 + 1)" }
        return runs.map { $0.0 == $0.1 ? name($0.0) : "\(name($0.0))–\(name($0.1))" }.joined(separator: ", ")
    }
}
