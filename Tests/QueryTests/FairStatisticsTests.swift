// Fair comparisons (issue 10) checked against values computed independently with
// numpy/scipy by Tests/Reference/fair_reference.py (which reads the shipped outcome
// files directly, not through dkq): overdispersion, FDR, shrinkage, change, standardisation.

import Testing
@testable import Query

@Suite struct FairStatisticsTests {
    static func close(_ a: Double?, _ b: Double, _ tolerance: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    static func demo(_ query: String) -> ResultSet? {
        guard var engine = Golden.engine else { return nil }
        let outputs = engine.run(query)
        guard outputs.count == 1, case .table(let result) = outputs[0] else { return nil }
        return result
    }

    static func number(_ value: Value) -> Double? {
        switch value {
        case .number(let x, _, _): x
        case .integer(let i): Double(i)
        default: nil
        }
    }

    static func row(_ result: ResultSet, _ name: String) -> [String: Value] {
        guard let row = result.rows.first(where: { $0[0].textValue == name }) else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(result.columns.map(\.name), row))
    }

    // MARK: Distributions (scipy.stats / scipy.special)

    @Test func normalAndBetaFunctionsMatchScipy() {
        #expect(Self.close(Distributions.normalCDF(1.2345), 0.891491676637, 1e-11))
        #expect(Self.close(Distributions.twoSidedP(2.5), 0.012419330652, 1e-11))
        #expect(Self.close(Distributions.incompleteBeta(0.3, 2.5, 7.0), 0.641222462972, 1e-11))
        #expect(Self.close(Distributions.incompleteBeta(0.9, 0.5, 0.5), 0.795167235301, 1e-11))
        #expect(Self.close(Distributions.incompleteBeta(0.15, 30, 200), 0.814253417572, 1e-10))
        #expect(Self.close(Distributions.incompleteBeta(0.5, 1000, 1000), 0.5, 1e-11))
        #expect(Self.close(Distributions.betaQuantile(0.025, 12, 30), 0.161298569714, 1e-10))
        #expect(Self.close(Distributions.betaQuantile(0.975, 12, 30), 0.429444705266, 1e-10))
        #expect(Self.close(Distributions.betaQuantile(0.5, 0.7, 3), 0.132812962292, 1e-10))
    }

    @Test func quantileIsNumpysDefault() {
        let sorted = [3.0, 1, 4, 1, 5, 9, 2, 6].sorted()
        #expect(Self.close(Distributions.quantile(sorted, 0.1), 1.0, 1e-12))
        #expect(Self.close(Distributions.quantile(sorted, 0.9), 6.9, 1e-12))
    }

    // MARK: Overdispersion and multiplicity

    @Test func spiegelhalterOnSmallExample() throws {
        let units = [(3, 10), (10, 40), (0, 5), (25, 60), (7, 30), (12, 25)].map { (k: $0.0, n: $0.1) }
        let estimate = try #require(Funnel.estimate(units, target: 0.3))
        #expect(Self.close(estimate.phi, 1.8453685672, 1e-9))
        #expect(Self.close(estimate.tau2, 0.0117038088, 1e-9))
        let expected = [1.0, 0.6757704286, 0.0196235066, 0.3326971835, 0.5937296528, 0.2073580445]
        for (unit, p) in zip(units, expected) {
            #expect(Self.close(Funnel.adjustedP(unit.k, unit.n, target: 0.3, tau2: estimate.tau2), p, 1e-9))
        }
        #expect(Self.close(Funnel.exactP(12, 25, target: 0.3), 0.088492994783, 1e-11))
    }

