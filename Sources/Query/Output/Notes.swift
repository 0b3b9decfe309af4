// Footer notes as values (a kind and its figures), and their wording in English and
// Danish: the one place a note becomes text, so it can be translated, styled or placed.

/// One footer note of a result.
public indirect enum Note: Sendable, Equatable {
    /// No time clause: the latest year was taken.
    case defaultYear(Int)
    /// A condition on a paragraph followed it into its successor under a new law.
    case crosswalk(oldLaw: String, old: String, newLaw: String, new: String)
    /// The periods covered (year × 4 + quarter − 1); empty: nothing in the chosen periods.
    case periods([Int])
    /// Synthetic demo data was used: always said, in every format and language.
    case synthetic(sources: [Citation])
    /// The real sources used, cited.
    case sources([Citation])
    case mixedSources
    /// Years of yearly data left out because only some quarters were chosen.
    case yearlySkipped([Int])
    case emptyQuarterIsYearly
    /// Municipalities without data (`count`, the first names); `grouped`: left out of the rows.
    case noDataFor(count: Int, names: [String], grouped: Bool)
    /// Where population figures come from.
    case population(years: [Int], source: Citation)
    case populationUnconfirmed(years: [Int])
    /// A municipality's own comment on its figures.
    case comment(municipality: String, year: Int, area: String, text: String)
    case missingDenominators(Int, of: Int)
    /// How `days` is computed, and why there is no median.
    case daysMean
    /// Where the total decisions come from (`synthetic`: the demo, whose own source line says how it was made).
    case decisions(years: [Int], source: String, synthetic: Bool)
    /// Rows some (municipality, year, area) of which has no decisions figure.
    case missingDecisions(Int, of: Int)
    case fewCases(Int, of: Int)
    case noCases(Int, of: Int)
    case nationalColumns
    case nationalCoverage(Int, of: Int)
    /// `top`/`bottom` kept `shown` of `total` rows.
    case cut(top: Bool, shown: Int, of: Int)
    case limited(shown: Int, of: Int)
    /// Grouping by area: the areas overlap.
    case areasOverlap
    /// The result crosses 1 January 2024 (Barnets lov); `moves`: "Serviceloven § 41 → Barnets lov § 86".
    case lawBreak(moves: [String])
    /// Years only partly covered by the data.
    case coverage([PartialCoverage])
    /// Rows with cells the source marks missing ('..').
    case missingCells(Int, of: Int)
    /// rate_shrunk: no prior (fewer than `minimum` rows with cases), or the fitted prior.
    case shrinkageEmpty(minimum: Int)
    case shrinkage(alpha: Double, beta: Double, units: Int, mean: Double)
    case expectedMethod
    /// `vs YEAR`: what then_* and change_* are; the periods as named in the query ("2021").
    case changeColumns(then: String?, now: String?, rolling: Int?)
    case changeMethod
    case changesFlagged(Int, of: Int, strong: Int)
    /// A note about the other period of `vs YEAR` (its sources).
    case forThen(Note)
    /// `rolling N` by year: the first (and last) year shown with the years pooled; years pooling fewer.
    case rollingByYear(n: Int, first: Int, firstPooled: [Int], last: Int?, lastPooled: [Int], short: [Int], dataStart: Int)
    case rollingPooled(n: Int, years: [Int], dataStart: Int?)
    /// Rows tied with the last one shown and cut.
    case tie(count: Int, column: String, value: String, names: [String], top: Bool, tied: Int)
    /// A ranking by a raw rate over rows with fewer than 30 cases.
    case smallCountRanking(measure: String, small: Int, shown: Int)
    /// The `vs national` verdict's method; `unit` is the dimension of the funnels ("municipality").
    case verdictExact
    case verdictAdjusted(unit: String, units: Int?, funnels: Int, phi: ClosedRange<Double>, tau: ClosedRange<Double>)
    case exactFunnels(Int, of: Int)
    case verdictNotUnits
    case verdictNoOverdispersion(unit: String, units: Int, phi: Double)
    case verdictTooFewUnits(unit: String)
    case flagged(Int, of: Int, strong: Int, fdr: Bool)
    /// Fixed texts of `show` and `check` tables.
    case remark(Remark)
    case checkAgree(Int, of: Int)
    case checkWaiting(Int)
    case checkCoverage(PartialCoverage)
    /// Any other note, worded once (not translated).
    case text(String)

    /// Fixed notes of `show` and `check`.
    public enum Remark: Sendable, Equatable {
        case municipalitiesSource, paragraphsSource, publishedSource, noComments, syntheticDatasets
        case checkPublished, checkNothingPublished, checkSynthetic
    }

    /// The note in words.
    public func text(_ language: Language = .en) -> String {
        let da = language == .da
        func years(_ list: [Int]) -> String { Binder.describeYears(list) }
        switch self {
        case .defaultYear(let year):
            return da ? "År \(year), det seneste i data (vælg andre med 'år')." : "Year \(year), the latest in the data (choose others with 'year')."
        case .crosswalk(let oldLaw, let old, let newLaw, let new):
            return da
                ? "\(oldLaw) \(old) fortsætter som \(newLaw) \(new): betingelsen på \(old) dækker begge."
                : "\(oldLaw) \(old) continues as \(newLaw) \(new): the condition on \(old) covers both."
        case .periods(let periods):
            return Self.periods(periods, language)
        case .synthetic(let cited):
            let list = cited.map { $0.text(language) }.joined(separator: "; ")
            return da ? "SYNTETISKE DEMODATA. Kilde: \(list)." : "SYNTHETIC DEMO DATA. Source: \(list)."
        case .sources(let cited):
            let list = cited.map { $0.text(language) }.joined(separator: "; ")
            return (da ? "Kilde" + (cited.count == 1 ? "" : "r") : cited.count == 1 ? "Source" : "Sources") + ": \(list)."
        case .mixedSources:
            return da ? "Resultatet blander rigtige og syntetiske data." : "This result combines real and synthetic data."
        case .yearlySkipped(let list):
            return da
                ? "\(years(list)): kun årstal, udeladt fordi kun nogle kvartaler er valgt."
                : "\(years(list)): yearly data only, left out because only some quarters were chosen."
        case .emptyQuarterIsYearly:
            return da ? "Et tomt kvartal markerer årsdata, der ikke er delt på kvartaler." : "An empty quarter marks yearly data that is not split by quarter."
        case .noDataFor(let count, let names, let grouped):
            let list = names.joined(separator: ", ")
            if da {
                let who = count == 1 ? list : "\(count) kommuner (\(list)\(count > 3 ? ", …" : ""))"
                return "Ingen data for \(who) i den valgte periode: \(grouped ? "ikke vist" : "tallene dækker kommunerne med data")."
            }
            let who = count == 1 ? list : "\(count) municipalities (\(list)\(count > 3 ? ", …" : ""))"
            return "No data for \(who) in the chosen period: \(grouped ? "not shown" : "the figures cover the municipalities with data")."
        case .population(let list, var source):
            source.years = []
            return da ? "Befolkning \(years(list)), 1. januar: \(source.text(language))." : "Population \(years(list)), 1 January: \(source.text(language))."
        case .populationUnconfirmed(let list):
            return da
                ? "Befolkning \(years(list)) er afskrevet, men ikke bekræftet af en uafhængig kopi."
                : "Population \(years(list)) is transcribed but not confirmed by an independent copy."
        case .comment(let municipality, let year, let area, let text):
            return da ? "Kommentar fra \(municipality) (\(year), \(area)): \(text)" : "Comment from \(municipality) (\(year), \(area)): \(text)"
        case .missingDenominators(let missing, let rows):
            return da
                ? "\(missing) af \(rows) række\(rows == 1 ? "" : "r") mangler befolknings- eller modtagertal for et kommune-år, de dækker: deres tal pr. indbygger er tomme."
                : "\(missing) of \(rows) row\(rows == 1 ? "" : "s") \(missing == 1 ? "lacks" : "lack") population or recipient figures for some municipality-year \(missing == 1 ? "it covers: its" : "they cover: their") per-capita values are left empty."
        case .decisions(let list, let source, let synthetic):
            if synthetic {
                return da
                    ? "Afgørelser i alt \(years(list)): SYNTETISKE DEMODATA – ikke rigtige tal: \(source)."
                    : "Total decisions \(years(list)): SYNTHETIC DEMO DATA – not real figures: \(source)."
            }
            return da ? "Afgørelser i alt \(years(list)): \(source)." : "Total decisions \(years(list)): \(source)."
        case .missingDecisions(let missing, let rows):
            return da
                ? "\(missing) af \(rows) række\(rows == 1 ? "" : "r") mangler et tal for afgørelser i alt for et kommune-år-område, de dækker: deres tal pr. 1.000 afgørelser er tomme, ikke 0."
                : "\(missing) of \(rows) row\(rows == 1 ? "" : "s") \(missing == 1 ? "lacks" : "lack") a total-decisions figure for some municipality-year-area \(missing == 1 ? "it covers: its" : "they cover: their") per-1,000-decisions values are left empty, not 0."
        case .daysMean:
            return da
                ? "sagsbehandlingstid = gennemsnit over de afgjorte sager i celler med kendt sagsbehandlingstid (days_n), regnet eksakt og afrundet med 5 opad. Data giver hver celles gennemsnit, ikke hver sags tid, så en median kan ikke beregnes."
                : "days = mean over the decided complaints in cells whose processing time is known (days_n), computed exactly and rounded half away from zero. The data gives each cell's mean, not each case's time, so no median can be computed."
        case .fewCases(let few, let rows):
            return da
                ? "\(few) af \(rows) række\(rows == 1 ? "" : "r") bygger på færre end 10 sager: så små procenter siger lidt (tilføj rate_low, rate_high for 95 %-intervaller)."
                : "\(few) of \(rows) row\(rows == 1 ? "" : "s") \(few == 1 ? "rests" : "rest") on fewer than 10 cases: rates that small say little (add rate_low, rate_high for 95 % intervals)."
        case .noCases(let none, let rows):
            return da
                ? "\(none) af \(rows) række\(rows == 1 ? "" : "r") har ingen sager: deres procenter er tomme."
                : "\(none) of \(rows) row\(rows == 1 ? "" : "s") \(none == 1 ? "has no cases: its rate is" : "have no cases: their rates are") left empty."
        case .nationalColumns:
            return da
                ? "landsplan = alle kommuner under samme betingelser; forskel = forskellen til landsplan, i procentpoint for procenter."
                : "national_* = all municipalities under the same conditions; diff_* in percentage points."
        case .nationalCoverage(let present, let all):
            return da
                ? "Data for disse år dækker \(present) af \(all) kommuner: landsplan_* er deres total, ikke hele landets."
                : "The data for these years covers \(present) of \(all) municipalities: national_* is their total, not the whole country's."
        case .cut(let top, let shown, let total):
            return da ? "\(top ? "Top" : "Bund") \(shown) af \(total) rækker." : "\(top ? "Top" : "Bottom") \(shown) of \(total) rows."
        case .limited(let shown, let total):
            return da ? "Viser \(shown) af \(total) rækker (højst \(shown))." : "Showing \(shown) of \(total) rows (limit \(shown))."
        case .areasOverlap:
            return da
                ? "Områderne overlapper: børnehandicap og voksenhandicap er dele af socialområdet generelt, så deres rækker må ikke lægges sammen."
                : "The areas overlap: børnehandicap and voksenhandicap are parts of socialområdet generelt, so their rows must not be added."
        case .lawBreak(let moves):
            return da
                ? "Resultatet krydser 1. januar 2024, hvor Barnets lov tog børnebestemmelserne ud af serviceloven (\(moves.joined(separator: ", ")); docs/BARNETS_LOV.md viser alle flytninger): serviceloven dækker forskellige bestemmelser før og efter 2024, og rækker for Barnets lov begynder i 2024."
                : "This result crosses 1 January 2024, when Barnets lov took the children's provisions out of Serviceloven (\(moves.joined(separator: ", ")); docs/BARNETS_LOV.md lists every move): Serviceloven before and after 2024 covers different provisions, and Barnets lov rows begin in 2024."
        case .coverage(let partial):
            let list = partial.map { $0.text(language) }.joined(separator: "; ")
            return da
                ? "Dækning: data for \(list): totaler over dem er ikke tal for hele landet."
                : "Coverage: the data for \(list): totals over it are not national figures."
        case .missingCells(let missing, let rows):
            return da
                ? "\(missing) af \(rows) række\(rows == 1 ? "" : "r") indeholder celler, som kilden markerer som manglende ('..'): tal, der kræver dem, er tomme og tælles aldrig som 0."
                : "\(missing) of \(rows) row\(rows == 1 ? "" : "s") \(missing == 1 ? "includes" : "include") cells the source marks missing ('..'): figures that need them are left empty, never counted as 0."
        case .shrinkageEmpty(let minimum):
            return da
                ? "rate_shrunk er tom: dens prior tilpasses de sammenlignede rækker, og færre end \(minimum) rækker har sager (opdel mere, fx efter kommune)."
                : "rate_shrunk is empty: its prior is fitted on the rows compared, and fewer than \(minimum) rows have cases (group by more, e.g. by municipality)."
        case .shrinkage(let alpha, let beta, let units, let mean):
            let f = { (x: Double) in Self.number(x, 1, language) }
            return da
                ? "rate_shrunk = empirisk Bayes (beta-binomial): prior Beta(\(f(alpha)); \(f(beta))) tilpasset ved maksimum likelihood til de \(units) rækker med sager (gennemsnit \(f(100 * mean)) %, svarende til \(f(alpha + beta)) sager); rate_shrunk_low/high = 95 %-troværdighedsinterval."
                : "rate_shrunk = empirical-Bayes beta-binomial: prior Beta(\(f(alpha)), \(f(beta))) fitted by maximum likelihood to the \(units) rows with cases (mean \(f(100 * mean)) %, worth \(f(alpha + beta)) cases); rate_shrunk_low/high = 95 % credible interval."
        case .expectedMethod:
            return da
                ? "expected = sager pr. paragraf × paragraffens procent på landsplan (alle kommuner, samme år og betingelser); std_ratio = omgjorte / forventede, 95 %-interval ved Byars tilnærmelse til det eksakte Poisson-interval."
                : "expected = cases per paragraph × that paragraph's national rate (all municipalities, same years and conditions); std_ratio = reversed / expected, 95 % interval by Byar's approximation to the exact Poisson interval."
        case .changeColumns(let then, let now, let rolling):
            let suffix = rolling.map { " (rolling \($0))" } ?? ""
            if da {
                let thenText = then.map { $0 + suffix } ?? "den anden periode", nowText = now.map { $0 + suffix } ?? "perioden ovenfor"
                return "før = samme række i \(thenText), nu = \(nowText); ændring = nu − før (procentpoint for procenter)."
            }
            let thenText = then.map { $0 + suffix } ?? "the other period", nowText = now.map { $0 + suffix } ?? "the period above"
            return "then_* = the same row in \(thenText), now = \(nowText); change_* = now − then (percentage points for rates)."
        case .changeMethod:
            return da
                ? "udvikling = test af to andele (fælles procent), under antagelse af binomial variation: overdispergerede data giver for mange udslag, og ekstreme rækker bevæger sig af sig selv mod gennemsnittet (regression mod middelværdien)."
                : "change = two-proportion z-test (pooled rate), assuming binomial variation: overdispersed data make it flag too many, and extreme rows tend to move towards the average by chance (regression to the mean)."
        case .changesFlagged(let at95, let tested, let at998):
            let (c95, c998) = (Self.about(0.05 * Double(tested), language), Self.about(0.002 * Double(tested), language))
            return da
                ? "Ændringer markeret: \(at95) af \(tested) på 95 %-niveau (tilfældigheder alene ville markere omkring \(c95)) og \(at998) på 99,8 %-niveau (omkring \(c998))."
                : "Changes flagged: \(at95) of \(tested) at 95 % (chance alone would flag about \(c95)) and \(at998) at 99.8 % (about \(c998))."
        case .forThen(let note):
            return (da ? "før: " : "then_*: ") + note.text(language)
        case .rollingByYear(let n, let first, let firstPooled, let last, let lastPooled, let short, let start):
            var note = da
                ? "rolling \(n): hvert års række lægger det sammen med de \(n - 1) foregående år (\(first) = \(years(firstPooled))"
                : "rolling \(n): each year's row pools it with the \(n - 1) year\(n == 2 ? "" : "s") before it (\(first) = \(years(firstPooled))"
            if let last { note += ", …, \(last) = \(years(lastPooled))" }
            note += ")."
            if !short.isEmpty {
                note += da
                    ? " \(years(short)) lægger færre år sammen: data begynder i \(start)."
                    : " \(years(short)) pool\(short.count == 1 ? "s" : "") fewer years: the data starts in \(start)."
            }
            return note
        case .rollingPooled(let n, let list, let start):
            var note = da ? "rolling \(n): \(years(list)) lagt sammen" : "rolling \(n): pooled \(years(list))"
            if let start { note += da ? " (færre end \(n) år: data begynder i \(start))" : " (fewer than \(n) years: the data starts in \(start))" }
            return note + "."
        case .tie(let count, let column, let value, let names, let top, let tied):
            let list = names.joined(separator: ", ") + (count > 3 ? ", …" : "")
            let shown = (top ? "top" : (da ? "bund" : "bottom")) + " \(tied)"
            return da
                ? "\(count) række\(count == 1 ? "" : "r") mere står lige med den sidste viste (\(Renderer.header(column, language)) \(value)) og blev skåret fra: \(list); '\(shown)' viser \(count == 1 ? "den" : "dem")."
                : "\(count) more row\(count == 1 ? "" : "s") tie\(count == 1 ? "s" : "") with the last one shown (\(column) \(value)) and \(count == 1 ? "was" : "were") cut: \(list); '\(shown)' shows \(count == 1 ? "it" : "them")."
        case .smallCountRanking(let measure, let small, let shown):
            return da
                ? "Rangeringen efter \(Renderer.header(measure, language)) hviler på små tal: \(small) af de \(shown) viste rækker bygger på færre end 30 sager, hvor tilfældigheder flytter en procent mest. En mere retfærdig rangliste fås med rate_shrunk (sæt den først: rate_shrunk, rate by …), som trækker små tal mod gennemsnittet."
                : "The ranking by \(measure) rests on small counts: \(small) of the \(shown) rows shown \(small == 1 ? "rests" : "rest") on fewer than 30 cases, where chance moves a rate most. For a fairer league table rank by rate_shrunk (put it first: rate_shrunk, rate by …), which pulls small counts towards the average."
        case .verdictExact:
            return da
                ? "vurdering = eksakt binomialtest mod procenten på landsplan, uden hensyn til overdispersion."
                : "verdict = exact binomial test against the national rate, with no allowance for overdispersion."
        case .verdictAdjusted(let unit, let units, let funnels, let phi, let tau):
            func range(_ r: ClosedRange<Double>, _ d: Int) -> String {
                let (a, b) = (Self.number(r.lowerBound, d, language), Self.number(r.upperBound, d, language))
                return a == b ? a : "\(a)–\(b)"
            }
            let plural = Self.plural(unit, language)
            if da {
                let across = units.map { "de \($0) \(plural)" } ?? "\(plural) i hver af \(funnels) tragte"
                return "vurdering = over/under procenten på landsplan ud over tilfældigheder, med overdispersion mellem \(across) (Spiegelhalter 2005, additive tilfældige effekter på arcsin-skalaen, aldrig stærkere end den eksakte binomialtest): φ = \(range(phi, 2)), τ = \(range(tau, 3)); tilføj 'eksakt' efter 'mod landsplan' for den eksakte binomialtest."
            }
            let across = units.map { "the \($0) \(plural)" } ?? "the \(plural) in each of \(funnels) funnels"
            return "verdict = over/under the national rate beyond chance, allowing for overdispersion between \(across) (Spiegelhalter 2005, additive random effects on the arcsine scale, never stronger than the exact binomial test): φ = \(range(phi, 2)), τ = \(range(tau, 3)); add 'exact' after 'vs national' for the exact binomial test."
        case .exactFunnels(let exact, let all):
            return da
                ? "\(exact) af \(all) tragte havde for få enheder eller ingen overdispersion: eksakt binomialtest dér."
                : "\(exact) of \(all) funnels had too few units or no overdispersion: exact binomial test there."
        case .verdictNotUnits:
            return da
                ? "vurdering = eksakt binomialtest mod procenten på landsplan: rækkerne er ikke kommuner eller regioner (overdispersion skønnes kun mellem dem)."
                : "verdict = exact binomial test against the national rate: the rows are not municipalities or regions (overdispersion is estimated between those only)."
        case .verdictNoOverdispersion(let unit, let units, let phi):
            return da
                ? "vurdering = eksakt binomialtest mod procenten på landsplan: ingen overdispersion mellem de \(units) \(Self.plural(unit, language)) (φ = \(Self.number(phi, 2, language)))."
                : "verdict = exact binomial test against the national rate: no overdispersion between the \(units) \(Self.plural(unit, language)) (φ = \(Self.number(phi, 2, language)))."
        case .verdictTooFewUnits(let unit):
            return da
                ? "vurdering = eksakt binomialtest mod procenten på landsplan (for få \(Self.plural(unit, language)) til at skønne overdispersion)."
                : "verdict = exact binomial test against the national rate (too few \(Self.plural(unit, language)) to estimate overdispersion)."
        case .flagged(let f95, let tested, let f998, let fdr):
            if fdr {
                return da
                    ? "Markeret \(f95) af \(tested) på 95 %-niveau og \(f998) på 99,8 %-niveau, med Benjamini-Hochberg-andele af falske fund på 5 % og 0,2 %: omtrent den andel af markeringerne kan være tilfældig."
                    : "Flagged \(f95) of \(tested) at 95 % and \(f998) at 99.8 %, with Benjamini-Hochberg false discovery rates of 5 % and 0.2 %: about that share of the flags may be chance."
            }
            let (c95, c998) = (Self.about(0.05 * Double(tested), language), Self.about(0.002 * Double(tested), language))
            return da
                ? "Markeret \(f95) af \(tested) på 95 %-niveau (tilfældigheder alene ville markere omkring \(c95)) og \(f998) på 99,8 %-niveau (omkring \(c998)); tilføj 'fdr' efter 'mod landsplan' for at styre andelen af falske fund."
                : "Flagged \(f95) of \(tested) at 95 % (chance alone would flag about \(c95)) and \(f998) at 99.8 % (about \(c998)); add 'fdr' after 'vs national' to control the false discovery rate."
        case .remark(let remark):
            return remark.text(language)
        case .checkAgree(let agree, let all):
            return da ? "\(agree) af \(all) tal stemmer." : "\(agree) of \(all) figures \(agree == 1 ? "agrees" : "agree")."
        case .checkWaiting(let waiting):
            return da
                ? "\(waiting) offentliggjorte kommunetal sammenlignes først, når kommunens år er indlæst fra rigtige data."
                : "\(waiting) published municipal figures are compared only once their municipality-year is loaded from real data."
        case .checkCoverage(let partial):
            return da
                ? "AFVIGER for \(partial.year) forklares af dækningen: de indlæste data dækker kun \(partial.quarter.map { "i \(partial.year)K\($0) " } ?? "")\(partial.counts(language)), så 'indlæst' er ikke procenten for hele landet."
                : "DIFFERS for \(partial.year) is explained by coverage: the loaded data covers only \(partial.quarter.map { "in \(partial.year)Q\($0) " } ?? "")\(partial.counts(language)), so 'loaded' is not the national rate."
        case .text(let text):
            return text
        }
    }

    /// A figure with its decimals in the language's style (Danish: comma).
    static func number(_ x: Double, _ decimals: Int, _ language: Language) -> String {
        let text = Renderer.formatDecimal(x, decimals)
        return language == .da ? text.replacingAll(".", with: ",") : text
    }

    /// An expected count: one decimal, more below 0.1 ("4.9", "0.02", "0.004").
    static func about(_ x: Double, _ language: Language) -> String { number(x, x < 0.01 ? 3 : (x < 0.1 ? 2 : 1), language) }

    /// "municipalities" / "kommuner" for a dimension's name.
    static func plural(_ dimension: String, _ language: Language) -> String {
        Schema.dimensions.first { $0.name == dimension }?.words.plural(language) ?? dimension
    }

    /// "Years: 2019–2023", or quarter runs when some year is not whole.
    static func periods(_ periods: [Int], _ language: Language) -> String {
        let da = language == .da
        if periods.isEmpty { return da ? "Ingen data for de valgte år og kvartaler." : "No data for the chosen years and quarters." }
        let set = Set(periods)
        let years = Set(periods.map { $0 / 4 })
        if years.allSatisfy({ year in (0..<4).allSatisfy { set.contains(year * 4 + $0) } }) {
            return (da ? "År: " : "Years: ") + Binder.describeYears(Array(years)) + "."
        }
        var runs: [(Int, Int)] = []
        for period in set.sorted() {
            if let last = runs.last, last.1 + 1 == period { runs[runs.count - 1].1 = period } else { runs.append((period, period)) }
        }
        func name(_ p: Int) -> String { "\(p / 4)\(da ? "K" : "Q")\(p % 4 + 1)" }
        return (da ? "Kvartaler: " : "Quarters: ") + runs.map { $0.0 == $0.1 ? name($0.0) : "\(name($0.0))–\(name($0.1))" }.joined(separator: ", ") + "."
    }
}

