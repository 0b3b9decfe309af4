// Danish keyword spellings give the same results as the English ones: every
// statement below runs in both languages (and mixed, and in upper case) and the
// results must be equal cell for cell. Every non-English spelling in the Schema
// must appear in some Danish statement here, so a new spelling needs a pair.

import Testing
@testable import Query

@Suite struct DanishKeywordTests {
    /// (Danish or mixed statement, the English statement that must give the same result).
    static let pairs: [(danish: String, english: String)] = [
        // The issue's three statements, exactly as typed there.
        ("omgørelsesprocent efter kommune hvor region = Nordjylland år 2022",
         "rate by municipality where region = Nordjylland year 2022"),
        ("omgørelsesprocent, antal sager efter paragraf hvor kommune = Aarhus og år >= 2020",
         "rate, cases by paragraph where municipality = Aarhus and year >= 2020"),
        ("rate by kommune år 2021", "rate by municipality year 2021"),
        // One statement per keyword spelling.
        ("rate fordelt på region år 2022", "rate by region year 2022"),
        ("rate pr. region år 2022", "rate by region year 2022"),
        ("rate per region år 2022", "rate by region year 2022"),
        ("rate hvor kommune = Aarhus år 2022", "rate where municipality = Aarhus year 2022"),
        ("rate efter år årene 2020..2021", "rate by year years 2020..2021"),
        ("rate efter år siden 2022", "rate by year since 2022"),
        ("rate efter år fra 2022", "rate by year since 2022"),
        ("rate år 2021 kvartal 3", "rate year 2021 quarter 3"),
        ("rate efter kvartal kvartaler 1..2 år 2021", "rate by quarter quarters 1..2 year 2021"),
        ("rate efter region mod landsplan", "rate by region vs national"),
        ("rate efter region vs landsplan", "rate by region vs national"),
        ("rate efter region mod 2021 år 2022", "rate by region vs 2021 year 2022"),
        ("rate efter region mod landsplan eksakt", "rate by region vs national exact"),
        ("rate efter region år 2022 rullende 3", "rate by region year 2022 rolling 3"),
        ("rate efter region år 2022 over 3 år", "rate by region year 2022 over 3 years"),
        ("rate efter region sorter efter rate faldende", "rate by region order by rate desc"),
        ("rate efter region sortér efter region stigende", "rate by region order by region asc"),
        ("rate efter kommune top 3", "rate by municipality top 3"),
        ("rate efter kommune bund 3", "rate by municipality bottom 3"),
        ("rate efter kommune højst 3", "rate by municipality limit 3"),
        ("rate hvor kommune = Aarhus og år >= 2020", "rate where municipality = Aarhus and year >= 2020"),
        ("rate efter kommune hvor kommune = Aarhus eller kommune = Odense",
         "rate by municipality where municipality = Aarhus or municipality = Odense"),
        ("rate efter region hvor ikke region = Hovedstaden", "rate by region where not region = Hovedstaden"),
        ("rate efter kommune hvor kommune i (Aarhus, Odense)", "rate by municipality where municipality in (Aarhus, Odense)"),
        ("rate efter kommune hvor kommune ikke i (Aarhus, Odense) top 2",
         "rate by municipality where municipality not in (Aarhus, Odense) top 2"),
        ("vis regioner", "show regions"),
        ("vis områder", "show areas"),
        ("beskriv omgørelsesprocent", "describe rate"),
        ("tjek", "check"),
        ("svar omgørelsesprocent hvor kommune = Aarhus år 2021", "answer rate where municipality = Aarhus year 2021"),
        // Measures of several words.
        ("antal sager, sager, omgjorte sager, afgjorte sager efter region år 2022",
         "cases, cases, reversed, decided by region year 2022"),
        ("rate efter område, år årene 2021..2022", "rate by area, year years 2021..2022"),
        // Upper case, title case and mixed languages.
        ("OMGØRELSESPROCENT FORDELT PÅ REGION HVOR ÅR >= 2021 SORTER EFTER RATE FALDENDE",
         "rate by region where year >= 2021 order by rate desc"),
        ("Rate Fordelt På Region Where År = 2022 Order Efter Rate Desc", "rate by region where year = 2022 order by rate desc"),
        ("RATE PR. KOMMUNE HVOR REGION = NORDJYLLAND ÅR 2022 HØJST 4", "rate by municipality where region = Nordjylland year 2022 limit 4"),
    ]

