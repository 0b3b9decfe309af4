// Parser tests: the mission query as an exact AST, every clause and operator, precedence,
// multi-statement and multi-line scripts, error recovery, every syntax error code with
// message and range, deep nesting, a 1 MB line, and needsMoreInput.
import Testing
@testable import Query

private func r(_ lower: Int, _ upper: Int) -> SourceRange { SourceRange(lower, upper) }

struct ScriptCase: CustomTestStringConvertible, Sendable {
    let source: String
    let expected: [String]
    init(_ source: String, _ expected: String...) {
        self.source = source
        self.expected = expected
    }
    var testDescription: String { source.debugDescription }
}

struct SyntaxErrorCase: CustomTestStringConvertible, Sendable {
    let source: String
    let code: String
    let message: String
    let range: SourceRange
    let hint: String?
    init(_ source: String, _ code: String, _ message: String, _ lower: Int, _ upper: Int, hint: String? = nil) {
        self.source = source
        self.code = code
        self.message = message
        self.range = SourceRange(lower, upper)
        self.hint = hint
    }
    var testDescription: String { source.debugDescription }
}

@Suite struct ParserTests {
    @Test func parsesTheMissionQueryExactly() {
        let source = "rate by paragraph where municipality = Aarhus year 2021"
        var query = Query(measures: [Name("rate", r(0, 4))])
        query.groupBy = [Name("paragraph", r(8, 17))]
        query.filter = .compare(field: Name("municipality", r(24, 36)), op: .equal,
                                value: Literal(.word("Aarhus"), r(39, 45)), range: r(24, 45))
        query.time = [.years([TimeSpan(from: Literal(.integer(2021), r(51, 55)))], range: r(46, 55))]
        #expect(Parser.parse(source) == [.success(Statement(.query(query), range: r(0, 55)))])
    }

    @Test func recordsRangesOfClausesAndExpressions() throws {
        let source = "rate where not a in (1, 2) or b = 'x' vs national order by rate desc top 3 limit 2"
        let statement = try #require(Parser.parse(source).first).get()
        guard case .query(let query) = statement.kind, case .or(let lhs, let rhs) = query.filter else {
            Issue.record("expected an or-expression")
            return
        }
        #expect(lhs.range == r(11, 26))
        #expect(rhs.range == r(30, 37))
        #expect(query.filter?.range == r(11, 37))
        #expect(query.versusNational == r(38, 49))
        #expect(query.order == [OrderKey(key: Name("rate", r(59, 63)), descending: true)])
        #expect(query.cut == Cut(fromTop: true, count: 3, range: r(69, 74)))
        #expect(query.limit == Limit(count: 2, range: r(75, 82)))
        #expect(statement.range == r(0, 82))
    }

    static let statements: [ScriptCase] = [
        ScriptCase("rate by paragraph where municipality = Aarhus year 2021",
                   "rate | by paragraph | where municipality = Aarhus | year 2021"),
        ScriptCase("rate, cases, upheld_share by municipality, paragraph, year",
                   "rate, cases, upheld_share | by municipality, paragraph, year"),
        ScriptCase("rate limit 5 year 2021 by municipality", "rate | by municipality | year 2021 | limit 5"),
        ScriptCase("RATE BY Municipality WHERE Municipality = 'Høje-Taastrup' YEAR 2021",
                   "RATE | by Municipality | where Municipality = \"Høje-Taastrup\" | year 2021"),
        // operators and values
        ScriptCase("rate where a = 1 and b != 2 and c <> 3 and d < 4 and e <= 5.5 and f > x and g >= 2021Q3",
                   "rate | where (((a = 1 and b != 2) and (c != 3 and d < 4)) and ((e <= 5.5 and f > x) and g >= 2021Q3))"),
        ScriptCase("rate where paragraph in (§ 83, §§ 95-96, 85, \"x\", 32a)",
                   "rate | where paragraph in (§83, §95-96, 85, \"x\", 32a)"),
        ScriptCase("rate where municipality not in (Aarhus, 'Høje-Taastrup')",
                   "rate | where municipality not in (Aarhus, \"Høje-Taastrup\")"),
        ScriptCase("rate where municipality NOT IN (Aarhus)", "rate | where municipality not in (Aarhus)"),
        ScriptCase("rate where year >= 2020 and quarter = 3 and by = where",
                   "rate | where ((year >= 2020 and quarter = 3) and by = where)"),
        ScriptCase("rate where municipality = Aarhus by year", "rate | by year | where municipality = Aarhus"),
        // precedence and parentheses
        ScriptCase("rate where a = 1 or b = 2 and c = 3", "rate | where (a = 1 or (b = 2 and c = 3))"),
        ScriptCase("rate where (a = 1 or b = 2) and c = 3", "rate | where ((a = 1 or b = 2) and c = 3)"),
        ScriptCase("rate where a = 1 or b = 2 or c = 3", "rate | where ((a = 1 or b = 2) or c = 3)"),
        ScriptCase("rate where not a = 1 and b = 2", "rate | where (not a = 1 and b = 2)"),
        ScriptCase("rate where not (a = 1 or b = 2)", "rate | where not (a = 1 or b = 2)"),
        ScriptCase("rate where not not a = 1", "rate | where not not a = 1"),
        ScriptCase("rate where ((a = 1))", "rate | where a = 1"),
        // time clauses
        ScriptCase("rate year 2021", "rate | year 2021"),
        ScriptCase("rate years 2019..2023", "rate | year 2019..2023"),
        ScriptCase("rate years 2019, 2021..2022", "rate | year 2019, 2021..2022"),
        ScriptCase("rate year 2020Q3..2021Q2", "rate | year 2020Q3..2021Q2"),
        ScriptCase("rate since 2020", "rate | since 2020"),
        ScriptCase("rate since 2020K3", "rate | since 2020Q3"),
        ScriptCase("rate quarter 3", "rate | quarter 3"),
        ScriptCase("rate quarters 1..2", "rate | quarter 1..2"),
        ScriptCase("rate quarters 1, 3", "rate | quarter 1, 3"),
        ScriptCase("rate year 2021 quarter 1", "rate | year 2021 | quarter 1"),
        ScriptCase("rate year 2019 year 2021", "rate | year 2019 | year 2021"),
        // vs national, order by, top/bottom/limit
        ScriptCase("rate by municipality vs national", "rate | by municipality | vs national"),
        ScriptCase("rate VS National", "rate | vs national"),
        ScriptCase("rate by municipality order by rate desc", "rate | by municipality | order by rate desc"),
        ScriptCase("rate order by rate DESC, municipality asc, cases",
                   "rate | order by rate desc, municipality asc, cases asc"),
        ScriptCase("rate by municipality top 10", "rate | by municipality | top 10"),
        ScriptCase("rate by municipality bottom 5", "rate | by municipality | bottom 5"),
        ScriptCase("rate top 0 limit 0", "rate | top 0 | limit 0"),
        // commands
        ScriptCase("show municipalities", "show municipalities"),
        ScriptCase("SHOW Paragraphs", "show Paragraphs"),
        ScriptCase("describe rate", "describe rate"),
        ScriptCase("load \"data/ankestyrelsen.px\"", "load \"data/ankestyrelsen.px\""),
        ScriptCase("load datasets", "load datasets"),
        ScriptCase("check", "check"),
    ]

