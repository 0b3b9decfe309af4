// Engine semantics on a small hand-made store whose answers can be worked out
// by hand: ratios of summed counts, empty rates over zero cases, areas that
// overlap, the Barnets lov crosswalk, the national comparison.

import Testing
@testable import Query

enum Fixture {
    static let catalog = Catalog(
        municipalities: [
            Municipality(code: 101, name: "København", astName: "København", fullName: "Københavns Kommune", region: "Region Hovedstaden"),
            Municipality(code: 751, name: "Aarhus", astName: "Århus", fullName: "Aarhus Kommune", region: "Region Midtjylland"),
            Municipality(code: 825, name: "Læsø", astName: "Læsø", fullName: "Læsø Kommune", region: "Region Nordjylland"),
        ],
        paragraphs: [
            Paragraph(code: "1.1", law: "Serviceloven", label: "Børn - merudgifter - § 41", sections: ["41"], areas: [.general, .childDisability]),
            Paragraph(code: "1.2", law: "Serviceloven", label: "Voksne - personlig hjælp og pleje - § 83", sections: ["83"], areas: [.general]),
            Paragraph(code: "1.3", law: "Serviceloven", label: "Voksne - BPA og kontant tilskud - §§ 95-96", sections: ["95", "96"], areas: [.general, .adultDisability]),
            Paragraph(code: "2.1", law: "Barnets lov", label: "Børn - merudgifter - Barnets lov § 86", sections: ["86"], areas: [.general, .childDisability], formerly: "1.1"),
        ])

    /// (year, quarter, municipality index, paragraph index, upheld, changed, remanded, dismissed)
    static let rows: [(Int, Int, Int, Int, Int, Int, Int, Int)] = [
        (2021, 1, 1, 0, 105, 5, 19, 10),  // Ankestyrelsen's worked example: 24 of 129 = 18.6 %
        (2021, 2, 1, 1, 1, 1, 0, 0),
        (2021, 1, 0, 0, 10, 10, 0, 2),
        (2021, 3, 0, 2, 3, 0, 1, 0),
        (2021, 4, 2, 1, 0, 0, 0, 1),  // Læsø: one dismissed complaint, no case on the merits
        (2023, 4, 1, 0, 6, 2, 2, 0),
        (2024, 1, 1, 3, 4, 4, 0, 1),
    ]

    static var engine: Engine {
        var facts = FactTable()
        for r in rows {
            facts.append(year: r.0, quarter: r.1, municipality: r.2, paragraph: r.3,
                         counts: OutcomeCounts(upheld: r.4, changed: r.5, remanded: r.6, dismissed: r.7), days: 100, dataset: 0)
        }
        let info = DatasetInfo(name: "fixture", path: "fixture.csv", format: "dkq-csv", synthetic: false, source: "test", checksum: "0")
        return Engine(store: OutcomeStore(catalog: catalog, facts: facts, datasets: [info]))
    }

    static func table(_ query: String) -> ResultSet? {
        var engine = engine
        let outputs = engine.run(query)
        guard outputs.count == 1, case .table(let result) = outputs[0] else { return nil }
        return result
    }

    static func error(_ query: String) -> Diagnostic? {
        var engine = engine
        guard case .error(let diagnostic) = engine.run(query).last else { return nil }
        return diagnostic
    }
}

@Suite struct EngineTests {
    @Test func workedExampleFromAnkestyrelsen() throws {
        let result = try #require(Fixture.table("rate, cases, reversed where municipality = Aarhus and paragraph = 41 year 2021"))
        #expect(result.rows == [[.number(100.0 * 24 / 129, decimals: 1, n: 129), .integer(129), .integer(24)]])
    }

    @Test func rateOverGroupsIsRatioOfSums() throws {
        let result = try #require(Fixture.table("rate, cases by municipality year 2021"))
        // Aarhus: (5+19+1)/(129+2) = 19.1 %, not the mean of 18.6 % and 50 %.
        #expect(result.rows[1] == [.named("Aarhus", Entity("municipality", "751")), .number(100.0 * 25 / 131, decimals: 1, n: 131), .integer(131)])
        #expect(result.rows[0] == [.named("København", Entity("municipality", "101")), .number(100.0 * 11 / 24, decimals: 1, n: 24), .integer(24)])
    }

