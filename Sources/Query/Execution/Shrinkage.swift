// `rate_shrunk`: empirical-Bayes beta-binomial shrinkage (as ebbr does). A Beta(α, β)
// prior is fitted by maximum likelihood to the units compared (the result's rows);
// each unit's posterior Beta(α + k, β + n − k) gives its shrunk rate and 95 % interval.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Beta(α, β) prior fitted to the rows of one result.
struct BetaPrior: Sendable, Equatable {
    var alpha: Double
    var beta: Double
    var units: Int

    var mean: Double { alpha / (alpha + beta) }

    /// Posterior mean and 95 % equal-tailed credible interval for k of n, in [0, 1].
    func posterior(_ k: Int, _ n: Int) -> (mean: Double, low: Double, high: Double) {
        let a = alpha + Double(k), b = beta + Double(n - k)
        return (a / (a + b), Distributions.betaQuantile(0.025, a, b), Distributions.betaQuantile(0.975, a, b))
    }
}

enum Shrinkage {
    /// Fewer units with cases than this: no prior (rate_shrunk is left empty).
    static let minimumUnits = 5
    /// α + β is kept within these bounds (the upper one means no spread between units: full pooling).
    static let strengthBounds = (low: 0.01, high: 1e7)

    /// Beta-binomial log-likelihood, up to a constant that does not depend on α, β.
    static func logLikelihood(_ units: [(k: Int, n: Int)], _ alpha: Double, _ beta: Double) -> Double {
        let base = Distributions.logBeta(alpha, beta)
        return units.reduce(0) { $0 + Distributions.logBeta(Double($1.k) + alpha, Double($1.n - $1.k) + beta) - base }
    }

    /// Maximum-likelihood Beta prior over the units with cases (Nelder-Mead on logit mean, log α + β,
    /// started from the method of moments); nil when fewer than `minimumUnits` units have cases
    /// or all rates are 0 or all are 1.
    static func fit(_ all: [(k: Int, n: Int)]) -> BetaPrior? {
        let units = all.filter { $0.n > 0 }
        let (k, n) = units.reduce((0, 0)) { ($0.0 + $1.k, $0.1 + $1.n) }
        guard units.count >= minimumUnits, k > 0, k < n else { return nil }
        let mean = Double(k) / Double(n)
        let rates = units.map { Double($0.k) / Double($0.n) }
        let average = rates.reduce(0, +) / Double(rates.count)
        let variance = rates.reduce(0) { $0 + ($1 - average) * ($1 - average) } / Double(rates.count - 1)
        let moments = variance > 0 ? average * (1 - average) / variance - 1 : 100
        let start = [log(mean / (1 - mean)), log(min(max(moments, 1), 1e5))]
        let (lowS, highS) = (log(strengthBounds.low), log(strengthBounds.high))
        func cost(_ x: [Double]) -> Double {
            let s = exp(min(max(x[1], lowS), highS)), m = 1 / (1 + exp(-x[0]))
            return -logLikelihood(units, m * s, (1 - m) * s)
        }
        let best = nelderMead(cost, start: start)
        let s = exp(min(max(best[1], lowS), highS)), m = 1 / (1 + exp(-best[0]))
        return BetaPrior(alpha: m * s, beta: (1 - m) * s, units: units.count)
    }

    /// Minimises f from `start` (standard coefficients; stops when the simplex's values agree to 1e-12).
    static func nelderMead(_ f: ([Double]) -> Double, start: [Double], step: Double = 0.5) -> [Double] {
        let dimensions = start.count
        var simplex = [start] + (0..<dimensions).map { i in
            var p = start
            p[i] += step
            return p
        }
        var values = simplex.map(f)
        for _ in 0..<5_000 {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if abs(values[dimensions] - values[0]) <= 1e-12 * (abs(values[0]) + 1e-12) { break }
            let centroid = (0..<dimensions).map { d in simplex[..<dimensions].reduce(0) { $0 + $1[d] } / Double(dimensions) }
            func along(_ t: Double) -> [Double] { (0..<dimensions).map { centroid[$0] + t * (simplex[dimensions][$0] - centroid[$0]) } }
            let reflected = along(-1), fr = f(reflected)
            if fr < values[0] {
                let expanded = along(-2), fe = f(expanded)
                (simplex[dimensions], values[dimensions]) = fe < fr ? (expanded, fe) : (reflected, fr)
            } else if fr < values[dimensions - 1] {
                (simplex[dimensions], values[dimensions]) = (reflected, fr)
            } else {
                let contracted = fr < values[dimensions] ? along(-0.5) : along(0.5)
                let fc = f(contracted)
                if fc < min(fr, values[dimensions]) {
                    (simplex[dimensions], values[dimensions]) = (contracted, fc)
                } else {
                    for i in 1...dimensions {
                        simplex[i] = (0..<dimensions).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) }
                        values[i] = f(simplex[i])
                    }
                }
            }
        }
        return simplex[values.indices.min { values[$0] < values[$1] } ?? 0]
    }
}
