// Writes `answer <query>`: a result as the text a civil servant pastes into a reply,
// in Danish and English. Figures as "x af n sager (p pct.)", the national figure with
// its own n and the difference in percentage points, a conclusion no stronger than the
// interval and the comparison allow, definitions, the area's paragraphs, caveats, sources.

struct AnswerWriter {
    let store: OutcomeStore
    let evaluation: Evaluation

    /// Rows written as sentences; more rows get a lead sentence and the table.
    static let handful = 5
    /// Below this many cases a rate "says little".
    static let few = 10

    var result: ResultSet { evaluation.result }
    var query: BoundQuery { evaluation.query }
    var title: ResultTitle { query.title ?? ResultTitle(measures: query.measures.map(\.name)) }
    var synthetic: Bool { evaluation.citations.contains(where: \.synthetic) }
    var hasRate: Bool { query.measures.contains(.rate) }

    func answer() -> Answer {
        Answer(danish: blocks(.da), english: blocks(.en))
    }

    func blocks(_ l: Language) -> [Answer.Block] {
        var blocks: [Answer.Block] = []
        if synthetic {
            blocks.append(.warning(l == .da
                ? "SYNTETISKE DEMODATA – IKKE RIGTIGE TAL. Alle tal i dette svar er dkq's syntetiske demodata og må ikke bruges i et rigtigt svar."
                : "SYNTHETIC DEMO DATA – NOT REAL FIGURES. Every figure in this answer is dkq's synthetic demo data and must not be used in a real reply."))
        }
        blocks.append(.heading(title.text(l)))
        if result.rows.isEmpty {
            blocks.append(.paragraph(l == .da ? "Der er ingen tal for det valgte udsnit." : "There are no figures for the chosen selection."))
        } else if result.rows.count <= Self.handful && query.cut == nil && query.order.isEmpty {
            blocks += result.rows.indices.map { .paragraph(rowParagraph($0, l)) }
        } else {
            blocks.append(.paragraph(lead(l)))
            blocks.append(.table(ResultSet(columns: result.columns, rows: result.rows)))
        }
        blocks += definitions(l).map(Answer.Block.paragraph)
        let caveats = self.caveats(l)
        if !caveats.isEmpty { blocks.append(.list(l == .da ? "Forbehold:" : "Caveats:", caveats)) }
        if !evaluation.citations.isEmpty { blocks.append(.sources(evaluation.citations.map { (l == .da ? "Kilde: " : "Source: ") + $0.text(l) + "." })) }
        return blocks
    }

    // MARK: One row

    /// "I 2021 blev 43 af 127 realitetsbehandlede sager fra Aarhus Kommune på børnehandicapområdet
    /// omgjort (33,9 pct.). …" with the national comparison and what it allows to conclude.
    func rowParagraph(_ index: Int, _ l: Language) -> String {
        let da = l == .da
        let (own, national) = evaluation.totals[index]
        let scope = self.scope(index, l)
        var sentences: [String] = []
        if hasRate {
            let n = own.cases, x = own.reversed
            if n == 0 {
                sentences.append(da
                    ? "\(scope.when) er der ingen realitetsbehandlede sager \(scope.whereWhat), så der kan ikke beregnes en omgørelsesprocent."
                    : "\(scope.when) there are no cases decided on the merits \(scope.whereWhat), so no reversal rate can be computed.")
            } else {
                sentences.append(da
                    ? "\(scope.when) blev \(Self.count(x, l)) af \(Self.count(n, l)) realitetsbehandlede sager \(scope.whereWhat) omgjort (\(Self.percent(x, n, l)))."
                    : "\(scope.when) \(Self.count(x, l)) of \(Self.count(n, l)) cases decided on the merits \(scope.whereWhat) were reversed (\(Self.percent(x, n, l))).")
            }
            if let national, national.cases > 0 {
                let (X, N) = (national.reversed, national.cases)
                sentences.append(da
                    ? "På landsplan blev \(Self.count(X, l)) af \(Self.count(N, l)) sager omgjort (\(Self.percent(X, N, l)))."
                    : "Nationally, \(Self.count(X, l)) of \(Self.count(N, l)) cases were reversed (\(Self.percent(X, N, l))).")
                if n > 0 {
                    let difference = 100 * Double(x) / Double(n) - 100 * Double(X) / Double(N)
                    let points = Self.decimal(abs(difference), 1, l)
                    if points == Self.decimal(0, 1, l) {
                        sentences.append(da ? "Omgørelsesprocenten \(scope.forWhom) svarer dermed til landsplan." : "The rate \(scope.forWhom) is thus the same as the national rate.")
                    } else {
                        let direction = difference > 0 ? (da ? "højere" : "higher") : (da ? "lavere" : "lower")
                        sentences.append(da
                            ? "Omgørelsesprocenten \(scope.forWhom) er dermed \(points) procentpoint \(direction) end landsplan."
                            : "The rate \(scope.forWhom) is thus \(points) percentage points \(direction) than the national rate.")
                    }
                }
            }
            sentences += conclusion(index, own: own, national: national, scope: scope, l)
        }
        sentences += otherMeasures(index, l)
        return sentences.joined(separator: " ")
    }