extension Note.Remark {
    func text(_ language: Language) -> String {
        let da = language == .da
        switch self {
        case .municipalitiesSource:
            return da ? "Kilde: datasets/municipalities.csv (DAWA-koder og -navne; regioner som offentliggjort)." : "Source: datasets/municipalities.csv (DAWA codes and names; regions as published)."
        case .paragraphsSource:
            return da
                ? "Kilde: datasets/paragraphs.csv. Et paragrafnummer alene (83, §83) betyder serviceloven; skriv \"Barnets lov § 86\" for den anden lov."
                : "Source: datasets/paragraphs.csv. Bare section numbers (83, §83) mean Serviceloven; write \"Barnets lov § 86\" for the other law."
        case .publishedSource:
            return da
                ? "Offentliggjorte omgørelsesprocenter som afskrevet i datasets/reference/ (rigtige tal; kommunetal fra nyhedsartikler, ikke fuldstændige)."
                : "Published omgørelsesprocent as transcribed in datasets/reference/ (real figures; municipal ones from news reports, not complete)."
        case .noComments:
            return da ? "Ingen kommentarer er indlæst: indlæs en kommentarfil (se docs/IMPORT.md)." : "No comments are loaded: load a comments file (see docs/IMPORT.md)."
        case .syntheticDatasets:
            return da
                ? "Syntetiske datasæt er en genereret demo, ikke rigtige tal: se datasets/README.md."
                : "Synthetic datasets are a generated demo, not real figures: see datasets/README.md."
        case .checkPublished:
            return da
                ? "offentliggjort = omgørelsesprocent fra datasets/reference/ (tal for hele landet og kommunetal fra nyhederne, kilde pr. række dér; show published); ok = inden for 0,5 procentpoint."
                : "published = omgørelsesprocent from datasets/reference/ (national figures and municipal figures from the news, source per row there; show published); ok = within 0.5 percentage points."
        case .checkNothingPublished:
            return da ? "Intet indlæst år har et offentliggjort tal." : "No loaded year has a published figure."
        case .checkSynthetic:
            return da
                ? "SYNTETISKE DEMODATA er kalibreret til tallene for hele landet: at de stemmer, siger intet om rigtige data."
                : "SYNTHETIC DEMO DATA is calibrated to the national figures: agreement says nothing about real data."
        }
    }
}

/// A year the data covers only in part: how many municipalities and paragraphs it holds.
public struct PartialCoverage: Sendable, Equatable {
    public var year: Int
    /// Set when the line is about one quarter of quarterly data.
    public var quarter: Int? = nil
    public var municipalities: Int, allMunicipalities: Int
    public var paragraphs: Int, paragraphsInForce: Int

    /// "12 of 98 municipalities, 40 of 52 paragraphs".
    func counts(_ language: Language) -> String {
        language == .da
            ? "\(municipalities) af \(allMunicipalities) kommuner, \(paragraphs) af \(paragraphsInForce) paragraffer"
            : "\(municipalities) of \(allMunicipalities) municipalities, \(paragraphs) of \(paragraphsInForce) paragraphs"
    }

    func text(_ language: Language) -> String {
        "\(year)" + (quarter.map { (language == .da ? "K" : "Q") + String($0) } ?? "") + ": " + counts(language)
    }
}

extension ResultSet {
    /// The notes in words.
    public func noteLines(_ language: Language = .en) -> [String] { notes.map { $0.text(language) } }
}

/// A plain string is a `.text` note (for notes not yet given a kind of their own).
extension Note: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }
}
