// Errors that propose the query you meant: a failed statement's diagnostic carries a
// complete statement that runs. Each expected suggestion is checked, and every
// suggestion made for any error case in the golden files is executed and must succeed.

import Testing
@testable import Query

@Suite struct SuggestionTests {
    struct Case: CustomStringConvertible, Sendable {
        var typed: String
        var suggestion: String
        /// Where the caret must be: the text it marks.
        var marked: String
        var description: String { typed }
    }

    static let cases: [Case] = [
        Case(typed: "rate for Aarhus in 2021", suggestion: "rate where municipality = Aarhus year 2021", marked: "for"),
        Case(typed: "top 5 municipalities by rate in 2021", suggestion: "rate by municipality year 2021 top 5", marked: "top"),
        Case(typed: "compare Aarhus and Odense rate since 2020",
             suggestion: "rate by municipality where municipality in (Aarhus, Odense) since 2020", marked: "compare"),
        Case(typed: "rate Aarhus 2021", suggestion: "rate where municipality = Aarhus year 2021", marked: "Aarhus"),
        Case(typed: "omgørelsesprocent for Aarhus i 2021", suggestion: "rate where municipality = Aarhus year 2021", marked: "for"),
        Case(typed: "cases for børnehandicap in Nordjylland since 2021",
             suggestion: "cases where area = børnehandicap and region = Nordjylland since 2021", marked: "for"),
        Case(typed: "rate by region in 2022", suggestion: "rate by region year 2022", marked: "in"),
        Case(typed: "rate Odense 2021 for 2021 in 2021", suggestion: "rate where municipality = Odense year 2021", marked: "Odense"),
        // An unknown first word: the caret on it, the statement without it or with the nearest command.
        Case(typed: "explain rate by municipality", suggestion: "rate by municipality", marked: "explain"),
        Case(typed: "shwo municipalities", suggestion: "show municipalities", marked: "shwo"),
        Case(typed: "rolling 3 by year", suggestion: "rate rolling 3 by year", marked: "rolling"),
        // A clause given twice, a range written with '-', a clause with the wrong word.
        Case(typed: "rate where municipality = Aarhus where year = 2021",
             suggestion: "rate where municipality = Aarhus and year = 2021", marked: "where"),
        Case(typed: "rate by municipality vs national vs 2021", suggestion: "rate by municipality vs national", marked: "vs"),
        Case(typed: "rate year 2019-2021", suggestion: "rate year 2019..2021", marked: "2019-2021"),
        Case(typed: "rate over 3 municipalities", suggestion: "rate by municipality rolling 3", marked: "municipalities"),
        Case(typed: "rate, cases by region where region = Nordjylland years 2019..2021 and cases > 0",
             suggestion: "rate, cases by region where region = Nordjylland and cases > 0 year 2019..2021", marked: "and"),
        // A mistyped word: the nearest keyword, name or value in its place.
        Case(typed: "rate by kommune yaer 2021", suggestion: "rate by kommune year 2021", marked: "yaer"),
        Case(typed: "rat by region", suggestion: "rate by region", marked: "rat"),
        Case(typed: "rate where municipality = Arhus", suggestion: "rate where municipality = Aarhus", marked: "Arhus"),
        Case(typed: "vis omrder", suggestion: "vis områder", marked: "omrder"),
    ]

    static func error(_ statement: String) -> Diagnostic? {
        var engine = Golden.engine!
        guard case .error(let diagnostic)? = engine.run(statement).last else { return nil }
        return diagnostic
    }

    @Test(arguments: cases)
    func proposesAWorkingStatement(_ c: Case) throws {
        let diagnostic = try #require(Self.error(c.typed), "\(c.typed) should fail")
        let bytes = Array(c.typed.utf8)
        #expect(String(decoding: bytes[diagnostic.range.lower..<diagnostic.range.upper], as: UTF8.self) == c.marked)
        #expect(diagnostic.suggestion == c.suggestion)
        var engine = try #require(Golden.engine)
        for output in engine.run(c.suggestion) {
            if case .error(let d) = output { Issue.record("\(c.suggestion): \(d.message)") }
        }
    }

    /// Every suggestion made for an error case in Tests/Golden runs without error.
    @Test func everyGoldenSuggestionRuns() throws {
        var suggested = 0
        for file in Golden.files {
            for c in Golden.cases(in: file) {
                var engine = try #require(Golden.engine)
                guard case .error(let diagnostic)? = engine.run(c.query).last, let suggestion = diagnostic.suggestion else { continue }
                suggested += 1
                var fresh = try #require(Golden.engine)
                for output in fresh.run(suggestion) {
                    if case .error(let d) = output { Issue.record("\(c.description) \(c.query) -> \(suggestion): \(d.message)") }
                }
            }
        }
        #expect(suggested >= 10)
    }

    @Test func longOrMultiLineStatementsGetNone() {
        let long = "rate for Aarhus in 2021 " + String(repeating: "and so on ", count: 100)
        #expect(Self.error(long)?.suggestion == nil)
        #expect(Self.error("rate\nfor Aarhus in 2021")?.suggestion == nil)
    }

    @Test func theSuggestionIsRendered() throws {
        let diagnostic = try #require(Self.error("rate for Aarhus in 2021"))
        let text = DiagnosticRenderer.render(diagnostic, source: "rate for Aarhus in 2021", sourceName: "query", firstLine: 1, color: false)
        #expect(text.hasSuffix("  = did you mean: rate where municipality = Aarhus year 2021\n"))
    }
}
