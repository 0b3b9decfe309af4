// Lexer tests: every token kind (Danish letters, hyphenated names, periods, §-literals,
// ranges, comments), exact ranges, the lexical errors E100-E104, and speed on a 1 MB line.
import Testing
@testable import Query

/// The token kinds of `source` without the final `.end`, or the error.
private func kinds(_ source: String) -> Result<[Token.Kind], Diagnostic> {
    Lexer.tokenize(source).map { tokens in tokens.dropLast().map(\.kind) }
}

struct LexerCase: CustomTestStringConvertible, Sendable {
    let source: String
    let expected: [Token.Kind]
    init(_ source: String, _ expected: [Token.Kind]) {
        self.source = source
        self.expected = expected
    }
    var testDescription: String { source.debugDescription }
}

struct LexerErrorCase: CustomTestStringConvertible, Sendable {
    let source: String
    let code: String
    let message: String
    let range: SourceRange
    init(_ source: String, _ code: String, _ message: String, _ lower: Int, _ upper: Int) {
        self.source = source
        self.code = code
        self.message = message
        self.range = SourceRange(lower, upper)
    }
    var testDescription: String { source.debugDescription }
}

@Suite struct LexerTests {
    static let cases: [LexerCase] = [
        // words, Danish letters, hyphenated names, case kept
        LexerCase("rate", [.word("rate")]),
        LexerCase("RATE Rate", [.word("RATE"), .word("Rate")]),
        LexerCase("Høje-Taastrup", [.word("Høje-Taastrup")]),
        LexerCase("Lyngby-Taarbæk Ikast-Brande", [.word("Lyngby-Taarbæk"), .word("Ikast-Brande")]),
        LexerCase("æ ø å Æ Ø Å é ü", ["æ", "ø", "å", "Æ", "Ø", "Å", "é", "ü"].map { .word($0) }),
        LexerCase("Ærø Brøndby Aabenraa", [.word("Ærø"), .word("Brøndby"), .word("Aabenraa")]),
        LexerCase("upheld_share _x a1", [.word("upheld_share"), .word("_x"), .word("a1")]),
        LexerCase("Cafe\u{301}", [.word("Cafe\u{301}")]),
        LexerCase("32a 2019-2021", [.word("32a"), .word("2019-2021")]),
        // numbers and periods
        LexerCase("2021 751 0", [.integer(2021), .integer(751), .integer(0)]),
        LexerCase("40.5 0.25", [.decimal(40.5), .decimal(0.25)]),
        LexerCase("2019..2023", [.integer(2019), .symbol(".."), .integer(2023)]),
        LexerCase("2019 .. 2023", [.integer(2019), .symbol(".."), .integer(2023)]),
        LexerCase("2021Q3 2021q3 2021K3 2020k1",
                  [.period(year: 2021, quarter: 3), .period(year: 2021, quarter: 3),
                   .period(year: 2021, quarter: 3), .period(year: 2020, quarter: 1)]),
        LexerCase("2020Q3..2021Q2", [.period(year: 2020, quarter: 3), .symbol(".."), .period(year: 2021, quarter: 2)]),
        // paragraph literals
        LexerCase("§83", [.paragraph("83")]),
        LexerCase("§ 83", [.paragraph("83")]),
        LexerCase("§32a", [.paragraph("32a")]),
        LexerCase("§§ 95-96", [.paragraph("95-96")]),
        LexerCase("§§ 42-43", [.paragraph("42-43")]),
        LexerCase("§§ 41/42", [.paragraph("41/42")]),
        LexerCase("§§ 68 og 76", [.paragraph("68 og 76")]),
        LexerCase("§§ 32,32a", [.paragraph("32, 32a")]),
        LexerCase("(§ 83, § 85)", [.symbol("("), .paragraph("83"), .symbol(","), .paragraph("85"), .symbol(")")]),
        LexerCase("(§ 83, 85)", [.symbol("("), .paragraph("83"), .symbol(","), .integer(85), .symbol(")")]),
        LexerCase("§§ 95-96, § 97", [.paragraph("95-96"), .symbol(","), .paragraph("97")]),
        // strings
        LexerCase("\"Region Hovedstaden\"", [.string("Region Hovedstaden")]),
        LexerCase("'Høje-Taastrup' \"\"", [.string("Høje-Taastrup"), .string("")]),
        LexerCase("\"it's\"", [.string("it's")]),
        // symbols
        LexerCase(", ( ) ; = != <> < <= > >= ..",
                  [",", "(", ")", ";", "=", "!=", "!=", "<", "<=", ">", ">=", ".."].map { .symbol($0) }),
        LexerCase("cases>=10", [.word("cases"), .symbol(">="), .integer(10)]),
        // comments and newlines
        LexerCase("rate -- a comment\nby", [.word("rate"), .newline, .word("by")]),
        LexerCase("# whole line\nrate # trailing", [.newline, .word("rate")]),
        LexerCase("Høje-Taastrup--comment", [.word("Høje-Taastrup")]),
        LexerCase("a\n\n  \r\n-- c\n\rb", [.word("a"), .newline, .word("b")]),
        LexerCase("a;b", [.word("a"), .symbol(";"), .word("b")]),
        LexerCase("\u{FEFF}rate\u{00A0}by", [.word("rate"), .word("by")]),
        LexerCase("", []),
    ]

