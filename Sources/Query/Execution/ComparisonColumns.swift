// What the columns a comparison adds mean (`describe verdict`, `describe then_rate`):
// the columns of `vs national` and `vs YEAR`, and the pooling clause.

enum ComparisonColumns {
    /// The text `describe` prints for a comparison column or clause, or nil.
    static func describe(_ name: String) -> String? {
        let folded = foldName(name)
        if let text = entries.first(where: { foldName($0.0) == folded })?.1 { return text }
        for (prefix, text) in prefixes where folded.hasPrefix(prefix) {
            let measure = String(folded.dropFirst(prefix.count))
            if let m = Schema.measure(named: measure) {
                return "\(prefix)\(m.name): " + text.split(separator: "M", omittingEmptySubsequences: false).joined(separator: m.name)
            }
        }
        return nil
    }

    /// The Danish text for a comparison column or clause, or nil.
    static func describeInDanish(_ name: String) -> String? {
        // The Danish header of a column (vurdering, udvikling) names it too.
        var folded = foldName(name)
        if let english = Renderer.danishHeaders.first(where: { foldName($0.value) == folded })?.key { folded = english }
        if let text = entriesDa.first(where: { foldName($0.0) == folded })?.1 { return text }
        for (prefix, text) in prefixesDa where folded.hasPrefix(prefix) {
            let measure = String(folded.dropFirst(prefix.count))
            if let m = Schema.measure(named: measure) {
                return "\(prefix)\(m.name) (\(Renderer.header(prefix + m.name, .da))): " + text.split(separator: "M", omittingEmptySubsequences: false).joined(separator: m.words.da)
            }
        }
        return nil
    }

    static let entriesDa: [(String, String)] = [
        ("verdict", """
            verdict / vurdering (vs national): om rækkens omgørelsesprocent ligger længere fra procenten på landsplan, end tilfældigheder kan forklare: over (95 %), over (99,8 %), inden for, under (95 %), under (99,8 %).
              metode: når rækkerne er kommuner eller regioner, og de varierer mere end binomiale tilfældigheder tillader, Spiegelhalters (2005) tragt justeret for overdispersion (arcsin-skala, φ og τ²), men aldrig stærkere end den eksakte binomialtest; ellers (og med 'vs national exact') den eksakte binomialtest, p = 2 × den mindste hale. Niveauer: p < 0,05 og p < 0,002. 'vs national fdr' bruger Benjamini-Hochberg-justerede p-værdier. Noten under tabellen giver φ, τ, metoden, og hvor mange rækker tilfældigheder alene ville markere.
              kilder: D. Spiegelhalter, Statistics in Medicine 24 (2005) 1185-1202; Benjamini & Hochberg, JRSS B 57 (1995) 289-300. (describe verdict med --language en giver hele formlen.)
            """),
        ("change", """
            change / udvikling (vs ÅR): om omgørelsesprocenten har flyttet sig mere, end tilfældigheder kan forklare, mellem de to perioder: op (95 %), op (99,8 %), ingen klar ændring, ned (95 %), ned (99,8 %).
              metode: test af to andele med fælles procent, z = (p2 − p1) / √(p(1 − p)(1/n1 + 1/n2)); niveauer p < 0,05 og p < 0,002. Den antager binomial variation (overdispergerede data giver for mange udslag), og ekstreme rækker bevæger sig af sig selv mod gennemsnittet (regression mod middelværdien).
            """),
        ("rolling", """
            rolling N (eller over N years): hvert år lagt sammen med de N − 1 foregående, så en lille kommunes procent bygger på flere sager: rate by municipality year 2022 rolling 3 dækker 2020–2022; med 'by year' er hver række et glidende vindue. Procenter er stadig forholdet mellem summerede tal.
            """),
    ]

    /// Column prefixes in Danish; "M" stands for the measure's Danish name.
    static let prefixesDa: [(String, String)] = [
        ("national_", "M for alle kommuner under samme betingelser (vs national)"),
        ("diff_", "M minus landsplan, i procentpoint for procenter (vs national)"),
        ("then_", "M for samme række i perioden efter 'vs' (vs ÅR)"),
        ("change_", "M nu minus før, i procentpoint for procenter (vs ÅR)"),
    ]