    /// What may be concluded: the interval, the comparison's verdict, few cases.
    func conclusion(_ index: Int, own: Totals, national: Totals?, scope: Scope, _ l: Language) -> [String] {
        let da = l == .da
        let n = own.cases
        guard n > 0, let interval = Statistics.wilson(own.reversed, n) else { return [] }
        var out: [String] = []
        let low = Self.decimal(100 * interval.low, 1, l), high = Self.decimal(100 * interval.high, 1, l)
        if n < Self.few {
            out.append(da
                ? "Med kun \(n) sager siger omgørelsesprocenten meget lidt: med 95 pct. sikkerhed ligger den et sted mellem \(low) og \(high) pct."
                : "With only \(n) cases the rate says little: with 95 per cent confidence it lies anywhere between \(low) and \(high) per cent.")
        } else {
            out.append(da
                ? "Med 95 pct. sikkerhed ligger den underliggende omgørelsesprocent mellem \(low) og \(high) pct."
                : "With 95 per cent confidence the underlying rate lies between \(low) and \(high) per cent.")
        }
        guard let national, national.cases > 0 else { return out }
        switch verdict(index, own: own, national: national) {
        case .within:
            out.append(da
                ? "Forskellen til landsplan ligger inden for, hvad tilfældigheder alene kan give ved \(Self.count(n, l)) sager, og er ikke grundlag for at sige, at omgørelsesprocenten \(scope.forWhom) adskiller sig fra landets."
                : "The difference from the national rate is within what chance alone produces for \(Self.count(n, l)) cases; it is no basis for saying that the rate \(scope.forWhom) differs from the country's.")
        case .above(let level), .below(let level):
            let higher = verdict(index, own: own, national: national) == .above(level)
            out.append(da
                ? "Forskellen er større, end tilfældigheder alene med rimelighed kan give ved \(Self.count(n, l)) sager (testet på \(level.replacingAll(".", with: ",")) %-niveau): en \(higher ? "større" : "mindre") andel af de påklagede afgørelser \(scope.whereWhat) bliver omgjort end på landsplan. Det siger ikke i sig selv, hvor mange af kommunens afgørelser der er forkerte."
                : "The difference is larger than chance alone is likely to produce for \(Self.count(n, l)) cases (tested at the \(level) % level): \(higher ? "more" : "fewer") of the appealed decisions \(scope.whereWhat) are reversed than nationally. That alone does not say how many of the municipality's decisions are wrong.")
        }
        return out
    }

    enum Verdict: Equatable { case within, above(String), below(String) }

    /// The result's own verdict column read generically (`within`, `over …`, `above …`, `under …`),
    /// else the exact binomial test against the national rate.
    func verdict(_ index: Int, own: Totals, national: Totals) -> Verdict {
        var text: String?
        if let column = result.columns.firstIndex(where: { ["funnel", "verdict", "test", "vurdering"].contains($0.name) }),
            case .text(let cell) = result.rows[index][column] {
            text = cell
        }
        if text == nil {
            let unit = TestedUnit(k: own.reversed, n: own.cases, target: Double(national.reversed) / Double(national.cases), stratum: 0)
            text = Funnel.verdicts([unit], exact: true, fdr: false, funnels: false).0.first ?? nil
        }
        let t = (text ?? "within").lowercased()
        // The level the verdict names ("above 99.8%", "over (99,8 %)"), as a number.
        let level = String(t.drop { !$0.isNumber }.prefix { $0.isNumber || $0 == "." || $0 == "," }).replacingAll(",", with: ".")
        let shown = level.isEmpty ? "95" : level
        if t.hasPrefix("above") || t.hasPrefix("over") { return .above(shown) }
        if t.hasPrefix("below") || t.hasPrefix("under") { return .below(shown) }
        return .within
    }