    @Test func zeroCasesGiveMissingRateNotZero() throws {
        let result = try #require(Fixture.table("rate, cases by municipality year 2021"))
        #expect(result.rows[2] == [.named("Læsø", Entity("municipality", "825")), .missing, .integer(0)])
        #expect(result.noteLines().contains("1 of 3 rows has no cases: its rate is left empty."))
    }

    @Test func casesAreAddedBesideRates() throws {
        let result = try #require(Fixture.table("rate year 2021"))
        #expect(result.columns.map(\.name) == ["rate", "cases"])
    }

    @Test func areasOverlapWhenGrouped() throws {
        let result = try #require(Fixture.table("cases by area year 2021"))
        // § 41 counts under both generelt and børnehandicap; §§ 95-96 under generelt and voksenhandicap.
        #expect(result.rows == [
            [.named("socialområdet generelt", Entity("area", "generelt")), .integer(129 + 2 + 20 + 4)],
            [.named("børnehandicap", Entity("area", "børnehandicap")), .integer(129 + 20)],
            [.named("voksenhandicap", Entity("area", "voksenhandicap")), .integer(4)],
        ])
    }

    @Test func areaFilterRestrictsGroups() throws {
        let result = try #require(Fixture.table("cases by area where area = børnehandicap year 2021"))
        #expect(result.rows == [[.named("børnehandicap", Entity("area", "børnehandicap")), .integer(149)]])
    }

    @Test func crosswalkFollowsSection41IntoBarnetsLov() throws {
        let result = try #require(Fixture.table("cases by year where paragraph = 41 and municipality = Aarhus year 2023..2024"))
        #expect(result.rows == [[.integer(2023), .integer(10)], [.integer(2024), .integer(8)]])
        #expect(result.noteLines().contains("Serviceloven § 41 continues as Barnets lov § 86: the condition on § 41 covers both."))
    }

    @Test func versusNationalDropsOnlyGeography() throws {
        let result = try #require(Fixture.table("rate by municipality where municipality = Aarhus and paragraph = 41 year 2021 vs national"))
        #expect(result.columns.map(\.name) == ["municipality", "rate", "cases", "national_rate", "diff_rate", "verdict"])
        let own = 100.0 * 24 / 129, national = 100.0 * 34 / 149
        #expect(result.rows == [[.named("Aarhus", Entity("municipality", "751")), .number(own, decimals: 1, n: 129), .integer(129), .number(national, decimals: 1, n: 149),
                                 .number(own - national, decimals: 1), .text("within")]])
    }

    @Test func measureFilterAppliesToGroups() throws {
        let result = try #require(Fixture.table("cases by municipality where cases >= 20 year 2021"))
        #expect(result.rows.map { $0[0] } == [.named("København", Entity("municipality", "101")), .named("Aarhus", Entity("municipality", "751"))])
    }

    @Test func topOrdersByFirstMeasure() throws {
        let result = try #require(Fixture.table("rate by municipality year 2021 top 1"))
        #expect(result.rows.map { $0[0] } == [.named("København", Entity("municipality", "101"))])
        #expect(result.noteLines().contains("Top 1 of 3 rows."))
    }

    @Test func defaultYearIsLatestAndSaid() throws {
        let result = try #require(Fixture.table("cases"))
        #expect(result.rows == [[.integer(8)]])
        #expect(result.noteLines().contains("No data for 2 municipalities (København, Læsø) in the chosen period: the figures cover the municipalities with data."))
        #expect(result.noteLines().first == "Year 2024, the latest in the data (choose others with 'year').")
    }

    @Test func wilsonIntervalMatchesFormula() throws {
        let result = try #require(Fixture.table("rate_low, rate_high where municipality = Aarhus and paragraph = 41 year 2021"))
        let interval = try #require(Statistics.wilson(24, 129))
        #expect(result.rows[0][0] == .number(100 * interval.low, decimals: 1))
        #expect(abs(interval.low - 0.128) < 0.001 && abs(interval.high - 0.262) < 0.001)
    }

    struct BadQuery: Sendable, CustomStringConvertible {
        var query: String
        var code: String
        var message: String
        var hint: String?
        var description: String { query }
    }

    @Test(arguments: [
        BadQuery(query: "rate where municipality = Arhus", code: "E201", message: "unknown municipality 'Arhus'", hint: "did you mean 'Aarhus'?"),
        BadQuery(query: "rte", code: "E200", message: "unknown measure 'rte'", hint: "did you mean 'rate'?"),
        BadQuery(query: "rate by municipalty", code: "E203", message: "unknown dimension 'municipalty'", hint: "did you mean 'municipality'?"),
        BadQuery(query: "rate year 2030", code: "E206", message: "no data for 2030", hint: "the data covers 2021, 2023–2024"),
        BadQuery(query: "rate where area = boernehandicapp", code: "E204", message: "unknown area 'boernehandicapp'", hint: "did you mean 'børnehandicap'?"),
        BadQuery(query: "rate where municipality > 3", code: "E207", message: "'>' does not apply to municipality; use '=', '!=' or 'in'", hint: nil),
        BadQuery(query: "rate where municipality = Aarhus or cases > 3", code: "E212", message: "a condition on a dimension and one on a measure cannot be joined by 'or' here",
                 hint: "measure conditions apply to grouped rows: join them to the rest with a top-level 'and'"),
        BadQuery(query: "rate where paragraph = 99", code: "E202", message: "no paragraph covers § 99", hint: nil),
        BadQuery(query: "rate by year order by cases2", code: "E209", message: "cannot order by 'cases2': it is not a column of the result", hint: "did you mean 'cases'?"),
        BadQuery(query: "municipality by year", code: "E200", message: "'municipality' is a dimension, not a measure", hint: "group by it: e.g. 'rate by municipality'"),
        BadQuery(query: "rate quarter 5", code: "E210", message: "a quarter is 1, 2, 3 or 4, not '5'", hint: "for one quarter of one year write e.g. 'year 2021Q3'"),
        BadQuery(query: "show municipalitis", code: "E208", message: "cannot show 'municipalitis'", hint: "did you mean 'municipalities'?"),
    ])
    func bindingErrors(_ bad: BadQuery) throws {
        let diagnostic = try #require(Fixture.error(bad.query))
        #expect(diagnostic.code == bad.code)
        #expect(diagnostic.message == bad.message)
        if let hint = bad.hint { #expect(diagnostic.hint == hint) }
    }
}

