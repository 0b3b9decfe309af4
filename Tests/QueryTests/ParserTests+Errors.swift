// Parser error tests: every syntax error code (E110-E114) with exact message, range and
// hint; nesting 10,000 deep; a 1 MB statement; and needsMoreInput.
import Testing
@testable import Query

extension ParserTests {
    static let syntaxErrors: [SyntaxErrorCase] = [
        // E110 expected X, found Y
        SyntaxErrorCase(", rate", "E110", "expected a measure, found ','", 0, 1,
                        hint: "a statement starts with measures (rate by municipality) or show, describe, load, check"),
        SyntaxErrorCase("rate, , cases", "E110", "expected a measure, found ','", 6, 7, hint: "e.g. rate by municipality"),
        SyntaxErrorCase("by municipality", "E110", "expected a measure, found 'by'", 0, 2,
                        hint: "a statement starts with its measures, e.g. rate by municipality"),
        SyntaxErrorCase("rate, by year", "E110", "expected a measure, found 'by'", 6, 8, hint: "e.g. rate by municipality"),
        SyntaxErrorCase("rate where (a = 1 b", "E110", "expected ')', found 'b'", 18, 19),
        SyntaxErrorCase("rate where a == 1", "E110", "expected a value, found '='", 14, 15,
                        hint: "e.g. Aarhus, \"Region Hovedstaden\", 10, § 83"),
        SyntaxErrorCase("rate where a 1", "E110",
                        "expected a comparison (=, !=, <, <=, >, >=, in) after 'a', found '1'", 13, 14),
        SyntaxErrorCase("rate where = 1", "E110", "expected a condition (e.g. municipality = Aarhus), found '='", 11, 12),
        SyntaxErrorCase("rate where a not (1)", "E110", "expected 'in' after 'not', found '('", 17, 18),
        SyntaxErrorCase("rate where a in 1", "E110", "expected '(', found '1'", 16, 17),
        SyntaxErrorCase("rate where a in (1 2)", "E110", "expected ',' or ')', found '2'", 19, 20),
        SyntaxErrorCase("rate where a in ()", "E110", "expected a value, found ')'", 17, 18,
                        hint: "e.g. Aarhus, \"Region Hovedstaden\", 10, § 83"),
        SyntaxErrorCase("rate where a = 1)", "E110",
                        "expected 'and', 'or' or a clause (by, where, year, …), found ')'", 16, 17,
                        hint: "this ')' closes nothing"),
        SyntaxErrorCase("rate by 2021", "E110", "expected a dimension after 'by', found '2021'", 8, 12,
                        hint: "e.g. by municipality, paragraph"),
        SyntaxErrorCase("rate year x", "E110", "expected a year (2021) or a period (2021Q3) after 'year', found 'x'", 10, 11),
        SyntaxErrorCase("rate year 2019-2021", "E110",
                        "expected a year (2021) or a period (2021Q3) after 'year', found '2019-2021'", 10, 19,
                        hint: "write a range with '..': 2019..2021"),
        SyntaxErrorCase("rate quarters 1..x", "E110",
                        "expected a quarter (1-4) or a period (2021Q3) after '..', found 'x'", 17, 18),
        SyntaxErrorCase("rate since \"2020\"", "E110",
                        "expected a year (2021) or a period (2021Q3) after 'since', found '\"2020\"'", 11, 17),
        SyntaxErrorCase("rate vs regional", "E110", "expected 'national' or a year after 'vs', found 'regional'", 8, 16, hint: "e.g. vs national, vs 2021"),
        SyntaxErrorCase("rate order rate", "E110", "expected 'by' after 'order', found 'rate'", 11, 15),
        SyntaxErrorCase("rate top x", "E110", "expected a number after 'top', found 'x'", 9, 10, hint: "e.g. top 10"),
        SyntaxErrorCase("rate limit 2.5", "E110", "expected a number after 'limit', found '2.5'", 11, 14,
                        hint: "e.g. limit 10"),
        SyntaxErrorCase("show municipalities now", "E110", "expected ';' or end of line, found 'now'", 20, 23),
        // `load 42` reads a file named 42 (paths may be unquoted); nothing after load is an error.
        SyntaxErrorCase("load ;", "E110", "expected a file name in quotes, found ';'", 5, 6,
                        hint: "e.g. load \"data.csv\""),
        // E111 unexpected end of input: empty range at the end of the last token
        SyntaxErrorCase("rate where (a = 1", "E111", "expected ')', found end of input", 17, 17),
        SyntaxErrorCase("rate by   -- trailing\n\n", "E111", "expected a dimension after 'by', found end of input", 7, 7,
                        hint: "e.g. by municipality, paragraph"),
        SyntaxErrorCase("rate,", "E111", "expected a measure, found end of input", 5, 5, hint: "e.g. rate by municipality"),
        SyntaxErrorCase("rate year 2019..", "E111",
                        "expected a year (2021) or a period (2021Q3) after '..', found end of input", 16, 16),
        SyntaxErrorCase("show", "E111",
                        "expected what to show (municipalities, paragraphs, areas, years, measures, …), found end of input",
                        4, 4),
        // E112 duplicate clause, pointing at the second
        SyntaxErrorCase("rate where a = 1 where b = 2", "E112", "'where' given twice", 17, 22,
                        hint: "combine conditions with 'and' / 'or'"),
        SyntaxErrorCase("rate by a by b", "E112", "'by' given twice", 10, 12,
                        hint: "list several dimensions after one 'by': by municipality, year"),
        SyntaxErrorCase("rate top 3 bottom 2", "E112", "'bottom' given after 'top'", 11, 17,
                        hint: "use either 'top' or 'bottom', once"),
        SyntaxErrorCase("rate limit 1 LIMIT 2", "E112", "'limit' given twice", 13, 18),
        SyntaxErrorCase("rate vs national vs national", "E112", "'vs' given twice", 17, 19),
        // E114 unknown clause keyword, with did-you-mean
        SyntaxErrorCase("rate by paragraph whre municipality = Aarhus", "E114",
                        "expected a clause (by, where, year, …), found 'whre'", 18, 22, hint: "did you mean 'where'?"),
        SyntaxErrorCase("rate by municipality lmit 5", "E114",
                        "expected a clause (by, where, year, …), found 'lmit'", 21, 25, hint: "did you mean 'limit'?"),
        SyntaxErrorCase("rate where a = 1 adn b = 2", "E114",
                        "expected a clause (by, where, year, …), found 'adn'", 17, 20, hint: "did you mean 'and'?"),
        SyntaxErrorCase("rate where region = Region Hovedstaden", "E114",
                        "expected a clause (by, where, year, …), found 'Hovedstaden'", 27, 38,
                        hint: "quote a value with spaces: \"Region Hovedstaden\""),
        // An unknown first word: the caret on it, not on the word after it.
        SyntaxErrorCase("shwo municipalities", "E110", "expected a measure or a command, found 'shwo'", 0, 4,
                        hint: "did you mean 'show'?"),
        SyntaxErrorCase("explain rate by municipality", "E110", "expected a measure or a command, found 'explain'", 0, 7,
                        hint: "a statement starts with measures (rate by municipality) or show, describe, load, check, answer"),
        SyntaxErrorCase("kommune rate", "E110", "expected a measure or a command, found 'kommune'", 0, 7,
                        hint: "'kommune' is a dimension; a statement starts with its measures, e.g. rate by kommune"),
        SyntaxErrorCase("rate order by rate descending", "E114",
                        "expected a clause (by, where, year, …), found 'descending'", 19, 29, hint: "write 'desc' or 'asc'"),
        SyntaxErrorCase("rate 2021", "E110", "expected a clause (by, where, year, …), found '2021'", 5, 9),
    ]

