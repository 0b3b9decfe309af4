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