    /// Measures besides the rate and its columns: "realitetsbehandlede sager: 127" etc.
    func otherMeasures(_ index: Int, _ l: Language) -> [String] {
        let skip: Set<String> = hasRate ? ["rate", "cases", "rate_low", "rate_high"] : []
        var parts: [String] = []
        for (i, column) in result.columns.enumerated() where column.kind == .measure {
            let name = column.name
            if skip.contains(name) || name.hasPrefix("national_") || name.hasPrefix("diff_") || name == "funnel" { continue }
            guard query.measures.contains(where: { $0.name == name }) else { continue }
            let value: String
            switch result.rows[index][i] {
            case .integer(let n): value = Self.count(n, l)
            case .number(let d, let decimals, _): value = Self.decimal(d, decimals, l)
            case .text(let s), .named(let s, _): value = s
            case .missing: value = l == .da ? "ingen værdi" : "no value"
            }
            parts.append("\(ResultTitle.label(name, l)): \(value)")
        }
        guard !parts.isEmpty else { return [] }
        let text = parts.joined(separator: "; ")
        let scope = self.scope(index, l)
        return [hasRate ? text.prefix(1).uppercased() + text.dropFirst() + "." : "\(scope.when) \(scope.whereWhat): \(text)."]
    }

    // MARK: Many rows

    /// "Tabellen viser …" with the highest and lowest rate and, for rankings, how far the order holds.
    func lead(_ l: Language) -> String {
        let da = l == .da
        var sentences = [da
            ? "Tabellen viser \(Self.lower(title.text(l))) (\(result.rows.count) af \(evaluation.total) rækker)."
            : "The table shows \(Self.lower(title.text(l))) (\(result.rows.count) of \(evaluation.total) rows)."]
        if result.rows.count == evaluation.total {
            sentences[0] = da ? "Tabellen viser \(Self.lower(title.text(l))) (\(result.rows.count) rækker)."
                : "The table shows \(Self.lower(title.text(l))) (\(result.rows.count) rows)."
        }
        guard hasRate else { return sentences.joined(separator: " ") }
        let rated = evaluation.totals.indices.filter { evaluation.totals[$0].own.cases > 0 }
        func rate(_ i: Int) -> Double { Double(evaluation.totals[i].own.reversed) / Double(evaluation.totals[i].own.cases) }
        if let top = rated.max(by: { rate($0) < rate($1) }), let bottom = rated.min(by: { rate($0) < rate($1) }), top != bottom {
            func figure(_ i: Int) -> String {
                let t = evaluation.totals[i].own
                return "\(rowName(i, l)) med \(Self.percent(t.reversed, t.cases, l)) (\(Self.count(t.reversed, l)) af \(Self.count(t.cases, l)) sager)"
            }
            func figureEn(_ i: Int) -> String {
                let t = evaluation.totals[i].own
                return "\(rowName(i, l)) at \(Self.percent(t.reversed, t.cases, l)) (\(Self.count(t.reversed, l)) of \(Self.count(t.cases, l)) cases)"
            }
            sentences.append(da ? "Højest er \(figure(top)), lavest \(figure(bottom))." : "Highest is \(figureEn(top)), lowest \(figureEn(bottom)).")
        }
        if query.versusNational {
            var above = 0, below = 0
            for i in rated {
                guard let national = evaluation.totals[i].national, national.cases > 0 else { continue }
                switch verdict(i, own: evaluation.totals[i].own, national: national) {
                case .above: above += 1
                case .below: below += 1
                case .within: break
                }
            }
            let shown = result.rows.count
            sentences.append(da
                ? "\(above) af de \(shown) viste rækker ligger over og \(below) under landsplan med en forskel, som er større, end tilfældigheder alene med rimelighed kan give; resten ligger inden for."
                : "\(above) of the \(shown) rows shown \(above == 1 ? "is" : "are") above and \(below) below the national rate by more than chance alone is likely to produce; the rest are within.")
        }
        let few = evaluation.totals.filter { $0.own.cases < Self.few }.count
        if few > 0 {
            sentences.append(da
                ? "\(few) af de viste rækker bygger på færre end \(Self.few) sager; deres omgørelsesprocenter siger meget lidt."
                : "\(few) of the rows shown \(few == 1 ? "rests on fewer than \(Self.few) cases; its rate says" : "rest on fewer than \(Self.few) cases; their rates say") little.")
        }
        if query.cut != nil || !query.order.isEmpty {
            sentences.append(rankingCaveat(rated, l))
        }
        return sentences.joined(separator: " ")
    }

