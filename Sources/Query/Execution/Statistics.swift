// Statistics for small counts: Wilson score intervals and exact binomial tails
// (the verdicts of `vs national` are in Dispersion.swift).


#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
enum Statistics {
    /// 95 % Wilson score interval for k of n, in [0, 1]; nil when n is 0.
    static func wilson(_ k: Int, _ n: Int, z: Double = 1.96) -> (low: Double, high: Double)? {
        guard n > 0 else { return nil }
        let n = Double(n), k = Double(k)
        let z2 = z * z
        let centre = 2 * k + z2
        let spread = z * (z2 + 4 * k * (1 - k / n)).squareRoot()
        let denominator = 2 * (n + z2)
        return (max(0, (centre - spread) / denominator), min(1, (centre + spread) / denominator))
    }

    /// P(X ≥ k) for X ~ Binomial(n, p).
    static func binomialTail(atLeast k: Int, _ n: Int, _ p: Double) -> Double {
        k <= 0 ? 1 : 1 - binomialTail(atMost: k - 1, n, p)
    }

    /// P(X ≤ k) for X ~ Binomial(n, p), summed in log space for stability.
    static func binomialTail(atMost k: Int, _ n: Int, _ p: Double) -> Double {
        if k < 0 { return 0 }
        if k >= n { return 1 }
        let logP = log(p), logQ = log(1 - p)
        var logPMF = Double(n) * logQ  // P(X = 0)
        var sum = exp(logPMF)
        if k == 0 { return sum }
        for i in 1...k {
            logPMF += log(Double(n - i + 1)) - log(Double(i)) + logP - logQ
            sum += exp(logPMF)
        }
        return min(1, sum)
    }
}
