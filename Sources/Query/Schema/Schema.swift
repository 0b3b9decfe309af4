// The language's vocabulary as data: keywords with every spelling, measures as
// specs, dimensions, the Danmarkskort areas with every spelling, side tables.
// Every stage (lexer, parser, binder, evaluator, help, describe, completion, docs
// test) reads this catalogue; adding a word is one entry here plus a golden test.

/// The catalogue.
public enum Schema {
    // MARK: Keywords

    /// Every keyword with its spellings (the first is the canonical English one) and
    /// an example. A spelling may be several words (`fordelt på`); case is folded fully.
    public static let keywords: [(keyword: Keyword, spellings: [String], example: String)] = [
        (.by, ["by", "efter", "fordelt på", "pr.", "per"], "rate by municipality, paragraph"),
        (.where, ["where", "hvor"], "rate where municipality = Aarhus"),
        (.year, ["year", "år"], "rate by municipality year 2021"),
        (.years, ["years", "årene"], "rate by year years 2019..2023"),
        (.since, ["since", "siden", "fra"], "rate by year since 2020"),
        (.quarter, ["quarter", "kvartal"], "rate year 2021 quarter 3"),
        (.quarters, ["quarters", "kvartaler"], "rate by quarter quarters 1..2"),
        (.vs, ["vs", "mod"], "rate by municipality vs national"),
        (.national, ["national", "landsplan"], "upheld_share by region vs national"),
        (.exact, ["exact", "eksakt"], "rate by municipality vs national exact"),
        (.fdr, ["fdr"], "rate by municipality vs national fdr"),
        (.rolling, ["rolling", "rullende"], "rate by municipality year 2022 rolling 3"),
        (.over, ["over"], "rate by municipality year 2022 over 3 years"),
        (.order, ["order", "sorter efter"], "rate by municipality order by rate desc"),
        (.asc, ["asc", "stigende"], "rate by municipality order by municipality asc"),
        (.desc, ["desc", "faldende"], "rate by municipality order by rate desc"),
        (.top, ["top"], "rate by municipality top 10"),
        (.bottom, ["bottom", "bund"], "rate by municipality bottom 5"),
        (.limit, ["limit", "højst"], "cases by paragraph limit 20"),
        (.and, ["and", "og"], "rate where region = \"Region Hovedstaden\" and cases >= 10"),
        (.or, ["or", "eller"], "rate where municipality = Aarhus or municipality = Odense"),
        (.not, ["not", "ikke"], "rate where not (paragraph = § 83)"),
        (.in, ["in", "i"], "rate by municipality where municipality in (Aarhus, Odense, \"Høje-Taastrup\")"),
        (.show, ["show", "vis"], "show paragraphs"),
        (.describe, ["describe", "beskriv"], "describe upheld_share"),
        (.load, ["load", "indlæs", "hent"], "load \"data/ankestyrelsen.csv\""),
        (.unload, ["unload", "fjern"], "unload \"data/ankestyrelsen.csv\""),
        (.check, ["check", "tjek"], "check"),
        (.answer, ["answer", "svar"], "answer rate, cases where municipality = Aarhus and area = børnehandicap year 2021 vs national"),
        (.as, ["as", "som"], "load \"talportal.csv\" as \"Ankestyrelsen, talportal, udtræk 2025-03-01\""),
    ]

    /// What `show` lists, with every spelling: the English name, the Danish name, then
    /// other forms (completion offers the first two).
    static let showTargets: [(target: ShowTarget, spellings: [String])] = [
        (.municipalities, ["municipalities", "kommuner", "municipality", "kommune"]),
        (.regions, ["regions", "regioner", "region"]),
        (.paragraphs, ["paragraphs", "paragraffer", "paragraph", "paragraf"]),
        (.laws, ["laws", "love", "law", "lov"]),
        (.areas, ["areas", "områder", "area", "område"]),
        (.years, ["years", "år", "year"]),
        (.measures, ["measures", "mål", "measure"]),
        (.dimensions, ["dimensions", "dimensioner", "dimension"]),
        (.datasets, ["datasets", "datasæt", "dataset"]),
        (.comments, ["comments", "kommentarer", "comment"]),
        (.published, ["published", "offentliggjorte", "offentliggjort"]),
    ]