    /// Whether the order of a ranking is more than chance: the 95 % intervals of the first and last row shown.
    func rankingCaveat(_ rated: [Int], _ l: Language) -> String {
        let da = l == .da
        let few = evaluation.totals.filter { $0.own.cases > 0 && $0.own.cases < 30 }.count
        var text = ""
        if few > 0 {
            text = da
                ? "Rangeringen hviler på få sager for \(few) af de viste rækker (under 30 sager), hvor én omgjort sag mere eller mindre flytter \(few == 1 ? "den" : "dem") mange pladser. "
                : "The ranking rests on few cases for \(few) of the rows shown (under 30 cases), where one reversal more or less moves \(few == 1 ? "it" : "them") many places. "
        }
        if let first = rated.first, let last = rated.last, first != last,
            let a = Statistics.wilson(evaluation.totals[first].own.reversed, evaluation.totals[first].own.cases),
            let b = Statistics.wilson(evaluation.totals[last].own.reversed, evaluation.totals[last].own.cases),
            a.low <= b.high && b.low <= a.high {
            text += da
                ? "95 pct.-intervallerne for første og sidste viste række overlapper, så rækkefølgen er ikke udtryk for sikre forskelle."
                : "The 95 per cent intervals of the first and last row shown overlap, so the order does not show reliable differences."
        } else if text.isEmpty {
            text = da
                ? "Rækkefølgen afspejler de viste omgørelsesprocenter; se intervallerne (rate_low, rate_high), før der drages konklusioner om enkelte placeringer."
                : "The order follows the rates shown; look at the intervals (rate_low, rate_high) before drawing conclusions about single places."
        }
        return text.trimmed
    }

    // MARK: Who, what, when

    struct Scope {
        /// "I 2021" / "In 2021".
        var when: String
        /// "fra Aarhus Kommune på børnehandicapområdet".
        var whereWhat: String
        /// "for Aarhus Kommune" (in comparisons).
        var forWhom: String
    }

    /// The row's and the query's place, subject and period in words.
    func scope(_ index: Int, _ l: Language) -> Scope {
        let da = l == .da
        var whoNames: [String] = []
        var whatParts: [String] = []
        var periodText = ResultTitle.describe(title.periods, l)
        for filter in title.filters {
            switch filter {
            case .values(let dimension, let names, let negated):
                let list = ResultTitle.list(names, l)
                switch (dimension, negated) {
                case ("municipality", false), ("region", false): whoNames.append(list)
                case ("area", false): whatParts.append(names.count == 1 ? Self.area(names[0], l) : (da ? "på områderne " : "in the areas ") + list)
                case (_, false): whatParts.append((da ? "efter " : "under ") + list)
                case (_, true): whatParts.append((da ? "undtagen " : "excluding ") + list)
                }
            case .measure, .condition:
                break
            }
        }
        for (i, dimension) in query.groupBy.enumerated() {
            let cell = result.rows[index][i]
            let text = Renderer.plain(cell)
            switch dimension {
            case .municipality: whoNames = [fullName(text)]
            case .region: whoNames = [text]
            case .area: whatParts.append(Self.area(text, l))
            case .paragraph, .law: whatParts.append((da ? "efter " : "under ") + text)
            case .year: periodText = text
            case .quarter:
                if !text.isEmpty { periodText = (periodText.map { $0 + ", " } ?? "") + (da ? "\(text). kvartal" : "quarter \(text)") }
            default:
                whatParts.append(text)
            }
        }
        let who = whoNames.isEmpty ? nil : ResultTitle.list(whoNames, l)
        let isRegion = whoNames.first?.hasPrefix("Region") ?? false
        var whereWhat = who.map { (da ? "fra " : "from ") + (isRegion ? (da ? "kommunerne i " : "the municipalities of ") : "") + $0 } ?? (da ? "fra alle kommuner" : "from all municipalities")
        if !whatParts.isEmpty { whereWhat += " " + whatParts.joined(separator: " ") }
        let when: String
        if let period = periodText {
            when = period.contains("–") || period.contains(",") ? (da ? "I perioden \(period)" : "In \(period)") : (da ? "I \(period)" : "In \(period)")
        } else {
            when = da ? "I alt" : "In all"
        }
        let forWhom = who.map { (da ? "for " : "for ") + $0 } ?? (da ? "for udsnittet" : "for the selection")
        return Scope(when: when + (da ? "" : ","), whereWhat: whereWhat, forWhom: forWhom)
    }

