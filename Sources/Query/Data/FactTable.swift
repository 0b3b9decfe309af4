// Complaint outcomes in columns: one row per year × quarter × municipality ×
// paragraph, indices into the Catalog, counts as integers (see FactColumn.swift, CountColumn.swift). The evaluator scans
// these arrays; nothing else holds outcome counts.

/// Where a set of rows came from, shown in result footers and `show datasets`.
public struct DatasetInfo: Sendable, Equatable {
    /// Short name, e.g. "outcomes 2021".
    public var name: String
    /// File it was read from, as given (relative to the data folder when shipped).
    public var path: String
    /// Format, e.g. "dkq-csv", "talportal-csv", "pc-axis".
    public var format: String
    /// True for the synthetic demo: every result drawing on it says so.
    public var synthetic: Bool
    /// Free-text source/citation from the file's header.
    public var source: String
    /// Hex checksum (FNV-1a 64) of the file's bytes.
    public var checksum: String
    /// How footers and answers cite it.
    public var citation: Citation

    public init(name: String, path: String, format: String, synthetic: Bool, source: String, checksum: String,
                citation: Citation? = nil) {
        self.name = name
        self.path = path
        self.format = format
        self.synthetic = synthetic
        self.source = source
        self.checksum = checksum
        self.citation = citation ?? Citation(publisher: source.isEmpty ? name : source, synthetic: synthetic)
    }
}

/// The outcome counts of one cell.
public struct OutcomeCounts: Sendable, Equatable {
    public var upheld: Int
    public var changed: Int
    public var remanded: Int
    public var dismissed: Int

    public init(upheld: Int = 0, changed: Int = 0, remanded: Int = 0, dismissed: Int = 0) {
        self.upheld = upheld
        self.changed = changed
        self.remanded = remanded
        self.dismissed = dismissed
    }
}

/// Columnar outcome rows. All arrays have the same length.
public struct FactTable: Sendable, Equatable {
    /// The years any importer accepts and the query language can name (stored as Int16).
    static let yearLimits = 1900...2999
    /// What an importer says of a year outside `yearLimits`.
    static let yearRangeText = "the year must be from \(yearLimits.lowerBound) to \(yearLimits.upperBound)"
    /// The largest count a cell can hold (counts are Int32, however narrowly a store file keeps them).
    static let maxCount = Int(Int32.max)
    var year = FactColumn<Int16>()
    /// 1-4, or 0 for a whole year (yearly tables).
    var quarter = FactColumn<UInt8>()
    /// Index into `Catalog.municipalities`.
    var municipality = FactColumn<UInt8>()
    /// Index into `Catalog.paragraphs`.
    var paragraph = FactColumn<UInt8>()
    var upheld = CountColumn()
    var changed = CountColumn()
    var remanded = CountColumn()
    var dismissed = CountColumn()
    /// The width all four count columns share, or nil when they differ.
    var countWidth: CountWidth? {
        let width = upheld.width
        return changed.width == width && remanded.width == width && dismissed.width == width ? width : nil
    }
    /// Mean processing days of the cell (NaN: unknown). Sources give at most two decimals; a Float
    /// holds such a value closely enough that `hundredths` recovers it exactly.
    var days = FactColumn<Float>()

    /// A cell's days in whole hundredths of a day, the exact unit `days` is summed in.
    @inline(__always)
    static func hundredths(_ days: Float) -> Int { Int((Double(days) * 100).rounded()) }
    /// Index into `OutcomeStore.datasets`.
    var dataset = FactColumn<UInt8>()
    /// The row index of exactly these rows as the store file keeps it (rows sorted by year and
    /// municipality); nil for rows read or merged since, whose index `Domains` builds.
    var index: FactIndex?

    public init() {}

    public var count: Int { year.count }

    /// Appends one row.
    mutating func append(
        year: Int, quarter: Int, municipality: Int, paragraph: Int,
        counts: OutcomeCounts, days: Float = .nan, dataset: Int
    ) {
        index = nil
        self.year.append(Int16(year))
        self.quarter.append(UInt8(quarter))
        self.municipality.append(UInt8(municipality))
        self.paragraph.append(UInt8(paragraph))
        upheld.append(Int32(counts.upheld))
        changed.append(Int32(counts.changed))
        remanded.append(Int32(counts.remanded))
        dismissed.append(Int32(counts.dismissed))
        self.days.append(days)
        self.dataset.append(UInt8(dataset))
    }

    /// Reserves room for `capacity` rows in every column.
    mutating func reserveCapacity(_ capacity: Int) {
        year.reserveCapacity(capacity)
        quarter.reserveCapacity(capacity)
        municipality.reserveCapacity(capacity)
        paragraph.reserveCapacity(capacity)
        upheld.reserveCapacity(capacity)
        changed.reserveCapacity(capacity)
        remanded.reserveCapacity(capacity)
        dismissed.reserveCapacity(capacity)
        days.reserveCapacity(capacity)
        dataset.reserveCapacity(capacity)
    }

    /// The rows for which `keep` is true, in order.
    func filter(_ keep: (Int) -> Bool) -> FactTable {
        var result = FactTable()
        for row in 0..<count where keep(row) {
            result.year.append(year[row])
            result.quarter.append(quarter[row])
            result.municipality.append(municipality[row])
            result.paragraph.append(paragraph[row])
            result.upheld.append(upheld[row])
            result.changed.append(changed[row])
            result.remanded.append(remanded[row])
            result.dismissed.append(dismissed[row])
            result.days.append(days[row])
            result.dataset.append(dataset[row])
        }
        return result
    }

    /// Appends all rows of another table, shifting its dataset indices by `datasetOffset`.
    mutating func append(contentsOf other: FactTable, datasetOffset: Int) {
        index = nil
        year += other.year
        quarter += other.quarter
        municipality += other.municipality
        paragraph += other.paragraph
        upheld += other.upheld
        changed += other.changed
        remanded += other.remanded
        dismissed += other.dismissed
        days += other.days
        dataset += other.dataset.map { $0 + UInt8(datasetOffset) }
    }
}

/// Everything loaded: the catalog, the outcome rows and where they came from.
public struct OutcomeStore: Sendable, Equatable {
    public var catalog: Catalog
    public var facts: FactTable
    public var datasets: [DatasetInfo]
    /// Inhabitants per municipality and year (Danmarks Statistik), when loaded.
    public var population: [PopulationRow] = []
    /// Recipients of services per municipality, year and area, when loaded.
    public var recipients: [RecipientRow] = []
    /// The municipalities' total decisions per year and area (shipped synthetic demo, or loaded).
    public var decisions: [DecisionRow] = []
    /// The municipalities' comments on their rates, when loaded.
    public var comments: [CommentRow] = []
    /// Outcome cells a loaded source marks missing (`..`), never counted as 0.
    public var missing: [MissingCell] = []
    /// Published national rates to `check` loaded data against.
    public var published: [PublishedRate] = []
    /// Outlines and tiles for maps (datasets/map/), when the folder has them.
    public var atlas: Atlas? {
        get { lazyAtlas.atlas }
        set { lazyAtlas = LazyAtlas(newValue) }
    }
    /// The map, decoded from the side snapshot when first asked for.
    var lazyAtlas = LazyAtlas(nil)

    public init(catalog: Catalog, facts: FactTable = FactTable(), datasets: [DatasetInfo] = []) {
        self.catalog = catalog
        self.facts = facts
        self.datasets = datasets
    }

    /// Distinct years present, ascending.
    public var years: [Int] {
        facts.distinctYears()
    }
}