    // MARK: Measures

    /// Every measure, in the order help and `show measures` list them.
    public static let measures: [Measure] = [
        Measure(
            "rate", spellings: ["omgørelsesprocent"], unit: .percent,
            .ratio(of: [.changed, .remanded], over: [.upheld, .changed, .remanded], scale: 100),
            definition: "omgørelsesprocent: share of cases decided on the merits that Ankestyrelsen reversed (changed or remanded)",
            formula: "100 × (changed + remanded) / (upheld + changed + remanded)", national: true,
            words: Words("reversal rate", "omgørelsesprocent"),
            da: "omgørelsesprocent: andelen af de realitetsbehandlede sager, som Ankestyrelsen omgjorde (ændrede, ophævede eller hjemviste)"),
        Measure(
            "cases", spellings: ["realitetsbehandlede", "antal sager", "sager"], unit: .count, .count([.upheld, .changed, .remanded]),
            definition: "realitetsbehandlede: complaints decided on the merits (upheld + changed + remanded)",
            formula: "upheld + changed + remanded",
            words: Words("cases decided on the merits", "realitetsbehandlede sager", header: "sager"),
            da: "realitetsbehandlede: klager afgjort efter en prøvelse af sagen (stadfæstet + ændret + hjemvist)"),
        Measure(
            "decided", spellings: ["afgjorte", "afgjorte sager"], unit: .count, .count([.upheld, .changed, .remanded, .dismissed]),
            definition: "afgjorte: all decided complaints, dismissed included (cases + dismissed)",
            formula: "upheld + changed + remanded + dismissed",
            words: Words("decided complaints", "afgjorte sager", header: "afgjorte"),
            da: "afgjorte: alle afgjorte klager, afviste medregnet (realitetsbehandlede + afviste)"),
        Measure(
            "upheld", spellings: ["stadfæstet"], unit: .count, .count([.upheld]),
            definition: "stadfæstet: the municipality's decision was upheld", formula: "sum of upheld",
            words: Words("upheld decisions", "stadfæstede afgørelser", header: "stadfæstet"),
            da: "stadfæstet: kommunens afgørelse blev stadfæstet"),
        Measure(
            "changed", spellings: ["ændret"], unit: .count, .count([.changed]),
            definition: "ændret/ophævet: the decision was changed or annulled", formula: "sum of changed",
            words: Words("changed or annulled decisions", "ændrede eller ophævede afgørelser", header: "ændret"),
            da: "ændret/ophævet: afgørelsen blev ændret eller ophævet"),
        Measure(
            "remanded", spellings: ["hjemvist"], unit: .count, .count([.remanded]),
            definition: "hjemvist: the decision was sent back to the municipality for a new decision", formula: "sum of remanded",
            words: Words("remanded decisions", "hjemviste afgørelser", header: "hjemvist"),
            da: "hjemvist: afgørelsen blev sendt tilbage til kommunen til en ny afgørelse"),
        Measure(
            "dismissed", spellings: ["afvist"], unit: .count, .count([.dismissed]),
            definition: "afvist/henvist: not tried on the merits (dismissed, referred or lapsed)", formula: "sum of dismissed",
            words: Words("dismissed or referred complaints", "afviste eller henviste klager", header: "afvist"),
            da: "afvist/henvist: ikke prøvet (afvist, henvist eller bortfaldet)"),
        Measure(
            "reversed", spellings: ["omgjorte", "omgjorte sager"], unit: .count, .count([.changed, .remanded]),
            definition: "omgjorte: changed + remanded", formula: "changed + remanded",
            words: Words("reversed decisions", "omgjorte afgørelser", header: "omgjorte"),
            da: "omgjorte: ændret + hjemvist"),
        Measure(
            "upheld_share", unit: .percent, .ratio(of: [.upheld], over: [.upheld, .changed, .remanded], scale: 100),
            definition: "share of cases upheld", formula: "100 × upheld / cases", national: true,
            words: Words("share upheld", "andel stadfæstet"),
            da: "andelen af sagerne, der blev stadfæstet"),
        Measure(
            "changed_share", unit: .percent, .ratio(of: [.changed], over: [.upheld, .changed, .remanded], scale: 100),
            definition: "share of cases changed or annulled", formula: "100 × changed / cases", national: true,
            words: Words("share changed or annulled", "andel ændret eller ophævet", header: "andel ændret"),
            da: "andelen af sagerne, der blev ændret eller ophævet"),
        Measure(
            "remanded_share", unit: .percent, .ratio(of: [.remanded], over: [.upheld, .changed, .remanded], scale: 100),
            definition: "share of cases remanded", formula: "100 × remanded / cases", national: true,
            words: Words("share remanded", "andel hjemvist"),
            da: "andelen af sagerne, der blev hjemvist"),
        Measure(
            "dismissed_share", unit: .percent,
            .ratio(of: [.dismissed], over: [.upheld, .changed, .remanded, .dismissed], scale: 100),
            definition: "share of decided complaints dismissed or referred", formula: "100 × dismissed / decided",
            national: true, restsOnCases: false,
            words: Words("share dismissed or referred", "andel afvist eller henvist", header: "andel afvist"),
            da: "andelen af de afgjorte klager, der blev afvist eller henvist"),
        Measure(
            "rate_low", unit: .percent,
            .statistic { t in Statistics.wilson(t.reversed, t.cases).map { 100 * $0.low } },
            definition: "lower end of the 95 % Wilson score interval for rate",
            formula: "Wilson: (2k + z² ∓ z·√(z² + 4k(1 − k/n))) / (2(n + z²)), k = reversed, n = cases, z = 1.96",
            words: Words("lower 95 % bound of the reversal rate", "nedre 95 %-grænse for omgørelsesprocenten", header: "nedre 95 %"),
            da: "nedre grænse for 95 %-Wilson-intervallet for omgørelsesprocenten"),
        Measure(
            "rate_high", unit: .percent,
            .statistic { t in Statistics.wilson(t.reversed, t.cases).map { 100 * $0.high } },
            definition: "upper end of the 95 % Wilson score interval for rate",
            formula: "Wilson: (2k + z² ∓ z·√(z² + 4k(1 − k/n))) / (2(n + z²)), k = reversed, n = cases, z = 1.96",
            words: Words("upper 95 % bound of the reversal rate", "øvre 95 %-grænse for omgørelsesprocenten", header: "øvre 95 %"),
            da: "øvre grænse for 95 %-Wilson-intervallet for omgørelsesprocenten"),
        Measure(
            "days", spellings: ["sagsbehandlingstid"], unit: .days, decimals: 1,
            .statistic { t in Statistics.roundedMean(t.dayHundredths, over: 100 * t.daysWeight, decimals: 1) },
            definition: "mean processing time in days (Ankestyrelsen's sagsbehandlingstid), weighted by decided complaints",
            formula: "Σ(days × decided) / Σ decided over rows where days is known, in exact integer hundredths, rounded half away from zero",
            readsDays: true,
            words: Words("processing time in days", "sagsbehandlingstid i dage", header: "dage"),
            da: "gennemsnitlig sagsbehandlingstid i dage (Ankestyrelsens sagsbehandlingstid), vægtet med de afgjorte sager"),
        Measure(
            "days_n", spellings: ["sagsbehandlingstid_n"], unit: .count, .statistic { t in Double(t.daysWeight) },
            definition: "decided complaints the mean days is taken over (those in cells whose processing time is known)",
            formula: "Σ decided over rows where days is known",
            readsDays: true,
            words: Words("decided complaints with a known processing time", "afgjorte sager med kendt sagsbehandlingstid", header: "sager med kendt tid"),
            da: "afgjorte sager, som gennemsnittet for sagsbehandlingstid er taget over (dem i celler med kendt sagsbehandlingstid)"),
        Measure(
            "population", unit: .people, .sideTable(.population),
            definition: "inhabitants on 1 January (Danmarks Statistik FOLK1A, shipped), summed over the municipalities and years covered",
            formula: "Σ population over (municipality, year) covered",
            words: Words("population", "indbyggere"),
            da: "indbyggere pr. 1. januar (Danmarks Statistik FOLK1A, medleveret), summeret over de dækkede kommuner og år"),
        Measure(
            "decided_per_10k", unit: .perCapita, decimals: 1,
            .sideRatio(of: [.upheld, .changed, .remanded, .dismissed], over: .population, scale: 10_000),
            definition: "decided complaints per 10,000 inhabitants (Ankestyrelsen's 'afsluttede sager pr. 10.000 indbyggere')",
            formula: "10000 × decided / population",
            words: Words("decided complaints per 10,000 inhabitants", "afgjorte sager pr. 10.000 indbyggere", header: "afgjorte pr. 10.000 indb."),
            da: "afgjorte sager pr. 10.000 indbyggere (Ankestyrelsens 'afsluttede sager pr. 10.000 indbyggere')"),
        Measure(
            "recipients", unit: .people, .sideTable(.recipients),
            definition: "citizens receiving services in the area (Danmarks Statistik), summed; needs a loaded recipients table",
            formula: "Σ recipients over (municipality, year) covered, for one area",
            words: Words("recipients of services", "modtagere af ydelser", header: "modtagere"),
            da: "borgere, der modtager ydelser på området (Danmarks Statistik), summeret; kræver en indlæst modtagertabel"),
        Measure(
            "reversed_per_1000_recipients", unit: .perCapita, decimals: 1,
            .sideRatio(of: [.changed, .remanded], over: .recipients, scale: 1_000),
            definition: "reversed decisions per 1,000 recipients of services in the area: reversals in proportion to the people served",
            formula: "1000 × reversed / recipients",
            words: Words("reversed decisions per 1,000 recipients", "omgjorte afgørelser pr. 1.000 modtagere", header: "omgjorte pr. 1.000 modtagere"),
            da: "omgjorte afgørelser pr. 1.000 modtagere af ydelser på området: omgørelser i forhold til de borgere, der får ydelser"),
        Measure(
            "decisions", spellings: ["afgørelser"], unit: .count, .sideTable(.decisions),
            definition: "afgørelser: the municipalities' own decisions in the area, appealed or not (a decisions file), summed",
            formula: "Σ decisions over (municipality, year) covered, for one area",
            words: Words("total decisions", "afgørelser i alt", header: "afgørelser"),
            da: "afgørelser: kommunernes egne afgørelser på området, påklaget eller ej (en afgørelsesfil), summeret"),
        Measure(
            "grants", spellings: ["bevillinger"], unit: .count, .sideTable(.grants),
            definition: "bevillinger: the decisions that granted what was applied for (a decisions file), summed",
            formula: "Σ grants over (municipality, year) covered, for one area",
            words: Words("grants", "bevillinger"),
            da: "bevillinger: de afgørelser, der gav det, der blev søgt om (en afgørelsesfil), summeret"),
        Measure(
            "reversed_per_1000_decisions", spellings: ["omgjorte_pr_1000_afgørelser"], unit: .perCapita, decimals: 1,
            .sideRatio(of: [.changed, .remanded], over: .decisions, scale: 1_000),
            definition: "reversed cases per 1,000 of the municipality's own decisions (appealed or not) in the same year and area",
            formula: "1000 × Σ reversed / Σ decisions, over the (municipality, year, area) covered; missing if one lacks a decisions figure",
            words: Words("reversed cases per 1,000 decisions", "omgjorte sager pr. 1.000 afgørelser", header: "omgjorte pr. 1.000 afgørelser"),
            da: "omgjorte sager pr. 1.000 af kommunens egne afgørelser (påklaget eller ej) samme år og på samme område"),
        Measure(
            "complaints_per_1000_decisions", spellings: ["klager_pr_1000_afgørelser"], unit: .perCapita, decimals: 1,
            .sideRatio(of: [.upheld, .changed, .remanded, .dismissed], over: .decisions, scale: 1_000),
            definition: "decided complaints per 1,000 of the municipality's own decisions in the same year and area: how many are appealed",
            formula: "1000 × Σ decided / Σ decisions, over the (municipality, year, area) covered; missing if one lacks a decisions figure",
            words: Words("complaints per 1,000 decisions", "klagesager pr. 1.000 afgørelser", header: "klager pr. 1.000 afgørelser"),
            da: "afgjorte klager pr. 1.000 af kommunens egne afgørelser samme år og på samme område: hvor mange der påklages"),
        Measure(
            "rate_shrunk", unit: .percent,
            .statistic { t in t.cases > 0 ? t.prior.map { 100 * $0.posterior(t.reversed, t.cases).mean } : nil },
            definition: "rate pulled towards the average of the rows compared, the more the fewer its cases (empirical Bayes): for ranking",
            formula: "100 × (α + reversed) / (α + β + cases), Beta(α, β) fitted by maximum likelihood (beta-binomial) to the rows' reversed and cases",
            context: .prior,
            words: Words("shrunk reversal rate", "krympet omgørelsesprocent", header: "krympet procent"),
            da: "omgørelsesprocent trukket mod gennemsnittet af de sammenlignede rækker, mere jo færre sager (empirisk Bayes): til rangordning"),
        Measure(
            "rate_shrunk_low", unit: .percent,
            .statistic { t in t.cases > 0 ? t.prior.map { 100 * $0.posterior(t.reversed, t.cases).low } : nil },
            definition: "lower end of the 95 % credible interval for rate_shrunk",
            formula: "100 × the 2.5 % quantile of Beta(α + reversed, β + cases − reversed)", context: .prior,
            words: Words("lower 95 % bound of the shrunk rate", "nedre 95 %-grænse for den krympede procent", header: "krympet nedre 95 %"),
            da: "nedre grænse for 95 %-troværdighedsintervallet for rate_shrunk"),
        Measure(
            "rate_shrunk_high", unit: .percent,
            .statistic { t in t.cases > 0 ? t.prior.map { 100 * $0.posterior(t.reversed, t.cases).high } : nil },
            definition: "upper end of the 95 % credible interval for rate_shrunk",
            formula: "100 × the 97.5 % quantile of Beta(α + reversed, β + cases − reversed)", context: .prior,
            words: Words("upper 95 % bound of the shrunk rate", "øvre 95 %-grænse for den krympede procent", header: "krympet øvre 95 %"),
            da: "øvre grænse for 95 %-troværdighedsintervallet for rate_shrunk"),
        Measure(
            "expected", unit: .count, decimals: 1, .statistic { t in t.expected },
            definition: "reversals expected from the group's cases per paragraph at each paragraph's national rate",
            formula: "Σ over paragraphs of cases × national rate of the paragraph", context: .expected,
            words: Words("expected reversals", "forventede omgørelser", header: "forventede"),
            da: "omgørelser forventet ud fra gruppens sager pr. paragraf og hver paragrafs procent på landsplan"),
        Measure(
            "std_ratio", unit: .count, decimals: 2,
            .statistic { t in t.expected.flatMap { $0 > 0 ? Double(t.reversed) / $0 : nil } },
            definition: "standardised ratio reversed / expected: 1 = as the national paragraph rates predict for this case mix",
            formula: "reversed / expected", context: .expected,
            words: Words("standardised reversal ratio", "standardiseret omgørelsesratio", header: "std.-ratio"),
            da: "standardiseret ratio omgjorte / forventede: 1 = som paragraffernes procenter på landsplan forudsiger for denne sammensætning af sager"),
        Measure(
            "std_ratio_low", unit: .count, decimals: 2,
            .statistic { t in t.expected.flatMap { $0 > 0 ? Standardisation.byar(t.reversed).low / $0 : nil } },
            definition: "lower end of the 95 % interval for std_ratio (Byar's approximation to the exact Poisson interval)",
            formula: "O(1 − 1/(9O) − 1.96/(3√O))³ / expected, O = reversed", context: .expected,
            words: Words("lower 95 % bound of the standardised ratio", "nedre 95 %-grænse for den standardiserede ratio", header: "std.-ratio nedre 95 %"),
            da: "nedre grænse for 95 %-intervallet for std_ratio (Byars tilnærmelse til det eksakte Poisson-interval)"),
        Measure(
            "std_ratio_high", unit: .count, decimals: 2,
            .statistic { t in t.expected.flatMap { $0 > 0 ? Standardisation.byar(t.reversed).high / $0 : nil } },
            definition: "upper end of the 95 % interval for std_ratio (Byar's approximation to the exact Poisson interval)",
            formula: "(O + 1)(1 − 1/(9(O + 1)) + 1.96/(3√(O + 1)))³ / expected, O = reversed", context: .expected,
            words: Words("upper 95 % bound of the standardised ratio", "øvre 95 %-grænse for den standardiserede ratio", header: "std.-ratio øvre 95 %"),
            da: "øvre grænse for 95 %-intervallet for std_ratio (Byars tilnærmelse til det eksakte Poisson-interval)"),
    ]

