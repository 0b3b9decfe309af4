// `vs national` verdicts: Spiegelhalter's (2005) overdispersion-adjusted funnel
// (additive random effects on the arcsine scale), the exact binomial test, and
// Benjamini-Hochberg false-discovery-rate adjustment over the units tested.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One unit tested against its target proportion. Units with the same stratum share a
/// target and form one funnel (e.g. the municipalities of one year).
struct TestedUnit: Equatable {
    var k: Int
    var n: Int
    var target: Double
    var stratum: Int
}

/// How the verdicts were reached, for the footer.
struct FunnelSummary: Equatable {
    /// Per stratum where overdispersion was allowed for: its estimate.
    var adjusted: [Funnel.Estimate] = []
    /// Strata judged by the exact binomial test, and why.
    var exactStrata = 0
    var tooFewUnits = 0
    var noOverdispersion: [Funnel.Estimate] = []
    var tested = 0
    var flagged95 = 0
    var flagged998 = 0
}

enum Funnel {
    /// Fewer units than this in a funnel: no overdispersion estimate, exact binomial test.
    static let minimumUnits = 5
    /// The two levels, as two-sided p-value thresholds.
    static let levels: [(p: Double, label: String)] = [(0.002, "99.8 %"), (0.05, "95 %")]

    /// φ and τ² of one funnel (Spiegelhalter 2005, as statistics.md gives).
    struct Estimate: Equatable {
        var units: Int
        var phi: Double
        var tau2: Double
        var tau: Double { tau2.squareRoot() }
    }

    /// Dispersion of units around the target p0: z on the arcsine scale, winsorised at the
    /// 10 % and 90 % quantiles; φ = mean z²; τ² by DerSimonian-Laird with w = 1/s² = 4n.
    static func estimate(_ units: [(k: Int, n: Int)], target p0: Double) -> Estimate? {
        let used = units.filter { $0.n > 0 }
        guard used.count >= 2, p0 > 0, p0 < 1 else { return nil }
        let theta = asin(p0.squareRoot())
        let z = used.map { (asin((Double($0.k) / Double($0.n)).squareRoot()) - theta) * 2 * Double($0.n).squareRoot() }
        let sorted = z.sorted()
        let (low, high) = (Distributions.quantile(sorted, 0.1), Distributions.quantile(sorted, 0.9))
        let count = Double(used.count)
        let phi = z.reduce(0) { let w = min(max($1, low), high); return $0 + w * w } / count
        let weights = used.map { 4 * Double($0.n) }
        let sum = weights.reduce(0, +), sumOfSquares = weights.reduce(0) { $0 + $1 * $1 }
        let tau2 = max(0, (count * phi - (count - 1)) / (sum - sumOfSquares / sum))
        return Estimate(units: used.count, phi: phi, tau2: tau2)
    }

    /// Two-sided p-value of k of n against p0 on the arcsine scale with between-unit variance τ².
    static func adjustedP(_ k: Int, _ n: Int, target p0: Double, tau2: Double) -> Double? {
        guard n > 0, p0 > 0, p0 < 1 else { return nil }
        let y = asin((Double(k) / Double(n)).squareRoot()), theta = asin(p0.squareRoot())
        return Distributions.twoSidedP((y - theta) / (1 / (4 * Double(n)) + tau2).squareRoot())
    }

    /// Two-sided exact binomial p-value: twice the smaller tail, at most 1.
    static func exactP(_ k: Int, _ n: Int, target p0: Double) -> Double? {
        guard n > 0, p0 > 0, p0 < 1 else { return nil }
        let upper = Statistics.binomialTail(atLeast: k, n, p0), lower = Statistics.binomialTail(atMost: k, n, p0)
        return min(1, 2 * min(upper, lower))
    }

    /// Benjamini-Hochberg adjusted p-values (q-values), in the order given.
    static func benjaminiHochberg(_ p: [Double]) -> [Double] {
        let order = p.indices.sorted { p[$0] < p[$1] }
        var adjusted = [Double](repeating: 1, count: p.count)
        var running = 1.0
        for rank in stride(from: order.count, through: 1, by: -1) {
            let i = order[rank - 1]
            running = min(running, p[i] * Double(p.count) / Double(rank))
            adjusted[i] = running
        }
        return adjusted
    }

    /// "over (95 %)", "within", "under (99.8 %)"; nil when untested.
    static func verdict(p: Double?, above: Bool, fdr: Bool) -> String? {
        guard let p else { return nil }
        for level in levels where fdr ? p <= level.p : p < level.p {
            return "\(above ? "over" : "under") (\(level.label))"
        }
        return "within"
    }

