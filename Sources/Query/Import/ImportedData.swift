// What one imported file yields: outcome rows, provenance and optional side
// tables (population, recipients, comments), plus the one-line load summary.

/// The population of a municipality in a year (Danmarks Statistik).
public struct PopulationRow: Sendable, Equatable, Hashable {
    /// Index into `Catalog.municipalities`.
    public var municipality: Int
    public var year: Int
    public var value: Double
    /// Index into `OutcomeStore.datasets` of the table it came from.
    public var dataset: Int
    /// True when no independent copy confirms the figure (the shipped 2021 column).
    public var unconfirmed: Bool

    public init(municipality: Int, year: Int, value: Double, dataset: Int = 0, unconfirmed: Bool = false) {
        self.municipality = municipality
        self.year = year
        self.value = value
        self.dataset = dataset
        self.unconfirmed = unconfirmed
    }
}

/// Citizens receiving services in a municipality, year and Danmarkskort area.
public struct RecipientRow: Sendable, Equatable, Hashable {
    public var municipality: Int
    public var year: Int
    public var area: Area
    public var value: Double

    public init(municipality: Int, year: Int, area: Area, value: Double) {
        self.municipality = municipality
        self.year = year
        self.area = area
        self.value = value
    }
}

/// A municipality's comment on its rate for a year and area.
public struct CommentRow: Sendable, Equatable, Hashable {
    public var municipality: Int
    public var year: Int
    public var area: Area
    public var text: String

    public init(municipality: Int, year: Int, area: Area, text: String) {
        self.municipality = municipality
        self.year = year
        self.area = area
        self.text = text
    }
}

/// Everything one imported file contributes.
public struct ImportedData: Sendable, Equatable {
    /// Outcome rows; `dataset` is 0 in every row (the engine re-indexes).
    /// Yearly tables (PC-Axis ANKEAST1) have `quarter` 0, meaning the whole year.
    public var facts: FactTable
    public var info: DatasetInfo
    public var population: [PopulationRow]
    public var recipients: [RecipientRow]
    public var comments: [CommentRow]
    /// The municipalities' total decisions per year and area (`DecisionsImporter`).
    public var decisions: [DecisionRow] = []
    /// Cells the source marks missing (`..`); `dataset` 0 as in `facts`.
    public var missing: [MissingCell] = []
    /// Non-fatal notes, e.g. cells marked missing (`..`).
    public var warnings: [String]

    public init(
        facts: FactTable = FactTable(), info: DatasetInfo, population: [PopulationRow] = [],
        recipients: [RecipientRow] = [], comments: [CommentRow] = [], warnings: [String] = []
    ) {
        self.facts = facts
        self.info = info
        self.population = population
        self.recipients = recipients
        self.comments = comments
        self.warnings = warnings
    }

    /// Distinct years in any table, ascending.
    public var years: [Int] {
        var set = Set(facts.distinctYears())
        for row in population { set.insert(row.year) }
        for row in recipients { set.insert(row.year) }
        for row in comments { set.insert(row.year) }
        for row in decisions { set.insert(row.year) }
        return set.sorted()
    }

    /// Distinct municipalities in any table.
    public var municipalityCount: Int {
        var set = Set(facts.distinctMunicipalities())
        for row in population { set.insert(row.municipality) }
        for row in recipients { set.insert(row.municipality) }
        for row in comments { set.insert(row.municipality) }
        for row in decisions { set.insert(row.municipality) }
        return set.count
    }

    /// Rows of the main table (outcome rows, else side-table rows).
    public var rowCount: Int {
        facts.count + population.count + recipients.count + comments.count + decisions.count
    }

    /// "loaded 12,345 rows: years 2019-2023, 98 municipalities (talportal-csv, real)".
    public var summary: String {
        let years = self.years
        var span = "no years"
        if let first = years.first, let last = years.last {
            span = first == last ? "year \(first)" : "years \(first)-\(last)"
        }
        let kind = info.synthetic ? "synthetic" : "real"
        let municipalities = municipalityCount
        let places = municipalities == 1 ? "1 municipality" : "\(groupedThousands(municipalities)) municipalities"
        let rows = rowCount == 1 ? "1 row" : "\(groupedThousands(rowCount)) rows"
        return "loaded \(rows): \(span), \(places) (\(info.format), \(kind))"
    }
}

/// 12345 -> "12,345".
func groupedThousands(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (offset, character) in digits.enumerated() {
        if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
        out.append(character)
    }
    return value < 0 ? "-" + out : out
}