    @Test(arguments: syntaxErrors)
    func reportsSyntaxErrors(_ testCase: SyntaxErrorCase) throws {
        let results = Parser.parse(testCase.source)
        #expect(results.count == 1)
        guard case .failure(let diagnostic) = try #require(results.first) else {
            Issue.record("expected \(testCase.code), got a statement")
            return
        }
        #expect(diagnostic.code == testCase.code)
        #expect(diagnostic.message == testCase.message)
        #expect(diagnostic.range == testCase.range)
        #expect(diagnostic.hint == testCase.hint)
    }

    @Test(arguments: ["(", "not "])
    func nestingBeyond256IsAnErrorNotACrash(_ opener: String) throws {
        let deep = "rate where " + String(repeating: opener, count: 10_000) + "a = 1"
            + (opener == "(" ? String(repeating: ")", count: 10_000) : "")
        let results = Parser.parse(deep + "\ncases")
        #expect(results.count == 2)
        guard case .failure(let diagnostic) = try #require(results.first) else {
            Issue.record("expected E113")
            return
        }
        #expect(diagnostic.code == "E113")
        #expect(diagnostic.message == "expression nested too deeply (more than 256 levels)")
        let at = 11 + 256 * opener.utf8.count
        #expect(diagnostic.range == SourceRange(at, at + (opener == "(" ? 1 : 3)))
        #expect(sketch([results[1]]) == ["cases"])
    }

    @Test func nesting256DeepIsFine() {
        let source = "rate where " + String(repeating: "not (", count: 128) + "a = 1" + String(repeating: ")", count: 128)
        let expected = String(repeating: "not ", count: 128) + "a = 1"
        #expect(sketch(Parser.parse(source)) == ["rate | where " + expected])
    }

    /// A pasted megabyte stops at the token cap (E116), with the caret on the first
    /// token past it. Its time is a benchmark entry (bench/hostile.sh).
    @Test func aMegabyteLineStopsAtTheTokenCap() throws {
        var source = "rate where municipality in ("
        for k in 0..<100_000 { source += k % 2 == 0 ? "'Høje-Taastrup', " : "§§ \(k)-\(k + 1), " }
        source += "Aarhus) year 2021; rate by year"
        #expect(source.utf8.count > 1_000_000)
        let results = Parser.parse(source)
        #expect(results.count == 2, "parsing goes on with the next statement")
        guard case .failure(let diagnostic) = results[0] else { Issue.record("expected E116"); return }
        #expect(diagnostic.code == "E116")
        #expect(diagnostic.message == "statement too long (more than 10000 words and symbols)")
        #expect(diagnostic.range == Lexer.scan(source).tokens[Parser.maximumTokens].range)
        #expect(sketch([results[1]]) == ["rate | by year"])
    }

    @Test func aStatementOfExactlyTheCapParses() throws {
        let count = (Parser.maximumTokens - 10) / 2
        var source = "rate where municipality not in ("
        for k in 0..<count { source += k % 2 == 0 ? "'Høje-Taastrup', " : "§§ \(k)-\(k + 1), " }
        source += "Aarhus) year 2021"
        #expect(Lexer.scan(source).tokens.count == Parser.maximumTokens + 1, "the statement and the end")
        let statement = try #require(Parser.parse(source).first).get()
        guard case .query(let query) = statement.kind, case .member(_, let values, true, _) = query.filter else {
            Issue.record("expected an in-list")
            return
        }
        #expect(values.count == count + 1)
        #expect(values[1] == Literal(.paragraph("1-2"), values[1].range))
        #expect(query.time.count == 1)
        let over = source.replacingOccurrences(of: "Aarhus)", with: "Aarhus, Odense)")
        guard case .failure(let diagnostic)? = Parser.parse(over).first else { Issue.record("expected E116"); return }
        #expect(diagnostic.code == "E116")
        #expect(diagnostic.range == Lexer.scan(over).tokens[Parser.maximumTokens].range)
    }

    @Test func anEarlierSyntaxErrorWinsOverTheCap() throws {
        let source = "rate where a = = " + String(repeating: "a = 1 and ", count: 3_000) + "b = 2"
        guard case .failure(let diagnostic)? = Parser.parse(source).first else { Issue.record("expected an error"); return }
        #expect(diagnostic.code == "E110")
        #expect(diagnostic.range == SourceRange(15, 16))
    }

    @Test func longAndChainsBecomeShallowTrees() throws {
        let source = "rate where " + String(repeating: "a = 1 and ", count: 2_400) + "b = 2"
        let statement = try #require(Parser.parse(source).first).get()
        guard case .query(let query) = statement.kind, let filter = query.filter else {
            Issue.record("expected a filter")
            return
        }
        func shape(_ expr: Expr) -> (depth: Int, leaves: Int) {
            switch expr {
            case .and(let lhs, let rhs), .or(let lhs, let rhs):
                let (l, r) = (shape(lhs), shape(rhs))
                return (max(l.depth, r.depth) + 1, l.leaves + r.leaves)
            case .not(let inner, _): return (shape(inner).depth + 1, shape(inner).leaves)
            case .compare, .member: return (0, 1)
            }
        }
        #expect(shape(filter).leaves == 2_401)
        #expect(shape(filter).depth == 12, "balanced: 2^11 < 2401 leaves <= 2^12")
        #expect(filter.range == SourceRange(11, source.utf8.count))
    }

    static let incomplete = [
        "rate by", "rate,", "rate where", "rate where a", "rate where a =", "rate where a = 1 and",
        "rate where a = 1 or", "rate where not", "rate where (a = 1", "rate where ((((", "rate where a in (",
        "rate where a in (1,", "rate where a not", "rate year", "rate year 2019..", "rate years 2019,",
        "rate since", "rate quarter", "rate order", "rate order by", "rate order by rate,", "rate top",
        "rate limit", "rate vs", "show", "describe", "load", "rate by -- comment\n", "rate by\n\n  ",
        "rate; cases by", "rate by x;\nrate where\n  a = 1 and\n",
    ]

    @Test(arguments: incomplete)
    func needsMoreInputWhenUnfinished(_ source: String) {
        #expect(Parser.needsMoreInput(source))
        #expect(Engine.needsMoreInput(source))
    }

    static let complete = [
        "", "  \n", "-- comment", "rate", "rate by municipality", "rate where a = 1\n", "check",
        "rate where a = 1 and b = 2 year 2019..2021;", "show municipalities",
        // errors other than running out of input: the shell runs them and shows the error
        "rate whre", "rate where a = 1 where", "rate @ by", "rate where a = \"open", "rate whre; cases by",
        "rate where " + String(repeating: "(", count: 300), "rate year 2021Q9..", ", rate by",
    ]

    @Test(arguments: complete)
    func needsNoMoreInputWhenCompleteOrWrong(_ source: String) {
        #expect(!Parser.needsMoreInput(source))
        #expect(!Engine.needsMoreInput(source))
    }
}

extension ParserTests {
    @Test func hintsWhenAMisspelledAndStartsALine() throws {
        let results = Parser.parse("rate where a = 1\n  adn b = 2")
        guard case .failure(let diagnostic) = try #require(results.last) else {
            Issue.record("expected E114")
            return
        }
        #expect(diagnostic.hint == "'adn' starts a new statement; did you mean 'and'?")
    }
}
