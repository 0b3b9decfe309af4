// The binder's output: a query whose names are resolved against the catalog.
// Filters over dimensions become masks over dimension values; nothing here
// refers to source text any more except the notes.

/// A filter over rows, built from masks over dimension values.
indirect enum RowFilter: Sendable, Equatable {
    case all
    /// Allowed municipality indices.
    case municipality([Bool])
    /// Allowed paragraph indices.
    case paragraph([Bool])
    /// Allowed periods, `PeriodMask`.
    case period(PeriodMask)
    case and([RowFilter])
    case or([RowFilter])
    case not(RowFilter)
}

extension RowFilter {
    /// The parts of a top-level `and` (the filter itself otherwise).
    var conjuncts: [RowFilter] {
        if case .and(let all) = self { return all }
        return [self]
    }

    /// True for a single mask over one dimension (or no condition).
    var isMask: Bool {
        switch self {
        case .all, .municipality, .paragraph, .period: true
        default: false
        }
    }
}

/// Allowed (year, quarter) pairs over the years `firstYear ..< firstYear + bits.count / 4`.
struct PeriodMask: Sendable, Equatable {
    var firstYear: Int
    var bits: [Bool]

    init(firstYear: Int, years: Int, allowed: Bool) {
        self.firstYear = firstYear
        bits = Array(repeating: allowed, count: max(0, years) * 4)
    }

    init(firstYear: Int, years: Int, where allowed: (_ year: Int, _ quarter: Int) -> Bool) {
        self.firstYear = firstYear
        bits = (0..<(max(0, years) * 4)).map { allowed(firstYear + $0 / 4, $0 % 4 + 1) }
    }

    /// Quarter 0 (a whole year of yearly data) is allowed only when all four quarters are.
    func allows(year: Int, quarter: Int) -> Bool {
        if quarter == 0 { return (1...4).allSatisfy { allows(year: year, quarter: $0) } }
        let index = (year - firstYear) * 4 + quarter - 1
        return index >= 0 && index < bits.count && bits[index]
    }

    /// True when some but not all quarters of `year` are allowed.
    func splits(year: Int) -> Bool {
        let allowed = (1...4).filter { allows(year: year, quarter: $0) }.count
        return allowed > 0 && allowed < 4
    }
}

/// A paragraph that continues as another under a new law (SEL § 41 -> Barnets lov § 86).
struct Crosswalk: Sendable, Equatable {
    var old: Int
    var new: Int
}

/// A condition on a group's measure, e.g. `cases >= 10`.
indirect enum GroupFilter: Sendable, Equatable {
    case compare(Measure, ComparisonOperator, Double)
    case and([GroupFilter])
    case or([GroupFilter])
    case not(GroupFilter)
}

/// A result column a query orders by.
enum SortKey: Sendable, Equatable {
    case dimension(Dimension)
    /// A column name among the output measures ("rate", "national_rate", "diff_rate").
    case column(String)
}

/// A query ready to plan.
struct BoundQuery: Sendable, Equatable {
    var measures: [Measure]
    var groupBy: [Dimension]
    var rows: RowFilter
    /// Areas a row may be counted under when grouping by area.
    var areas: [Bool]
    var groups: GroupFilter?
    var versusNational: Bool
    /// `rows` without conditions on municipality or region (for `vs national`).
    var nationalRows: RowFilter
    var order: [(key: SortKey, descending: Bool)]
    var cut: Cut?
    var limit: Int?
    /// Notes the binder adds to the footer (default year, crosswalks).
    var notes: [Note]
    /// Paragraphs a condition followed into their successor under a new law.
    var crosswalks: [Crosswalk] = []
    /// `vs national exact` / `vs national fdr`.
    var exact = false
    var fdr = false
    /// `vs 2021`: `rows` with the time conditions replaced by the other period, and that period's name.
    var thenRows: RowFilter?
    var thenName: String?
    var nowName: String?
    /// `rolling N`: years pooled per row, and the years whose rows are shown (before pooling widened them).
    var rolling: Int?
    var rollingYears: [Int] = []
    /// What the result is about, restated from the query.
    var title: ResultTitle?

    /// The measure columns the result has, in order: the measures, then under `vs national`
    /// national_* and diff_* for each measure compared nationally, and the verdict; under `vs YEAR`
    /// then_* and change_* and the change verdict.
    var measureColumns: [Column] {
        var columns = measures.map { Column($0.name, .measure) }
        if versusNational {
            for measure in measures where measure.national {
                columns.append(Column("national_\(measure.name)", .measure))
                columns.append(Column("diff_\(measure.name)", .measure))
            }
            if measures.contains(.rate) { columns.append(Column("verdict", .measure)) }
        }
        if thenRows != nil {
            let changing = measures.filter(\.showsChange)
            columns += changing.map { Column("then_\($0.name)", .measure) }
            columns += changing.map { Column("change_\($0.name)", .measure) }
            if measures.contains(.rate) { columns.append(Column("change", .measure)) }
        }
        return columns
    }

    static func == (lhs: BoundQuery, rhs: BoundQuery) -> Bool {
        lhs.measures == rhs.measures && lhs.groupBy == rhs.groupBy && lhs.rows == rhs.rows
            && lhs.areas == rhs.areas && lhs.groups == rhs.groups && lhs.versusNational == rhs.versusNational
            && lhs.nationalRows == rhs.nationalRows && lhs.cut == rhs.cut && lhs.limit == rhs.limit
            && lhs.notes == rhs.notes && lhs.crosswalks == rhs.crosswalks && lhs.exact == rhs.exact && lhs.fdr == rhs.fdr
            && lhs.thenRows == rhs.thenRows && lhs.rolling == rhs.rolling && lhs.rollingYears == rhs.rollingYears && lhs.order.map(\.key) == rhs.order.map(\.key)
            && lhs.order.map(\.descending) == rhs.order.map(\.descending)
    }
}
