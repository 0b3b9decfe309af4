// The shapes of the catalogue's entries (Schema.swift holds the entries): keywords,
// measures as specs the evaluator computes, dimensions, area spellings, side tables,
// and the lookups by any spelling.

/// A word of the language's grammar. Its spellings are in `Schema.keywords`.
public enum Keyword: String, Sendable, Equatable, CaseIterable {
    case by, `where`, year, years, since, quarter, quarters, vs, national, order, asc, desc
    case top, bottom, limit, and, or, not, `in`
    case exact, fdr, rolling, over
    case show, describe, load, unload, check, answer, `as`

    /// Keywords that start a clause after the measures.
    static let clauses: [Keyword] = [.by, .where, .year, .years, .since, .quarter, .quarters, .vs, .order, .top, .bottom, .limit, .rolling, .over]
    /// Keywords that start a statement other than a query.
    static let commands: [Keyword] = [.show, .describe, .load, .unload, .check, .answer]

    /// Every spelling, canonical first.
    public var spellings: [String] { Schema.keywords.first { $0.keyword == self }!.spellings }
}

/// The counts every fact row holds; measures are built from their sums.
public enum Count: String, Sendable, Equatable, CaseIterable {
    case upheld, changed, remanded, dismissed
}

/// A measure's unit, which decides how it is shown and compared.
public enum MeasureUnit: String, Sendable, Equatable {
    case count, percent, days, people, perCapita
}

/// How a measure is computed from a group's summed counts.
enum Computation: Sendable {
    /// The sum of some counts.
    case count([Count])
    /// `scale × Σ numerator / Σ denominator`, missing when the denominator is 0.
    case ratio(of: [Count], over: [Count], scale: Double)
    /// The side table's figure summed over the group.
    case sideTable(SideTable)
    /// `scale × Σ counts / side table`, missing when the side figure is missing or 0.
    case sideRatio(of: [Count], over: SideTable, scale: Double)
    /// Any function of the summed counts (nil: missing).
    case statistic(@Sendable (Totals) -> Double?)
}

/// What a measure needs beyond its group's counts.
enum MeasureContext: Sendable, Equatable {
    /// `Totals.prior`, fitted on all the rows compared (rate_shrunk).
    case prior
    /// `Totals.expected`, from the national rate of each paragraph (std_ratio).
    case expected
}

/// How dkq writes a measure or a dimension in each language: its label in titles and
/// answers, and (Danish) its column header; the English header is the canonical name.
public struct Words: Sendable, Equatable {
    public let en: String
    public let da: String
    /// The Danish column header.
    public let header: String
    /// Plurals (dimensions: "municipalities", "kommuner").
    public let pluralEn: String
    public let pluralDa: String

    public init(_ en: String, _ da: String, header: String? = nil, plural: (en: String, da: String)? = nil) {
        self.en = en
        self.da = da
        self.header = header ?? da
        pluralEn = plural?.en ?? en
        pluralDa = plural?.da ?? da
    }

    public func label(_ language: Language) -> String { language == .da ? da : en }
    public func plural(_ language: Language) -> String { language == .da ? pluralDa : pluralEn }
}

/// A measure: its name and spellings, what it means, and how it is computed.
public struct Measure: Sendable, Hashable, CustomStringConvertible {
    /// The canonical name, also the result column's header.
    public let name: String
    /// Other spellings a query accepts (Danish names).
    public let spellings: [String]
    public let unit: MeasureUnit
    public let decimals: Int
    let computation: Computation
    /// One line: what it means.
    public let definition: String
    /// The formula over summed counts.
    public let formula: String
    /// Compared with the national figure under `vs national` (national_*, diff_* columns).
    public let national: Bool
    /// Uncertain when `cases` is small: `cases` is shown with it and small counts noted.
    public let restsOnCases: Bool
    /// Its label in titles and answers and its Danish header.
    public let words: Words
    /// One line in Danish: what it means (`describe` in Danish).
    public let definitionDa: String
    /// What beyond its own counts it needs: a prior fitted on all rows compared, or the
    /// reversals expected from national paragraph rates (set in `Totals` before it is computed).
    let context: MeasureContext?
    /// Whether it reads the processing-time sums (`Totals.dayHundredths`, `daysWeight`): a scan
    /// for measures that do not leaves the days column unread.
    let readsDays: Bool

    init(
        _ name: String, spellings: [String] = [], unit: MeasureUnit, decimals: Int? = nil, _ computation: Computation,
        definition: String, formula: String, national: Bool = false, restsOnCases: Bool? = nil,
        context: MeasureContext? = nil, readsDays: Bool = false, words: Words, da definitionDa: String
    ) {
        self.readsDays = readsDays
        self.words = words
        self.definitionDa = definitionDa
        self.context = context
        self.name = name
        self.spellings = spellings
        self.unit = unit
        self.decimals = decimals ?? (unit == .percent ? 1 : 0)
        self.computation = computation
        self.definition = definition
        self.formula = formula
        self.national = national
        self.restsOnCases = restsOnCases ?? (unit == .percent)
    }

    public var description: String { name }
    public var isPercent: Bool { unit == .percent }

    /// The side table it divides by or sums, if any.
    public var sideTable: SideTable? {
        switch computation {
        case .sideTable(let table), .sideRatio(_, let table, _): table
        default: nil
        }
    }

