// Footer notes in a terminal: broken between words at the terminal's width, never mid-word.

import Testing
@testable import Query

@Suite struct NoteWrapTests {
    /// With a width, every line of a long note fits and the words are kept whole and in order.
    @Test func longNotesBreakBetweenWords() throws {
        let engine = try #require(Golden.engine)
        var copy = engine
        let output = try #require(copy.run("rate by municipality year 2021 top 2").first)
        let options = RenderOptions(format: .table, maxWidth: 60)
        let text = Renderer.render(output, source: "", options: options)
        guard case .table(let result) = output else { Issue.record("not a table"); return }
        let long = try #require(result.noteLines().first { $0.count > 60 })
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 60 })
        // The note's words come back when the wrapped lines are joined.
        let start = try #require(lines.firstIndex { long.hasPrefix($0) })
        var joined = lines[start]
        var next = start + 1
        while next < lines.count, lines[next].hasPrefix("  ") {
            joined += " " + lines[next].dropFirst(2)
            next += 1
        }
        #expect(joined == long)
    }

    /// Without a width (scripts, pipes, golden files) a note stays one line.
    @Test func withoutAWidthNotesStayWhole() {
        let note = String(repeating: "word ", count: 40) + "end."
        #expect(Renderer.wrapped(note, nil) == note)
        #expect(Renderer.wrapped(note, 80).split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(Renderer.wrapped("short", 80) == "short")
    }
}

/// English notes agree in number with their count ("1 of 11 rows rests"), in every count note.
@Suite struct NoteAgreementTests {
    @Test func oneRowTakesASingularVerb() {
        let singular: [(Note, String)] = [
            (.fewCases(1, of: 11), "1 of 11 rows rests on"),
            (.noCases(1, of: 11), "1 of 11 rows has no cases: its rate is left empty."),
            (.missingDenominators(1, of: 4), "1 of 4 rows lacks population or recipient figures for some municipality-year it covers: its per-capita"),
            (.missingDecisions(1, of: 4), "1 of 4 rows lacks a total-decisions figure for some municipality-year-area it covers: its per-1,000"),
            (.missingCells(1, of: 4), "1 of 4 rows includes cells"),
            (.missingDecisions(1, of: 1), "1 of 1 row lacks"),
        ]
        for (note, start) in singular { #expect(note.text(.en).hasPrefix(start), "\(note.text(.en))") }
        let plural: [(Note, String)] = [
            (.fewCases(2, of: 11), "2 of 11 rows rest on"),
            (.noCases(2, of: 11), "2 of 11 rows have no cases: their rates are left empty."),
            (.missingDenominators(2, of: 4), "2 of 4 rows lack population or recipient figures for some municipality-year they cover: their per-capita"),
            (.missingDecisions(3, of: 4), "3 of 4 rows lack a total-decisions figure for some municipality-year-area they cover: their per-1,000"),
            (.missingCells(2, of: 4), "2 of 4 rows include cells"),
        ]
        for (note, start) in plural { #expect(note.text(.en).hasPrefix(start), "\(note.text(.en))") }
        #expect(Note.fewCases(1, of: 1).text(.da).hasPrefix("1 af 1 række bygger"))
        #expect(Note.fewCases(1, of: 2).text(.da).hasPrefix("1 af 2 rækker bygger"))
    }
}