    /// A row's name in a lead sentence: its dimension values joined.
    func rowName(_ index: Int, _ l: Language) -> String {
        query.groupBy.indices.map { i in
            let text = Renderer.plain(result.rows[index][i])
            return query.groupBy[i] == .municipality ? fullName(text) : text
        }.joined(separator: ", ")
    }

    func fullName(_ name: String) -> String {
        store.catalog.municipalities.first { $0.name == name }?.fullName ?? name
    }

    static func area(_ name: String, _ l: Language) -> String {
        switch (name, l) {
        case ("socialområdet generelt", .da): "på socialområdet generelt"
        case ("socialområdet generelt", .en): "in social services generally (socialområdet generelt)"
        case (_, .da): "på \(name)området"
        case (_, .en): "in the \(name) area"
        }
    }

    // MARK: Definitions, areas, caveats

    static let definitionsDa: [String: String] = [
        "rate": "Omgørelsesprocenten er den andel af de realitetsbehandlede klagesager, som Ankestyrelsen har ændret, ophævet eller hjemvist til fornyet behandling i kommunen. Afviste og henviste klager tælles ikke med.",
        "cases": "Realitetsbehandlede sager er klager, som Ankestyrelsen har behandlet i sagens realitet: stadfæstet, ændret/ophævet eller hjemvist.",
        "decided": "Afgjorte sager er alle afgjorte klager, også de afviste og henviste.",
        "days": "Sagsbehandlingstiden er det gennemsnitlige antal dage fra klagen er modtaget, til Ankestyrelsen har truffet afgørelse, vægtet med antal afgjorte sager.",
        "reversed": "Omgjorte afgørelser er de ændrede/ophævede og de hjemviste.",
        "decisions": "Afgørelser i alt er alle kommunens afgørelser på området i året, påklaget eller ej.",
        "grants": "Bevillinger er de afgørelser, der gav borgeren det, der blev søgt om.",
        "reversed_per_1000_decisions": "Omgjorte sager pr. 1.000 afgørelser er de sager, Ankestyrelsen har ændret, ophævet eller hjemvist, i forhold til alle kommunens afgørelser på området i samme år: 1.000 × omgjorte / afgørelser i alt, summeret over kommuner og år.",
        "complaints_per_1000_decisions": "Klagesager pr. 1.000 afgørelser er de klager, Ankestyrelsen har afgjort (også afviste), i forhold til alle kommunens afgørelser på området i samme år: hvor mange afgørelser der overhovedet bliver påklaget.",
    ]
    static let definitionsEn: [String: String] = [
        "rate": "The reversal rate (omgørelsesprocent) is the share of the complaints Ankestyrelsen decided on the merits that it changed, annulled or remanded to the municipality for a new decision. Dismissed and referred complaints are not counted.",
        "cases": "Cases decided on the merits (realitetsbehandlede) are complaints Ankestyrelsen tried on the merits: upheld, changed/annulled or remanded.",
        "decided": "Decided complaints are all complaints decided, dismissed and referred ones included.",
        "days": "Processing time is the mean number of days from receipt of the complaint to Ankestyrelsen's decision, weighted by decided complaints.",
        "reversed": "Reversed decisions are those changed/annulled and those remanded.",
        "decisions": "Total decisions are all the municipality's decisions in the area in the year, appealed or not.",
        "grants": "Grants (bevillinger) are the decisions that gave the citizen what was applied for.",
        "reversed_per_1000_decisions": "Reversed cases per 1,000 decisions are the cases Ankestyrelsen changed, annulled or remanded, in proportion to all the municipality's decisions in the area in the same year: 1,000 × reversed / total decisions, summed over municipalities and years.",
        "complaints_per_1000_decisions": "Complaints per 1,000 decisions are the complaints Ankestyrelsen decided (dismissed ones included), in proportion to all the municipality's decisions in the area in the same year: how many decisions are appealed at all.",
    ]

