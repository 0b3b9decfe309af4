// `vs YEAR`: the change between two periods in percentage points and whether it
// exceeds chance (two-proportion z-test with pooled p, as statistics.md gives).

enum Change {
    /// Two-sided p-value for k1 of n1 (then) against k2 of n2 (now); nil when either n is 0
    /// or the pooled rate is 0 or 1 (no variation to test against).
    static func twoProportionP(_ k1: Int, _ n1: Int, _ k2: Int, _ n2: Int) -> Double? {
        guard n1 > 0, n2 > 0 else { return nil }
        let pooled = Double(k1 + k2) / Double(n1 + n2)
        guard pooled > 0, pooled < 1 else { return nil }
        let difference = Double(k2) / Double(n2) - Double(k1) / Double(n1)
        let se = (pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
        return Distributions.twoSidedP(difference / se)
    }

    /// "up (95 %)", "down (99.8 %)", "no clear change"; nil when untested.
    static func verdict(_ k1: Int, _ n1: Int, _ k2: Int, _ n2: Int) -> String? {
        guard let p = twoProportionP(k1, n1, k2, n2) else { return nil }
        let up = Double(k2) * Double(n1) > Double(k1) * Double(n2)
        for level in Funnel.levels where p < level.p { return "\(up ? "up" : "down") (\(level.label))" }
        return "no clear change"
    }

    /// The verdict in Danish.
    static func danish(_ verdict: String) -> String { Funnel.danish(verdict) }
}