    public static func == (a: Measure, b: Measure) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// A dimension derived from a fact column through the catalog (region of a municipality, law of a paragraph).
public struct Lookup: Sendable {
    public enum Base: Sendable { case municipality, paragraph }
    public let base: Base
    /// Error code for an unknown value.
    public let error: String
    /// The plural in hints ("regions").
    public let plural: String
    /// A prefix a value may be written without ("Region " for "Hovedstaden").
    public let prefix: String?
    /// The value of the base entry at an index.
    public let value: @Sendable (Catalog, Int) -> String

    public init(base: Base, error: String, plural: String, prefix: String?, value: @escaping @Sendable (Catalog, Int) -> String) {
        self.base = base
        self.error = error
        self.plural = plural
        self.prefix = prefix
        self.value = value
    }
}

/// A dimension of the outcome data: a fact column, a lookup from one, areas, or time.
public struct Dimension: Sendable, Hashable, CustomStringConvertible {
    public enum Source: Sendable {
        case municipality, paragraph, area, year, quarter
        case lookup(Lookup)
    }

    public let name: String
    public let spellings: [String]
    public let source: Source
    /// Describes where: dropped for the national comparison.
    public let isGeographic: Bool
    /// One line: what its values are.
    public let definition: String
    /// Its name in each language (header, titles, plurals).
    public let words: Words
    /// One line in Danish: what its values are.
    public let definitionDa: String

    public init(_ name: String, spellings: [String] = [], _ source: Source, geographic: Bool = false, definition: String,
                words: Words, da definitionDa: String) {
        self.words = words
        self.definitionDa = definitionDa
        self.name = name
        self.spellings = spellings
        self.source = source
        self.isGeographic = geographic
        self.definition = definition
    }

    public var description: String { name }
    public static func == (a: Dimension, b: Dimension) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// Every spelling of one Danmarkskort area.
public struct AreaSpelling: Sendable {
    public let area: Area
    /// The short name in data files and results of `show paragraphs`.
    public let file: String
    /// What a query accepts (the first is suggested).
    public let query: [String]
    /// Further header spellings in StatBank and comments files (folded, no spaces).
    public let imports: [String]
    /// The key in the published reference files.
    public let published: String

    public init(_ area: Area, file: String, query: [String], imports: [String], published: String) {
        self.area = area
        self.file = file
        self.query = query
        self.imports = imports
        self.published = published
    }
}

/// A table from Danmarks Statistik that measures divide by: a figure per
/// municipality and year (and area when `perArea`).
public struct SideTable: Sendable, Hashable {
    public let id: String
    public let perArea: Bool
    /// Where it comes from, for "needs … and none is loaded".
    public let origin: String
    /// A count over whole years (decisions): the complaints divided by it must cover whole years too.
    public let wholeYears: Bool
    /// A file name for the hint "load one first: load \"…\"".
    public let example: String
    let rows: @Sendable (OutcomeStore) -> [(municipality: Int, year: Int, area: Area?, value: Double)]

    init(_ id: String, perArea: Bool, origin: String = "Danmarks Statistik", example: String = "statbank.csv",
         wholeYears: Bool = false, rows: @escaping @Sendable (OutcomeStore) -> [(municipality: Int, year: Int, area: Area?, value: Double)]) {
        self.id = id
        self.wholeYears = wholeYears
        self.perArea = perArea
        self.origin = origin
        self.example = example
        self.rows = rows
    }

    public static func == (a: SideTable, b: SideTable) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

// MARK: Lookups by spelling

extension Schema {
    /// Measures and dimensions by folded name and spelling, built once.
    static let measuresByName: [String: Measure] = Dictionary(
        measures.map { (foldName($0.name), $0) } + measures.flatMap { m in m.spellings.map { (foldName($0), m) } },
        uniquingKeysWith: { first, _ in first })
    static let dimensionsByName: [String: Dimension] = Dictionary(
        dimensions.map { (foldName($0.name), $0) } + dimensions.flatMap { d in d.spellings.map { (foldName($0), d) } },
        uniquingKeysWith: { first, _ in first })
    /// Keywords by folded spelling.
    static let keywordsBySpelling: [String: Keyword] = Dictionary(
        keywords.flatMap { entry in entry.spellings.map { (foldName($0), entry.keyword) } },
        uniquingKeysWith: { first, _ in first })

    public static func measure(named text: String) -> Measure? { measuresByName[foldName(text)] }
    public static func dimension(named text: String) -> Dimension? { dimensionsByName[foldName(text)] }
    public static func keyword(spelled text: String) -> Keyword? { keywordsBySpelling[foldName(text)] }

    /// The measure or dimension with this canonical name (catalogue constants).
    static func measure(_ name: String) -> Measure { measures.first { $0.name == name }! }
    static func dimension(_ name: String) -> Dimension { dimensions.first { $0.name == name }! }

    /// The area a query value names.
    static func area(named text: String) -> Area? {
        let folded = foldName(text)
        return areas.first { $0.query.contains { foldName($0) == folded } }?.area
    }

    /// Every other spelling of measures and dimensions, sorted (for hints).
    static var dimensionSpellings: [String] { dimensions.flatMap(\.spellings).sorted() }
    static var measureSpellings: [String] { measures.flatMap(\.spellings).sorted() }
}

extension Schema {
    /// Every spelling of every keyword, measure and dimension (the lexer merges those of several words).
    static let spellings: [String] =
        keywords.flatMap(\.spellings) + measures.flatMap { [$0.name] + $0.spellings } + dimensions.flatMap { [$0.name] + $0.spellings }
}