    // MARK: Dimensions

    /// Every dimension, in the order help and `show dimensions` list them.
    public static let dimensions: [Dimension] = [
        Dimension(
            "municipality", spellings: ["kommune"], .municipality, geographic: true,
            definition: "one of the 98 municipalities: by name (Aarhus), Ankestyrelsen's spelling (Århus), full name (\"Aarhus Kommune\") or code (751)",
            words: Words("municipality", "kommune", plural: ("municipalities", "kommuner")),
            da: "en af de 98 kommuner: ved navn (Aarhus), Ankestyrelsens stavemåde (Århus), fulde navn (\"Aarhus Kommune\") eller kode (751)"),
        Dimension(
            "region", .lookup(Lookup(
                base: .municipality, error: "E205", plural: "regions", prefix: "Region ",
                value: { catalog, index in catalog.municipalities[index].region })),
            geographic: true,
            definition: "one of the five regions, e.g. \"Region Hovedstaden\" or Hovedstaden",
            words: Words("region", "region", plural: ("regions", "regioner")),
            da: "en af de fem regioner, fx \"Region Hovedstaden\" eller Hovedstaden"),
        Dimension(
            "paragraph", spellings: ["paragraf", "lovgrundlag"], .paragraph,
            definition: "a paragraph-level lovgrundlag: by section (83, §83, \"§§ 95-96\"), label or code (\"1.14\")",
            words: Words("paragraph", "paragraf", plural: ("paragraphs", "paragraffer")),
            da: "et lovgrundlag på paragrafniveau: ved paragraf (83, §83, \"§§ 95-96\"), betegnelse eller kode (\"1.14\")"),
        Dimension(
            "law", spellings: ["lov"], .lookup(Lookup(
                base: .paragraph, error: "E211", plural: "laws", prefix: nil,
                value: { catalog, index in catalog.paragraphs[index].law })),
            definition: "the law: Serviceloven, or Barnets lov (children's provisions from 2024)",
            words: Words("law", "lov", plural: ("laws", "love")),
            da: "loven: Serviceloven eller Barnets lov (børnebestemmelserne fra 2024)"),
        Dimension(
            "area", spellings: ["område"], .area,
            definition: "a Danmarkskort area: generelt (socialområdet generelt), børnehandicap, voksenhandicap",
            words: Words("area", "område", plural: ("areas", "områder")),
            da: "et Danmarkskort-område: generelt (socialområdet generelt), børnehandicap, voksenhandicap"),
        Dimension("year", spellings: ["år"], .year, definition: "the data year, e.g. 2021",
            words: Words("year", "år", plural: ("years", "år")),
            da: "dataåret, fx 2021"),
        Dimension("quarter", spellings: ["kvartal"], .quarter, definition: "the quarter of the year, 1-4",
            words: Words("quarter", "kvartal", plural: ("quarters", "kvartaler")),
            da: "årets kvartal, 1-4"),
    ]