    /// Verdicts for all units: the overdispersion-adjusted test in each stratum with enough
    /// units and overdispersion present (unless `exact`; its p-value is never below the exact
    /// binomial one), else the exact binomial test;
    /// Benjamini-Hochberg over all units when `fdr`.
    /// `funnel`, when given, holds per stratum every unit of the funnel (all municipalities under
    /// the same conditions), so φ and τ — and a row's verdict — do not depend on which rows a
    /// query selects; without it the rows themselves are the funnel.
    static func verdicts(_ units: [TestedUnit], exact: Bool, fdr: Bool, funnels: Bool,
                         funnel: [Int: [(k: Int, n: Int)]]? = nil) -> ([String?], FunnelSummary) {
        var summary = FunnelSummary()
        var p = [Double?](repeating: nil, count: units.count)
        let strata = Dictionary(grouping: units.indices, by: { units[$0].stratum })
        for key in strata.keys.sorted() {
            let members = strata[key] ?? []
            let target = units[members[0]].target
            var tau2: Double?
            if funnels, !exact {
                let estimate = estimate(funnel?[key] ?? members.map { (units[$0].k, units[$0].n) }, target: target)
                if let estimate, estimate.units >= minimumUnits {
                    if estimate.tau2 > 0 { summary.adjusted.append(estimate); tau2 = estimate.tau2 } else { summary.noOverdispersion.append(estimate) }
                } else {
                    summary.tooFewUnits += 1
                }
            }
            if tau2 == nil { summary.exactStrata += 1 }
            for i in members {
                let exact = exactP(units[i].k, units[i].n, target: target)
                // Widening for overdispersion never makes a verdict stronger than the exact test:
                // the arcsine approximation overstates the evidence of a handful of cases (0 of 5).
                if let tau2, let adjusted = adjustedP(units[i].k, units[i].n, target: target, tau2: tau2), let exact {
                    p[i] = max(adjusted, exact)
                } else {
                    p[i] = exact
                }
            }
        }
        let tested = p.indices.filter { p[$0] != nil }
        var final = p
        if fdr {
            let q = benjaminiHochberg(tested.map { p[$0]! })
            for (j, i) in tested.enumerated() { final[i] = q[j] }
        }
        let words = units.indices.map { i in
            verdict(p: final[i], above: Double(units[i].k) > units[i].target * Double(units[i].n), fdr: fdr)
        }
        summary.tested = tested.count
        summary.flagged95 = words.filter { $0 != nil && $0 != "within" }.count
        summary.flagged998 = words.filter { $0?.hasSuffix("(99.8 %)") == true }.count
        return (words, summary)
    }

    /// An expected count: one decimal, more below 0.1 ("4.9", "0.02", "0.004").
    static func about(_ x: Double) -> String { Renderer.formatDecimal(x, x < 0.01 ? 3 : (x < 0.1 ? 2 : 1)) }

    /// The verdict in Danish: over / inden for / under.
    static func danish(_ verdict: String) -> String { danishWords[verdict] ?? verdict }

    /// The result with its verdict and change columns in Danish words.
    static func inDanish(_ result: ResultSet) -> ResultSet {
        var result = result
        let columns = result.columns.indices.filter { ["verdict", "change"].contains(result.columns[$0].name) }
        for row in result.rows.indices {
            for column in columns {
                if case .text(let word) = result.rows[row][column] { result.rows[row][column] = .text(danish(word)) }
            }
        }
        return result
    }

    /// Every verdict word of `vs national` and `vs YEAR` with its Danish form.
    static let danishWords: [String: String] = {
        var words = ["within": "inden for", "no clear change": "ingen klar ændring"]
        for (english, danish) in [("over", "over"), ("under", "under"), ("up", "op"), ("down", "ned")] {
            words["\(english) (95 %)"] = "\(danish) (95 %)"
            words["\(english) (99.8 %)"] = "\(danish) (99,8 %)"
        }
        return words
    }()

    /// Footer notes: the method, φ and τ, and what chance alone would flag; `unitName` is the
    /// dimension compared (municipality, region).
    static func notes(_ s: FunnelSummary, exact: Bool, fdr: Bool, funnels: Bool, unitName: String) -> [Note] {
        var notes: [Note] = []
        if exact {
            notes.append(.verdictExact)
        } else if !s.adjusted.isEmpty {
            let phis = s.adjusted.map(\.phi), taus = s.adjusted.map(\.tau)
            notes.append(.verdictAdjusted(
                unit: unitName, units: s.adjusted.count == 1 ? s.adjusted[0].units : nil, funnels: s.adjusted.count,
                phi: (phis.min() ?? 0)...(phis.max() ?? 0), tau: (taus.min() ?? 0)...(taus.max() ?? 0)))
            if s.exactStrata > 0 { notes.append(.exactFunnels(s.exactStrata, of: s.adjusted.count + s.exactStrata)) }
        } else if !funnels {
            notes.append(.verdictNotUnits)
        } else if let none = s.noOverdispersion.first, s.tooFewUnits == 0 {
            notes.append(.verdictNoOverdispersion(unit: unitName, units: none.units, phi: none.phi))
        } else {
            notes.append(.verdictTooFewUnits(unit: unitName))
        }
        if s.tested > 1 { notes.append(.flagged(s.flagged95, of: s.tested, strong: s.flagged998, fdr: fdr)) }
        return notes
    }
}