@Suite struct CompletionTests {
    struct Case: Sendable, CustomStringConvertible {
        var line: String
        var expected: [String]
        var description: String { line }
    }

    @Test(arguments: [
        Case(line: "ra", expected: ["rate", "rate_low", "rate_high", "rate_shrunk", "rate_shrunk_low", "rate_shrunk_high"]),
        Case(line: "rate by mun", expected: ["municipality"]),
        Case(line: "rate by paragraph where municipality = Aar", expected: ["Aarhus"]),
        Case(line: "rate where municipality = l", expected: ["Læsø"]),
        Case(line: "rate where municipality = lae", expected: ["Læsø"]),
        Case(line: "rate where municipality in (Aarhus, K", expected: ["København"]),
        Case(line: "rate where area = b", expected: ["børnehandicap"]),
        Case(line: "rate where region = n", expected: ["Nordjylland"]),
        Case(line: "rate where region = \"Region H", expected: ["\"Region Hovedstaden\""]),
        Case(line: "rate where paragraph = \"Voksne - B", expected: ["\"Voksne - BPA og kontant tilskud - §§ 95-96\""]),
        Case(line: "rate by year wh", expected: ["where"]),
        Case(line: "show mu", expected: ["municipalities"]),
        Case(line: "rate vs n", expected: ["national"]),
        Case(line: "rate vs 202", expected: ["2021", "2023", "2024"]),
        Case(line: "rate by municipality vs national e", expected: ["exact", "efter", "eksakt"]),
        Case(line: "rate by municipality year 2021 rol", expected: ["rolling"]),
        Case(line: "rate year 202", expected: ["2021", "2023", "2024"]),
        Case(line: "cases; ra", expected: ["rate", "rate_low", "rate_high", "rate_shrunk", "rate_shrunk_low", "rate_shrunk_high"]),

        // A complete word stays among the candidates, so TAB leaves `rate` as it is.
        Case(line: "rate", expected: ["rate", "rate_low", "rate_high", "rate_shrunk", "rate_shrunk_low", "rate_shrunk_high"]),
        Case(line: "rate by year", expected: ["year"]),
        // Danish spellings the binder accepts.
        Case(line: "omg", expected: ["omgjorte", "omgjorte sager", "omgjorte_pr_1000_afgørelser", "omgørelsesprocent"]),
        Case(line: "rate by kom", expected: ["kommune"]),
        Case(line: "rate by år", expected: ["år"]),
        Case(line: "rate ef", expected: ["efter"]),
        Case(line: "rate fordelt på kom", expected: ["kommune"]),
        Case(line: "vis kom", expected: ["kommentarer", "kommuner"]),
        Case(line: "rate efter region h", expected: ["hvor", "højst"]),
        // A paragraph by its number or any part of its label.
        Case(line: "rate where paragraph = 83", expected: ["\"Voksne - personlig hjælp og pleje - § 83\""]),
        Case(line: "rate where paragraph = § 8", expected: [
            "\"Voksne - personlig hjælp og pleje - § 83\"", "\"Børn - merudgifter - Barnets lov § 86\"",
        ]),
        Case(line: "rate where paragraph = §95", expected: ["\"Voksne - BPA og kontant tilskud - §§ 95-96\""]),
        Case(line: "rate where paragraph = kontant", expected: ["\"Voksne - BPA og kontant tilskud - §§ 95-96\""]),
    ])
    func completes(_ c: Case) {
        let engine = Fixture.engine
        #expect(engine.completions(in: c.line, cursor: c.line.utf8.count) == c.expected)
    }