    // MARK: Areas

    /// The three Danmarkskort areas with every spelling: the name shown, the name in
    /// data files, what a query accepts, StatBank/comments headers, the published
    /// reference files' key.
    public static let areas: [AreaSpelling] = [
        AreaSpelling(
            .general, file: "generelt", query: ["generelt", "socialområdet generelt", "socialområdet", "social"],
            imports: ["socialomraadet", "serviceloven", "general", "socialomraadetgenerelt"], published: "socialomraadet_generelt"),
        AreaSpelling(
            .childDisability, file: "børnehandicap", query: ["børnehandicap"],
            imports: ["boern", "childdisability", "boernehandicapomraadet"], published: "boernehandicap"),
        AreaSpelling(
            .adultDisability, file: "voksenhandicap", query: ["voksenhandicap"],
            imports: ["voksne", "adultdisability", "voksenhandicapomraadet"], published: "voksenhandicap"),
    ]

    // MARK: Side tables

    /// Tables from Danmarks Statistik that some measures divide by, by id.
    public static let sideTables: [SideTable] = [.population, .recipients, .decisions, .grants]
}

/// The three Danmarkskort maps (spellings in `Schema.areas`).
public enum Area: String, Sendable, Equatable, CaseIterable {
    case general = "socialområdet generelt"
    case childDisability = "børnehandicap"
    case adultDisability = "voksenhandicap"