    /// A sentence per measure (the rate's covers `cases`), then the areas' paragraphs.
    func definitions(_ l: Language) -> [String] {
        var names = query.measures.map(\.name).filter { !["rate_low", "rate_high"].contains($0) }
        if names.contains("rate") { names.removeAll { $0 == "cases" } }
        var sentences = names.map { name in
            (l == .da ? Self.definitionsDa[name] : Self.definitionsEn[name])
                ?? (ResultTitle.label(name, l).prefix(1).uppercased() + ResultTitle.label(name, l).dropFirst() + ": "
                    + (Schema.measure(named: name)?.definition ?? name) + ".")
        }
        if names.first == "rate" {
            sentences[0] += l == .da
                ? " Intervallet er et 95 pct. Wilson-interval for andelen."
                : " The interval is a 95 per cent Wilson score interval for the share."
        }
        var paragraphs = [sentences.joined(separator: " ")]
        paragraphs += areasInAnswer.map { areaSentence($0, l) }
        return paragraphs.filter { !$0.isEmpty }
    }

    /// Areas named by a one-value filter or grouped by.
    var areasInAnswer: [Area] {
        var areas: [Area] = []
        for case .values("area", let names, false) in title.filters {
            areas += names.compactMap { Area(rawValue: $0) }
        }
        if let i = query.groupBy.firstIndex(of: .area) {
            for row in result.rows { if let name = row[i].textValue, let area = Area(rawValue: name), !areas.contains(area) { areas.append(area) } }
        }
        return areas
    }

    /// "Børnehandicapområdet omfatter Serviceloven §§ 32, 32a, … og fra 2024 Barnets lov § 86 (tidligere Serviceloven § 41) …".
    func areaSentence(_ area: Area, _ l: Language) -> String {
        let da = l == .da
        // Barnets lov rows the data does not use are left out (the synthetic demo models only §§ 86-87).
        let used = Set(store.facts.paragraph.map(Int.init))
        let paragraphs = store.catalog.paragraphs.enumerated()
            .filter { $1.areas.contains(area) && ($1.law != "Barnets lov" || used.contains($0)) }.map(\.element)
        if area == .general {
            return da
                ? "Socialområdet generelt omfatter alle bestemmelser i serviceloven med klageadgang til Ankestyrelsen og fra 2024 de bestemmelser i Barnets lov, der afløste nogle af dem (i dkq \(paragraphs.count) paragrafgrupper, se 'show paragraphs')."
                : "Social services generally (socialområdet generelt) covers every provision of Serviceloven with complaint access to Ankestyrelsen and, from 2024, the Barnets lov provisions that replaced some of them (\(paragraphs.count) paragraph groups in dkq, see 'show paragraphs')."
        }
        func sections(_ ps: [Paragraph]) -> String {
            let parts = ps.map { p in
                let tail = p.label.split(separator: " - ").last.map(String.init) ?? p.sectionText
                return tail.replacingAll("§§ ", with: "").replacingAll("§ ", with: "")
            }
            return (parts.count == 1 ? "§ " : "§§ ") + ResultTitle.list(parts, l)
        }
        var laws: [String] = []
        for law in store.catalog.laws {
            let own = paragraphs.filter { $0.law == law && $0.formerly == nil }
            if !own.isEmpty { laws.append("\(law) \(sections(own))") }
        }
        let successors = paragraphs.filter { $0.formerly != nil }.map { p -> String in
            let old = store.catalog.paragraphs.first { $0.code == p.formerly }
            return "\(p.law) \(p.sectionText)" + (old.map { da ? " (tidligere \($0.law) \($0.sectionText))" : " (formerly \($0.law) \($0.sectionText))" } ?? "")
        }
        let name = da ? (area.rawValue.prefix(1).uppercased() + area.rawValue.dropFirst() + "området") : "The \(area.rawValue) area"
        var text = "\(name) \(da ? "omfatter" : "covers") \(ResultTitle.list(laws, l))"
        if !successors.isEmpty { text += (da ? " og fra 1. januar 2024 " : " and, from 1 January 2024, ") + ResultTitle.list(successors, l) }
        text += "."
        if area == .adultDisability {
            text += da ? " Listen er vejledende: den officielle liste er ikke fundet i offentligt materiale." : " The list is illustrative: the official list was not found in public material."
        }
        return text
    }