    @Test(arguments: cases)
    func lexesTokenKinds(_ testCase: LexerCase) {
        #expect(kinds(testCase.source) == .success(testCase.expected))
    }

    @Test func tokenRangesAreUTF8ByteOffsets() throws {
        let tokens = try Lexer.tokenize("Høje-Taastrup <= §§ 95-96\n'ø'").get()
        #expect(tokens.map(\.range) == [
            SourceRange(0, 14), SourceRange(15, 17), SourceRange(18, 28),
            SourceRange(28, 29), SourceRange(29, 33), SourceRange(33, 33),
        ])
    }

    static let errorCases: [LexerErrorCase] = [
        LexerErrorCase("rate \u{7}", "E100", "unexpected character U+0007", 5, 6),
        LexerErrorCase("rate @ by", "E100", "unexpected character '@'", 5, 6),
        LexerErrorCase("a - b", "E100", "unexpected character '-'", 2, 3),
        LexerErrorCase("cases > -5", "E100", "unexpected character '-'", 8, 9),
        LexerErrorCase("a ! b", "E100", "unexpected character '!'", 2, 3),
        LexerErrorCase("a . b", "E100", "unexpected character '.'", 2, 3),
        LexerErrorCase("ø \u{201C}Aarhus\u{201D}", "E100", "unexpected character '\u{201C}'", 3, 6),
        LexerErrorCase("x\u{200B}", "E100", "unexpected character U+200B", 1, 4),
        LexerErrorCase("x = \"abc", "E101", "unterminated string", 4, 5),
        LexerErrorCase("'abc\nrate 'x'", "E101", "unterminated string", 0, 1),
        LexerErrorCase("§ x", "E102", "expected a section number after '§'", 0, 2),
        LexerErrorCase("§§", "E102", "expected a section number after '§§'", 0, 4),
        LexerErrorCase("limit 99999999999999999999", "E103", "number too large: 99999999999999999999", 6, 26),
        LexerErrorCase("9999999999999999999Q1", "E103", "number too large: 9999999999999999999Q1", 0, 21),
        LexerErrorCase("year 2021Q5", "E104", "quarter must be 1-4, found 5", 5, 11),
        LexerErrorCase("2021K0", "E104", "quarter must be 1-4, found 0", 0, 6),
    ]

    @Test(arguments: errorCases)
    func reportsLexicalErrors(_ testCase: LexerErrorCase) {
        guard case .failure(let diagnostic) = Lexer.tokenize(testCase.source) else {
            Issue.record("expected \(testCase.code) for \(testCase.source.debugDescription)")
            return
        }
        #expect(diagnostic.code == testCase.code)
        #expect(diagnostic.message == testCase.message)
        #expect(diagnostic.range == testCase.range)
    }

    @Test func scanContinuesAfterErrors() {
        let scan = Lexer.scan("@ rate 'open\nby \u{7} x 2021Q7 99999999999999999999 § ;")
        #expect(scan.tokens.map(\.kind) == [
            .word("rate"), .string("open"), .newline, .word("by"), .word("x"), .word("2021Q7"),
            .word("99999999999999999999"), .paragraph(""), .symbol(";"), .end,
        ])
        #expect(scan.errors.map(\.code) == ["E100", "E101", "E100", "E104", "E103", "E102"])
    }

    @Test func hintsForCommonSlips() throws {
        let bang = try #require(Lexer.scan("a ! b").errors.first)
        #expect(bang.hint == "did you mean '!='?")
        let curly = try #require(Lexer.scan("\u{201E}x\u{201C}").errors.first)
        #expect(curly.hint == "quote with plain \" or '")
    }

    /// Its time is a benchmark entry (bench/hostile.sh), not an assertion here.
    @Test func lexesAMegabyteLine() throws {
        var source = "rate where municipality in ("
        for k in 0..<100_000 { source += k % 2 == 0 ? "Høje-Taastrup, " : "\(k), " }
        source += "Aarhus)"
        #expect(source.utf8.count > 1_000_000)
        let tokens = try Lexer.tokenize(source).get()
        #expect(tokens.count == 5 + 2 * 100_000 + 2 + 1)
    }

    /// The multi-word spelling table (built as bytes) is what splitting each folded spelling on
    /// its blanks, Character by Character, gives; and its longest word is the longest there.
    @Test func phrasesAreTheSchemasMultiWordSpellings() {
        var expected: [String: [[String]]] = [:]
        for spelling in Schema.spellings where spelling.contains(" ") {
            let words = foldName(spelling).split(separator: " ").map(String.init)
            expected[words[0], default: []].append(words)
        }
        #expect(!expected.isEmpty)
        #expect(Lexer.phrases == expected.mapValues { $0.sorted { $0.count > $1.count } })
        #expect(Lexer.longestPhraseWord == expected.values.joined().joined().map(\.utf8.count).max())
    }
}
