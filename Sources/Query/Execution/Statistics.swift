// Statistics for small counts: Wilson score intervals and exact binomial tails
// (the verdicts of `vs national` are in Dispersion.swift).


#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
enum Statistics {
    /// `numerator / denominator` rounded half away from zero to `decimals` places, in integer
    /// arithmetic (so a tie like 152.25 → 152.3 is never lost to binary fractions); nil when the denominator is 0.
    static func roundedMean(_ numerator: Int, over denominator: Int, decimals: Int) -> Double? {
        guard denominator > 0 else { return nil }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let magnitude = (2 * scale * abs(numerator) + denominator) / (2 * denominator)
        return Double(numerator < 0 ? -magnitude : magnitude) / Double(scale)
    }

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

    /// P(X ≤ k) for X ~ Binomial(n, p). The sum starts at k and runs away from the mean
    /// (from the upper side when k is above the mean), where the terms shrink at least
    /// geometrically, and stops once they no longer change the sum: a few steps in a far
    /// tail, about ten standard deviations' worth near the mean, never one step per case.
    static func binomialTail(atMost k: Int, _ n: Int, _ p: Double) -> Double {
        if k < 0 { return 0 }
        if k >= n { return 1 }
        let odds = p / (1 - p)
        if Double(k) < Double(n) * p {
            var term = exp(logPMF(k, n, p)), sum = term, i = k
            while i > 0, term > sum * 1e-17 {
                term *= Double(i) / Double(n - i + 1) / odds
                sum += term
                i -= 1
            }
            return min(1, sum)
        }
        var term = exp(logPMF(k + 1, n, p)), sum = term, i = k + 1
        while i < n, term > sum * 1e-17 {
            term *= Double(n - i) / Double(i + 1) * odds
            sum += term
            i += 1
        }
        return max(0, 1 - sum)
    }

    /// log P(X = i) for X ~ Binomial(n, p), by Loader's saddle-point form (as R's dbinom):
    /// accurate to about 1e-13 even for n in the billions, where log-gamma differences are not.
    static func logPMF(_ i: Int, _ n: Int, _ p: Double) -> Double {
        let q = 1 - p
        if i == 0 { return Double(n) * log1p(-p) }
        if i == n { return Double(n) * log(p) }
        let (x, m) = (Double(i), Double(n))
        let correction = stirlingError(m) - stirlingError(x) - stirlingError(m - x) - deviance(x, m * p) - deviance(m - x, m * q)
        return correction - 0.5 * (log(2 * Double.pi) + log(x) + log1p(-x / m))
    }

    /// log(n!) - log(√(2πn) (n/e)^n).
    static func stirlingError(_ n: Double) -> Double {
        if n <= 15 { return lgamma(n + 1) - (n + 0.5) * log(n) + n - 0.5 * log(2 * Double.pi) }
        let nn = n * n
        return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - 1.0 / (1188 * nn)) / nn) / nn) / nn) / n
    }

    /// x log(x / m) + m - x without cancellation when x is near m.
    static func deviance(_ x: Double, _ m: Double) -> Double {
        guard abs(x - m) < 0.1 * (x + m) else { return x * log(x / m) + m - x }
        var v = (x - m) / (x + m)
        var sum = (x - m) * v
        var term = 2 * x * v
        v *= v
        for j in 1..<1000 {
            term *= v
            let next = sum + term / Double(2 * j + 1)
            if next == sum { return next }
            sum = next
        }
        return sum
    }
}