    @Test func completesAtCursorNotLineEnd() {
        let line = "rate by mun year 2021"
        let cursor = "rate by mun".utf8.count
        #expect(Fixture.engine.completions(in: line, cursor: cursor) == ["municipality"])
        #expect(Engine.completionStart(in: line, cursor: cursor) == "rate by ".utf8.count)
        #expect(Engine.completionStart(in: "paragraph = § 8", cursor: "paragraph = § 8".utf8.count) == "paragraph = ".utf8.count)
    }
}

/// Random token soup must never crash the engine: every statement gives a result or an error.
@Suite struct RobustnessTests {
    static let pieces = [
        "rate", "cases", "by", "where", "year", "years", "since", "quarter", "vs", "national", "order", "top", "bottom",
        "limit", "and", "or", "not", "in", "(", ")", ",", ";", "=", "!=", "<", ">=", "..", "2021", "2024Q3", "0", "-1",
        "municipality", "paragraph", "area", "region", "law", "Aarhus", "Læsø", "§83", "§§ 95-96", "\"Barnets lov § 86\"",
        "børnehandicap", "show", "describe", "load", "check", "\n", "  ", "--x\n", "\u{7}", "é", "\"", "'", "99999999999999999999",
        "rate_low", "funnel", "top 0", "order by", "asc", "desc", "1.5", "@",
    ]

    @Test func randomInputNeverCrashes() {
        var state: UInt64 = 0x646b_715f_6675_7a7a
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var engine = Fixture.engine
        var outputs = 0
        for _ in 0..<3_000 {
            let count = 1 + next() % 14
            let text = (0..<count).map { _ in Self.pieces[next() % Self.pieces.count] }.joined(separator: " ")
            let results = engine.run(text)
            outputs += results.count
            // Running stops at the first error: an error can only be the last output.
            #expect(!results.dropLast().contains { if case .error = $0 { true } else { false } }, "\(text)")
            for result in results {
                // Rendering must not crash either.
                _ = Renderer.render(result, source: text)
            }
        }
        #expect(outputs > 2_500)
    }
}
