// Footer notes as values (a kind and its figures), and their wording in English and
// Danish: the one place a note becomes text, so it can be translated, styled or placed.

/// One footer note of a result.
public enum Note: Sendable, Equatable {
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
    /// Any other note, worded once (not translated).
    case text(String)

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
                ? "\(missing) af \(rows) rækker mangler befolknings- eller modtagertal for et kommune-år, de dækker: deres tal pr. indbygger er tomme."
                : "\(missing) of \(rows) rows lack population or recipient figures for some municipality-year they cover: their per-capita values are left empty."
        case .decisions(let list, let source, let synthetic):
            if synthetic {
                return da
                    ? "Afgørelser i alt \(years(list)): SYNTETISKE DEMODATA – ikke rigtige tal: \(source)."
                    : "Total decisions \(years(list)): SYNTHETIC DEMO DATA – not real figures: \(source)."
            }
            return da ? "Afgørelser i alt \(years(list)): \(source)." : "Total decisions \(years(list)): \(source)."
        case .missingDecisions(let missing, let rows):
            return da
                ? "\(missing) af \(rows) rækker mangler et tal for afgørelser i alt for et kommune-år-område, de dækker: deres tal pr. 1.000 afgørelser er tomme, ikke 0."
                : "\(missing) of \(rows) rows lack a total-decisions figure for some municipality-year-area they cover: their per-1,000-decisions values are left empty, not 0."
        case .daysMean:
            return da
                ? "sagsbehandlingstid = gennemsnit over de afgjorte sager i celler med kendt sagsbehandlingstid (days_n), regnet eksakt og afrundet med 5 opad. Data giver hver celles gennemsnit, ikke hver sags tid, så en median kan ikke beregnes."
                : "days = mean over the decided complaints in cells whose processing time is known (days_n), computed exactly and rounded half away from zero. The data gives each cell's mean, not each case's time, so no median can be computed."
        case .fewCases(let few, let rows):
            return da
                ? "\(few) af \(rows) rækker bygger på færre end 10 sager: så små procenter siger lidt (tilføj rate_low, rate_high for 95 %-intervaller)."
                : "\(few) of \(rows) rows rest on fewer than 10 cases: rates that small say little (add rate_low, rate_high for 95 % intervals)."
        case .noCases(let none, let rows):
            return da
                ? "\(none) af \(rows) rækker har ingen sager: deres procenter er tomme."
                : "\(none) of \(rows) rows have no cases: their rates are left empty."
        case .nationalColumns:
            return da
                ? "landsplan_* = alle kommuner under samme betingelser; forskel_* i procentpoint."
                : "national_* = all municipalities under the same conditions; diff_* in percentage points."
        case .nationalCoverage(let present, let all):
            return da
                ? "Data for disse år dækker \(present) af \(all) kommuner: landsplan_* er deres total, ikke hele landets."
                : "The data for these years covers \(present) of \(all) municipalities: national_* is their total, not the whole country's."
        case .cut(let top, let shown, let total):
            return da ? "\(top ? "Top" : "Bund") \(shown) af \(total) rækker." : "\(top ? "Top" : "Bottom") \(shown) of \(total) rows."
        case .limited(let shown, let total):
            return da ? "Viser \(shown) af \(total) rækker (højst \(shown))." : "Showing \(shown) of \(total) rows (limit \(shown))."
        case .text(let text):
            return text
        }
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

extension ResultSet {
    /// The notes in words.
    public func noteLines(_ language: Language = .en) -> [String] { notes.map { $0.text(language) } }
}

/// A plain string is a `.text` note (for notes not yet given a kind of their own).
extension Note: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }
}