    /// The short name used in files and accepted in queries ("generelt", "børnehandicap", …).
    public var fileName: String { spelling.file }

    /// This area's entry in `Schema.areas`.
    public var spelling: AreaSpelling { Schema.areas.first { $0.area == self }! }

    /// Its position in `Area.allCases` (areas are numbered so in masks and keys).
    var index: Int { Area.allCases.firstIndex(of: self)! }
}

extension SideTable {
    public static let population = SideTable(
        "population", perArea: false, rows: { store in store.population.map { ($0.municipality, $0.year, nil, $0.value) } })
    public static let recipients = SideTable(
        "recipients", perArea: true, rows: { store in store.recipients.map { ($0.municipality, $0.year, $0.area, $0.value) } })
    /// The municipalities' total decisions (`DecisionsImporter`), per year and area.
    public static let decisions = SideTable(
        "decisions", perArea: true, origin: "a decisions file (kommune;år;område;afgørelser)", example: "decisions.csv", wholeYears: true,
        rows: { store in store.decisions.map { ($0.municipality, $0.year, $0.area, Double($0.decisions)) } })
    public static let grants = SideTable(
        "grants", perArea: true, origin: "a decisions file with a bevillinger column", example: "decisions.csv", wholeYears: true,
        rows: { store in store.decisions.compactMap { row in row.grants.map { (row.municipality, row.year, row.area, Double($0)) } } })
}

extension Measure {
    static let rate = Schema.measure("rate")
    static let cases = Schema.measure("cases")

    /// Depends on all the rows compared (the fitted prior), so it cannot be a condition on groups.
    var dependsOnAllRows: Bool { context == .prior }
    /// Needs the national rate of each paragraph (case-mix standardisation).
    var needsExpected: Bool { context == .expected }
    /// Shown as then_* and change_* under `vs YEAR` (not intervals or fitted measures).
    var showsChange: Bool { context == nil && name != "rate_low" && name != "rate_high" }
}

extension Dimension {
    public static let municipality = Schema.dimension("municipality")
    public static let region = Schema.dimension("region")
    public static let paragraph = Schema.dimension("paragraph")
    public static let law = Schema.dimension("law")
    public static let area = Schema.dimension("area")
    public static let year = Schema.dimension("year")
    public static let quarter = Schema.dimension("quarter")
}