    static func comparable(_ output: StatementOutput) -> String {
        switch output {
        case .table(let result): "\(result.columns.map(\.name))\n\(result.rows)"
        case .text(let text): text
        case .answer(let answer): "\(answer)"
        case .error(let diagnostic): "error \(diagnostic.code): \(diagnostic.message)"
        }
    }

    @Test(arguments: pairs.indices)
    func danishMatchesEnglish(index: Int) throws {
        var engine = try #require(Golden.engine)
        let (danish, english) = Self.pairs[index]
        let d = engine.run(danish), e = engine.run(english)
        #expect(d.count == 1 && e.count == 1)
        if case .error(let diagnostic) = d.first { Issue.record("\(danish): \(diagnostic.message)") }
        if case .error(let diagnostic) = e.first { Issue.record("\(english): \(diagnostic.message)") }
        #expect(d.map(Self.comparable) == e.map(Self.comparable), "\(danish) ≠ \(english)")
    }

    @Test func everyDanishSpellingIsExercised() {
        let used = Set(Self.pairs.flatMap { pair in
            Lexer.scan(pair.danish).tokens.compactMap { token -> String? in
                if case .word(let w) = token.kind { return foldName(w) }
                return nil
            }
        })
        // load, unload and as change what is loaded: loadSpellingsTakeAPathAndACitation parses them.
        for entry in Schema.keywords where ![.load, .unload, .as, .fdr].contains(entry.keyword) {
            for spelling in entry.spellings.dropFirst() {
                #expect(used.contains(foldName(spelling)), "no Danish statement uses '\(spelling)' (\(entry.keyword))")
            }
        }
        for spelling in Schema.measures.flatMap(\.spellings) where spelling.contains(" ") {
            #expect(used.contains(foldName(spelling)), "no statement uses '\(spelling)'")
        }
    }

    @Test func loadSpellingsTakeAPathAndACitation() throws {
        for statement in ["indlæs data/x.csv som \"Ankestyrelsen, udtræk\"", "HENT data/x.csv as \"Ankestyrelsen, udtræk\"",
                          "load data/x.csv SOM \"Ankestyrelsen, udtræk\""] {
            let parsed = Parser.parse(statement)
            guard case .success(let s) = parsed.first, case .load(let file, let citation) = s.kind else {
                Issue.record("\(statement): \(parsed)")
                continue
            }
            #expect(file.kind == .word("data/x.csv"))
            #expect(citation?.kind == .string("Ankestyrelsen, udtræk"))
        }
        guard case .success(let s) = Parser.parse("FJERN data/x.csv").first, case .unload(let file) = s.kind else {
            Issue.record("fjern does not parse as unload")
            return
        }
        #expect(file.kind == .word("data/x.csv"))
    }

    @Test func mergedSpellingsKeepTheirColumns() {
        let tokens = Lexer.scan("rate  Fordelt   På kommune pr. år").tokens
        #expect(tokens.map(\.kind) == [.word("rate"), .word("Fordelt På"), .word("kommune"), .word("pr."), .word("år"), .end])
        #expect(tokens[1].range == SourceRange(6, 19))  // "Fordelt   På": å is two bytes
        #expect(tokens[3].range == SourceRange(28, 31))
        // A line break ends a spelling: `fordelt` then `på` on the next line stay two words.
        #expect(Lexer.scan("fordelt\npå").tokens.count == 4)
    }

    @Test func danishWordsDoNotBreakValues() throws {
        var engine = try #require(Golden.engine)
        // `i`, `og`, `fra` and `per` as keywords leave names and quoted values alone.
        for statement in ["rate where municipality = \"Ringkøbing-Skjern\"", "rate where paragraph = \"§§ 68 og 76\"",
                          "decided_per_10k by region year 2022", "rate where paragraph in (§ 83, § 85) and municipality = Aarhus"] {
            for output in engine.run(statement) {
                if case .error(let d) = output { Issue.record("\(statement): \(d.message)") }
            }
        }
    }
}