    func caveats(_ l: Language) -> [String] {
        let da = l == .da
        var out: [String] = []
        out.append(da
            ? "Tallene omfatter kun afgørelser, som borgerne har klaget over. De fleste kommunale afgørelser er bevillinger og bliver aldrig påklaget (i KL's stikprøve fra 2021 blev 1,09 pct. af alle afgørelser på børneområdet og 2,28 pct. på voksenområdet omgjort), så omgørelsesprocenten siger ikke, hvor stor en del af kommunens afgørelser der er forkerte."
            : "Only decisions that citizens complained about are counted. Most municipal decisions are grants and are never appealed (in KL's 2021 sample 1.09 per cent of all children's and 2.28 per cent of all adults' decisions ended reversed), so the rate does not say what share of the municipality's decisions is wrong.")
        let few = evaluation.totals.filter { $0.own.cases > 0 && $0.own.cases < Self.few }.count
        if few > 0, hasRate {
            out.append(result.rows.count == 1
                ? (da ? "Tallet bygger på færre end \(Self.few) sager og siger meget lidt." : "The figure rests on fewer than \(Self.few) cases and says little.")
                : (da ? "\(few) af tallene bygger på færre end \(Self.few) sager og siger meget lidt." : "\(few) of the figures \(few == 1 ? "rests" : "rest") on fewer than \(Self.few) cases and \(few == 1 ? "says" : "say") little."))
        }
        if query.groupBy.contains(.quarter) || title.periods.count % 4 != 0 {
            out.append(da
                ? "Kvartalstal for en enkelt kommune bygger på meget små tal; årstal er at foretrække."
                : "Quarterly figures for a single municipality rest on very small numbers; prefer yearly figures.")
        }
        out.append(da
            ? "Ankestyrelsen registrerer sagerne løbende, og senere efterregistreringer kan ændre tallene, så de kan afvige fra tal offentliggjort tidligere."
            : "Ankestyrelsen registers cases continuously; later registrations can change the figures, which may therefore differ from figures published earlier.")
        let years = Set(title.periods.map { $0 / 4 })
        let childrenInScope = !query.crosswalks.isEmpty || areasInAnswer.isEmpty || areasInAnswer.contains(.childDisability) || areasInAnswer.contains(.general)
        if years.contains(where: { $0 >= 2024 }), childrenInScope {
            out.append(da
                ? "Barnets lov trådte i kraft 1. januar 2024 og afløste bl.a. serviceloven § 41 (nu Barnets lov § 86) og § 42 (nu § 87); tal fra 2024 og frem er opgjort efter den nye lov."
                : "Barnets lov took effect on 1 January 2024 and replaced, among others, Serviceloven § 41 (now Barnets lov § 86) and § 42 (now § 87); figures from 2024 on are counted under the new law.")
        }
        // Where the total decisions come from (the synthetic KL demo says so) and which rows lack them.
        for note in result.notes {
            switch note {
            case .decisions, .missingDecisions: out.append(note.text(l))
            default: break
            }
        }
        let (present, all) = evaluation.coverage
        if present > 0, present < all {
            out.append(da
                ? "Data dækker kun \(present) af \(all) kommuner i perioden; tal for landsplan er disse kommuners samlede tal."
                : "The data covers only \(present) of \(all) municipalities in the period; national figures are their total.")
        }
        return out
    }

    // MARK: Numbers

    /// 1993 -> "1.993" (Danish) or "1,993".
    static func count(_ n: Int, _ l: Language) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(l == .da ? "." : ",") }
            out.append(character)
        }
        return n < 0 ? "-" + out : out
    }

    static func decimal(_ value: Double, _ decimals: Int, _ l: Language) -> String {
        let text = Renderer.formatDecimal(value, decimals)
        return l == .da ? text.replacingAll(".", with: ",") : text
    }

    /// "33,9 pct." / "33.9 per cent".
    static func percent(_ part: Int, _ whole: Int, _ l: Language) -> String {
        decimal(100 * Double(part) / Double(whole), 1, l) + (l == .da ? " pct." : " per cent")
    }

    static func lower(_ text: String) -> String {
        text.prefix(1).lowercased() + text.dropFirst()
    }
}