    @Test func benjaminiHochbergMatchesReference() {
        let q = Funnel.benjaminiHochberg([0.01, 0.04, 0.03, 0.20, 0.001])
        for (a, b) in zip(q, [0.025, 0.05, 0.05, 0.2, 0.005]) { #expect(Self.close(a, b, 1e-12)) }
    }

    @Test func demo2022FunnelFlagsWhatTheReferenceFlags() throws {
        let result = try #require(Self.demo("rate by municipality year 2022 vs national"))
        let verdicts = result.rows.compactMap { row -> String? in if case .text(let v) = row.last { v } else { nil } }
        #expect(verdicts.count == 98)
        // fair_reference.py: phi = 2.396884, tau = 0.064316; with p = max(adjusted, exact) 12 flagged
        // at 95 %, 1 at 99.8 % (the arcsine test alone flags 14: also Ærø and Læsø, 0 of 5 each).
        #expect(verdicts.filter { $0 != "within" }.count == 12)
        #expect(Self.row(result, "Læsø")["verdict"] == .text("within"))
        #expect(verdicts.filter { $0.hasSuffix("(99.8 %)") }.count == 1)
        #expect(result.noteLines().contains { $0.contains("φ = 2.40, τ = 0.064") && $0.contains("Spiegelhalter 2005") })
        #expect(result.noteLines().contains { $0.contains("Flagged 12 of 98 at 95 % (chance alone would flag about 4.9) and 1 at 99.8 % (about 0.2)") })
        #expect(Self.row(result, "Aalborg")["verdict"] == .text("within"))  // adjusted p = 0.3197 (exact p = 0.0178)

        let exact = try #require(Self.demo("rate by municipality year 2022 vs national exact"))
        let exactVerdicts = exact.rows.compactMap { row -> String? in if case .text(let v) = row.last { v } else { nil } }
        #expect(exactVerdicts.filter { $0 != "within" }.count == 23)
        #expect(exactVerdicts.filter { $0.hasSuffix("(99.8 %)") }.count == 8)
        #expect(Self.row(exact, "Aalborg")["verdict"] == .text("over (95 %)"))

        let fdr = try #require(Self.demo("rate by municipality year 2022 vs national fdr"))
        #expect(fdr.rows.filter { $0.last != .text("within") }.count == 1)
    }

    @Test func verdictDoesNotDependOnWhichMunicipalitiesAreShown() throws {
        // φ and τ come from all 98 municipalities under the same conditions, so a region's
        // table gives each municipality the verdict it has in the whole country's table.
        let all = try #require(Self.demo("rate by municipality year 2021 vs national"))
        let north = try #require(Self.demo("rate by municipality where region = Nordjylland year 2021 vs national"))
        #expect(north.rows.count == 11)
        for row in north.rows {
            guard case .text(let name) = row[0] else { continue }
            #expect(Self.row(all, name)["verdict"] == row.last, "\(name)")
        }
        #expect(north.noteLines().contains { $0.contains("between the 98 municipalities") })
        let one = try #require(Self.demo("rate where municipality = Aalborg year 2021 vs national"))
        #expect(one.rows.first?.last == Self.row(all, "Aalborg")["verdict"])
    }

    // MARK: Shrinkage

    @Test func betaBinomialMaximumLikelihoodOnSmallExample() throws {
        let units = [(3, 10), (10, 40), (0, 5), (25, 60), (7, 30), (12, 25)].map { (k: $0.0, n: $0.1) }
        let prior = try #require(Shrinkage.fit(units))
        #expect(Self.close(prior.alpha, 17.13698615, 1e-3))
        #expect(Self.close(prior.beta, 35.52266703, 2e-3))
        #expect(Shrinkage.fit(Array(units.prefix(4))) == nil)
    }

    @Test func demo2022ShrunkRatesMatchReference() throws {
        let result = try #require(Self.demo("rate_shrunk, rate_shrunk_low, rate_shrunk_high, rate by municipality year 2022"))
        // fair_reference.py: prior Beta(12.636050, 21.768521) fitted by maximum likelihood.
        let expected: [(String, Double, Double, Double)] = [
            ("København", 38.953625, 36.273307, 41.667307), ("Læsø", 32.067473, 18.636939, 47.221733),
            ("Aalborg", 43.604753, 38.298031, 48.985041), ("Fanø", 36.223749, 22.319828, 51.419797),
        ]
        for (name, shrunk, low, high) in expected {
            let row = Self.row(result, name)
            #expect(Self.close(row["rate_shrunk"].flatMap(Self.number), shrunk, 1e-3), "\(name)")
            #expect(Self.close(row["rate_shrunk_low"].flatMap(Self.number), low, 1e-3), "\(name)")
            #expect(Self.close(row["rate_shrunk_high"].flatMap(Self.number), high, 1e-3), "\(name)")
        }
        #expect(result.noteLines().contains { $0.contains("prior Beta(12.6, 21.8)") })
    }

    // MARK: Change and standardisation

    @Test func twoProportionTestMatchesReference() {
        #expect(Self.close(Change.twoProportionP(30, 100, 45, 110), 0.09939953216165574, 1e-12))
        #expect(Self.close(Change.twoProportionP(125, 486, 157, 502), 0.05326191, 1e-8))
        #expect(Self.close(Change.twoProportionP(342, 1089, 476, 1220), 0.00013492, 1e-8))
        #expect(Change.verdict(342, 1089, 476, 1220) == "up (99.8 %)")
        #expect(Change.verdict(125, 486, 157, 502) == "no clear change")
        #expect(Change.twoProportionP(0, 10, 0, 12) == nil)
    }

    @Test func demoChangeMatchesReference() throws {
        let result = try #require(Self.demo("rate by municipality year 2022 vs 2021"))
        let aarhus = Self.row(result, "Aarhus")
        #expect(Self.close(aarhus["change_rate"].flatMap(Self.number), 5.5547, 1e-3))
        #expect(aarhus["then_cases"] == .integer(486) && aarhus["cases"] == .integer(502))
        #expect(aarhus["change"] == .text("no clear change"))
        #expect(Self.row(result, "København")["change"] == .text("up (99.8 %)"))
    }

    @Test func byarIntervalMatchesReference() {
        let zero = Standardisation.byar(0), seven = Standardisation.byar(7), many = Standardisation.byar(150)
        #expect(zero.low == 0 && Self.close(zero.high, 3.668097492455418, 1e-10))
        #expect(Self.close(seven.low, 2.8043789005784183, 1e-10) && Self.close(seven.high, 14.423413458288161, 1e-10))
        #expect(Self.close(many.low, 126.95427884159383, 1e-9) && Self.close(many.high, 176.01864847236456, 1e-9))
    }

    @Test func demoStandardisedRatioMatchesReference() throws {
        let result = try #require(Self.demo("std_ratio, std_ratio_low, std_ratio_high, expected, reversed by municipality year 2022"))
        for (name, o, e, ratio, low, high) in [("Aarhus", 157.0, 185.595433, 0.845926, 0.718769, 0.989092),
                                               ("København", 476.0, 466.089582, 1.021263, 0.931563, 1.117268)] {
            let row = Self.row(result, name)
            #expect(row["reversed"].flatMap(Self.number) == o)
            #expect(Self.close(row["expected"].flatMap(Self.number), e, 1e-5), "\(name)")
            #expect(Self.close(row["std_ratio"].flatMap(Self.number), ratio, 1e-6), "\(name)")
            #expect(Self.close(row["std_ratio_low"].flatMap(Self.number), low, 1e-6), "\(name)")
            #expect(Self.close(row["std_ratio_high"].flatMap(Self.number), high, 1e-6), "\(name)")
        }
    }
}
