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
    case rateShrunk = "rate_shrunk", rateShrunkLow = "rate_shrunk_low", rateShrunkHigh = "rate_shrunk_high"
    case expected
    case stdRatio = "std_ratio", stdRatioLow = "std_ratio_low", stdRatioHigh = "std_ratio_high"

    /// True for measures that divide by population or recipients (loaded StatBank tables).
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
        case .rateShrunk, .rateShrunkLow, .rateShrunkHigh: true
        default: false
        }
    }

    /// True for measures whose value depends on all rows of the result (the fitted prior),
    /// so they cannot be conditions on groups.
    var dependsOnAllRows: Bool { self == .rateShrunk || self == .rateShrunkLow || self == .rateShrunkHigh }

    /// True for measures that need the national rate of each paragraph (case-mix standardisation).
    var needsExpected: Bool { self == .expected || self == .stdRatio || self == .stdRatioLow || self == .stdRatioHigh }

    /// True for percentages compared with the national figure under `vs national` (not intervals).
    var comparesNationally: Bool { isPercent && !dependsOnAllRows && self != .rateLow && self != .rateHigh }

    /// True for measures shown as a then/now change under `vs YEAR`.
    var showsChange: Bool { !dependsOnAllRows && self != .rateLow && self != .rateHigh && !needsExpected }

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
        case .population: "inhabitants (Danmarks Statistik), summed over the municipalities and years covered; needs a loaded population table"
        case .decidedPer10k: "decided complaints per 10,000 inhabitants (Ankestyrelsen's 'afsluttede sager pr. 10.000 indbyggere')"
        case .recipients: "citizens receiving services in the area (Danmarks Statistik), summed; needs a loaded recipients table"
        case .reversedPer1000Recipients: "reversed decisions per 1,000 recipients of services in the area: reversals in proportion to the people served"
        case .rateShrunk: "rate pulled towards the average of the rows compared, the more the fewer its cases (empirical Bayes): for ranking"
        case .rateShrunkLow: "lower end of the 95 % credible interval for rate_shrunk"
        case .rateShrunkHigh: "upper end of the 95 % credible interval for rate_shrunk"
        case .expected: "reversals expected from the group's cases per paragraph at each paragraph's national rate"
        case .stdRatio: "standardised ratio reversed / expected: 1 = as the national paragraph rates predict for this case mix"
        case .stdRatioLow: "lower end of the 95 % interval for std_ratio (Byar's approximation to the exact Poisson interval)"
        case .stdRatioHigh: "upper end of the 95 % interval for std_ratio (Byar's approximation to the exact Poisson interval)"
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
        case .rateShrunk: "100 × (α + reversed) / (α + β + cases), Beta(α, β) fitted by maximum likelihood (beta-binomial) to the rows' reversed and cases"
        case .rateShrunkLow, .rateShrunkHigh: "100 × the 2.5 % / 97.5 % quantile of Beta(α + reversed, β + cases − reversed)"
        case .expected: "Σ over paragraphs of cases × national rate of the paragraph"
        case .stdRatio: "reversed / expected"
        case .stdRatioLow, .stdRatioHigh: "Byar: O(1 − 1/(9O) ∓ 1.96/(3√O))³ / expected, with O + 1 for the upper end, O = reversed"
        }
    }

    /// Decimals shown.
    var decimals: Int {
        switch self {
        case .stdRatio, .stdRatioLow, .stdRatioHigh: 2
        case .expected, .days, .decidedPer10k, .reversedPer1000Recipients: 1
        default: isPercent ? 1 : 0
        }
    }
}
