// `std_ratio`: indirect standardisation for case mix. Expected reversals are each
// group's cases per paragraph times the national rate of that paragraph; the ratio
// observed / expected gets Byar's approximation to the exact Poisson interval.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum Standardisation {
    /// Byar's 95 % interval for a Poisson count O (lower 0 when O is 0).
    static func byar(_ observed: Int, z: Double = 1.96) -> (low: Double, high: Double) {
        let o = Double(observed)
        let low = observed == 0 ? 0 : o * pow(1 - 1 / (9 * o) - z / (3 * o.squareRoot()), 3)
        let high = (o + 1) * pow(1 - 1 / (9 * (o + 1)) + z / (3 * (o + 1).squareRoot()), 3)
        return (low, high)
    }
}