    /// How a measure fitted on the rows or standardised is computed, with its sources.
    static func method(of measure: Measure) -> String? {
        switch measure.context {
        case .prior:
            return "  method: empirical-Bayes beta-binomial (as D. Robinson's R package ebbr, ebb_fit_prior, and \"Introduction to Empirical Bayes\", 2017): a Beta(α, β) prior fitted by maximum likelihood to the rows of the result that have cases (at least \(Shrinkage.minimumUnits); the footer gives α and β); each row's posterior is Beta(α + reversed, β + cases − reversed): rate_shrunk is its mean, rate_shrunk_low/high its 2.5 % and 97.5 % quantiles. Ranks stay uncertain even after shrinkage (H. Goldstein and D. Spiegelhalter, \"League tables and their limitations\", JRSS A 159 (1996) 385-443). It depends on all the rows compared, so it cannot be a condition in 'where'."
        case .expected:
            return "  method: indirect standardisation for case mix: expected = Σ over paragraphs of the row's cases × that paragraph's national rate (all municipalities, same years and conditions); std_ratio = reversed / expected (1 = as the national paragraph rates predict); 95 % interval by Byar's approximation to the exact Poisson interval for the observed count."
        case nil:
            return nil
        }
    }

    static let entries: [(String, String)] = [
        ("verdict", """
            verdict (vs national): whether the row's rate lies beyond chance from the national rate: over (95 %), over (99.8 %), within, under (95 %), under (99.8 %); in Danish over / inden for / under.
              method: when the rows are municipalities or regions (or the conditions select one municipality) and the municipalities (regions) under the same conditions — all of them, not only the rows shown, at least 5 with cases — vary more than binomial chance allows, Spiegelhalter's (2005) overdispersion-adjusted funnel: on the arcsine scale y = asin(√(k/n)) against θ = asin(√p0), s² = 1/(4n); φ = mean of the z² winsorised at the 10 % and 90 % quantiles; τ² = max(0, (Iφ − (I − 1)) / (Σw − Σw²/Σw)), w = 4n; two-sided p from (y − θ)/√(s² + τ²), but never below the exact binomial p (the arcsine approximation overstates a handful of cases, e.g. 0 of 5). Otherwise (and with 'vs national exact') the exact binomial test: p = 2 × the smaller tail. Levels: p < 0.05 and p < 0.002.
              'vs national fdr' applies the levels to Benjamini-Hochberg adjusted p-values (false discovery rate). The footer gives φ, τ, the method, and how many rows chance alone would flag.
              sources: D. Spiegelhalter, Statistics in Medicine 24 (2005) 1185-1202; Quality and Safety in Health Care 14 (2005) 347-351; Benjamini & Hochberg, JRSS B 57 (1995) 289-300.
            """),
        ("change", """
            change (vs YEAR): whether the rate moved beyond chance between the two periods: up (95 %), up (99.8 %), no clear change, down (95 %), down (99.8 %); in Danish op / ingen klar ændring / ned.
              method: two-proportion z-test with the pooled rate, z = (p2 − p1) / √(p(1 − p)(1/n1 + 1/n2)); levels p < 0.05 and p < 0.002. It assumes binomial variation (overdispersed data make it flag too many), and extreme rows tend to move towards the average by chance (regression to the mean). The footer says how many changes chance alone would flag.
            """),
        ("rolling", """
            rolling N (or over N years): each year pooled with the N − 1 years before it, so a small municipality's rate rests on more cases: rate by municipality year 2022 rolling 3 covers 2020–2022; with 'by year' every row is a moving window. Rates stay ratios of summed counts; the footer says which years each row pools.
            """),
    ]

    /// Column prefixes and what they mean; "M" stands for the measure.
    static let prefixes: [(String, String)] = [
        ("national_", "M of all municipalities under the same conditions (vs national)"),
        ("diff_", "M − national_M, in percentage points for rates (vs national)"),
        ("then_", "M of the same row in the period after 'vs' (vs YEAR)"),
        ("change_", "M now − then_M, in percentage points for rates (vs YEAR)"),
    ]
}