    @Test(arguments: statements)
    func parsesStatements(_ testCase: ScriptCase) {
        #expect(sketch(Parser.parse(testCase.source)) == testCase.expected)
    }

    static let scripts: [ScriptCase] = [
        ScriptCase("rate; cases by year", "rate", "cases | by year"),
        ScriptCase("show municipalities; rate by paragraph; check",
                   "show municipalities", "rate | by paragraph", "check"),
        ScriptCase("rate;;\n\n; cases ;", "rate", "cases"),
        ScriptCase("", ),
        ScriptCase("  -- only a comment\n\n# another\n"),
        ScriptCase("""
            rate, cases
              by municipality
              where region = "Region Hovedstaden"
                and cases >= 10
              year 2021
            """,
                   "rate, cases | by municipality | where (region = \"Region Hovedstaden\" and cases >= 10) | year 2021"),
        ScriptCase("rate by municipality\ncases by year", "rate | by municipality", "cases | by year"),
        ScriptCase("rate by\n  municipality,\n  paragraph\nwhere (\n  a = 1\n  or b = 2\n)\n",
                   "rate | by municipality, paragraph | where (a = 1 or b = 2)"),
        ScriptCase("rate where a = 1\n\n  -- why\n  or b = 2 # end\nlimit 3",
                   "rate | where (a = 1 or b = 2) | limit 3"),
        ScriptCase("rate where a in (\n 1,\n 2\n)\ncheck", "rate | where a in (1, 2)", "check"),
        ScriptCase("show years\ndescribe rate\nload 'x.csv'", "show years", "describe rate", "load \"x.csv\""),
        // error recovery: the bad statement reports, the next still parses
        ScriptCase("rate whre x = 1\ncases by year",
                   "E114 5..9 expected a clause (by, where, year, …), found 'whre'", "cases | by year"),
        ScriptCase("rate by ; cases", "E110 8..9 expected a dimension after 'by', found ';'", "cases"),
        ScriptCase("rate where (a = 1\ncases by year", "E110 18..23 expected ')', found 'cases'", "cases | by year"),
        ScriptCase("rate by x by y\n  year 2021\ncheck", "E112 10..12 'by' given twice", "check"),
        ScriptCase("rate where a = 1\n  adn b = 2\ncases", "rate | where a = 1",
                   "E114 23..24 expected a clause (by, where, year, …), found 'b'", "cases"),
        ScriptCase("rate @ by year; cases", "E100 5..6 unexpected character '@'", "cases"),
        ScriptCase("@\nrate", "E100 0..1 unexpected character '@'", "rate"),
        ScriptCase("rate where a = 'open\nrate", "E101 15..16 unterminated string", "rate"),
        ScriptCase("rate\n\u{7}", "rate", "E100 5..6 unexpected character U+0007"),
    ]

    @Test(arguments: scripts)
    func parsesScripts(_ testCase: ScriptCase) {
        #expect(sketch(Parser.parse(testCase.source)) == testCase.expected)
    }

    @Test func statementRangesCoverTheirTokens() {
        let ranges = Parser.parse("rate;  cases by year\n check").compactMap { try? $0.get().range }
        #expect(ranges == [r(0, 4), r(7, 20), r(22, 27)])
    }
}
