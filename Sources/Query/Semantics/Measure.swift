// The measures a query can ask for, with their definitions. Every ratio is
// computed from summed counts (never a mean of rates); see `describe <measure>`.

/// A measure: a count, a percentage of summed counts, or a weighted mean.
public enum Measure: String, Sendable, Equatable, CaseIterable {
    case rate, cases, decided, upheld, changed, remanded, dismissed, reversed
    case upheldShare = "upheld_share", changedShare = "changed_share"
    case remandedShare = "remanded_share", dismissedShare = "dismissed_share"
    case rateLow = "rate_low", rateHigh = "rate_high"
    case days
    case population
    case decidedPer10k = "decided_per_10k"
    case recipients
    case reversedPer1000Recipients = "reversed_per_1000_recipients"

    /// True for measures that divide by population (shipped) or recipients (a loaded StatBank table).
    var needsSideTable: Bool {
        switch self {
        case .population, .decidedPer10k, .recipients, .reversedPer1000Recipients: true
        default: false
        }
    }

    /// True for measures that need exactly one area (recipients are counted per area).
    var needsOneArea: Bool { self == .recipients || self == .reversedPer1000Recipients }

    /// True for measures shown in percent.
    public var isPercent: Bool {
        switch self {
        case .rate, .upheldShare, .changedShare, .remandedShare, .dismissedShare, .rateLow, .rateHigh: true
        default: false
        }
    }

    /// True for measures whose value is uncertain when `cases` is small.
    var restsOnCases: Bool { isPercent && self != .dismissedShare }

    /// One line: what it means.
    public var definition: String {
        switch self {
        case .rate: "omgørelsesprocent: share of cases decided on the merits that Ankestyrelsen reversed (changed or remanded)"
        case .cases: "realitetsbehandlede: complaints decided on the merits (upheld + changed + remanded)"
        case .decided: "afgjorte: all decided complaints, dismissed included (cases + dismissed)"
        case .upheld: "stadfæstet: the municipality's decision was upheld"
        case .changed: "ændret/ophævet: the decision was changed or annulled"
        case .remanded: "hjemvist: the decision was sent back to the municipality for a new decision"
        case .dismissed: "afvist/henvist: not tried on the merits (dismissed, referred or lapsed)"
        case .reversed: "omgjorte: changed + remanded"
        case .upheldShare: "share of cases upheld"
        case .changedShare: "share of cases changed or annulled"
        case .remandedShare: "share of cases remanded"
        case .dismissedShare: "share of decided complaints dismissed or referred"
        case .rateLow: "lower end of the 95 % Wilson score interval for rate"
        case .rateHigh: "upper end of the 95 % Wilson score interval for rate"
        case .days: "mean processing time in days (Ankestyrelsen's sagsbehandlingstid), weighted by decided complaints"
        case .population: "inhabitants on 1 January (Danmarks Statistik FOLK1A, shipped), summed over the municipalities and years covered"
        case .decidedPer10k: "decided complaints per 10,000 inhabitants (Ankestyrelsen's 'afsluttede sager pr. 10.000 indbyggere')"
        case .recipients: "citizens receiving services in the area (Danmarks Statistik), summed; needs a loaded recipients table"
        case .reversedPer1000Recipients: "reversed decisions per 1,000 recipients of services in the area: reversals in proportion to the people served"
        }
    }

    /// The formula over summed counts.
    public var formula: String {
        switch self {
        case .rate: "100 × (changed + remanded) / (upheld + changed + remanded)"
        case .cases: "upheld + changed + remanded"
        case .decided: "upheld + changed + remanded + dismissed"
        case .upheld, .changed, .remanded, .dismissed: "sum of \(rawValue)"
        case .reversed: "changed + remanded"
        case .upheldShare: "100 × upheld / cases"
        case .changedShare: "100 × changed / cases"
        case .remandedShare: "100 × remanded / cases"
        case .dismissedShare: "100 × dismissed / decided"
        case .rateLow, .rateHigh: "Wilson: (2k + z² ∓ z·√(z² + 4k(1 − k/n))) / (2(n + z²)), k = reversed, n = cases, z = 1.96"
        case .days: "Σ(days × decided) / Σ decided, over rows where days is known"
        case .population: "Σ population over (municipality, year) covered"
        case .decidedPer10k: "10000 × decided / population"
        case .recipients: "Σ recipients over (municipality, year) covered, for one area"
        case .reversedPer1000Recipients: "1000 × reversed / recipients"
        }
    }

    /// Decimals shown.
    var decimals: Int { isPercent || self == .days || self == .decidedPer10k || self == .reversedPer1000Recipients ? 1 : 0 }
}
