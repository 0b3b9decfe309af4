// The README's promises, checked: every query in its ```dkq block runs without
// error, and its embedding example is this file's code, run as written.

import Foundation
import Testing
import Query

@Suite(.serialized) struct ReadmeTests {
    static let readme = (try? String(contentsOf: Golden.root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    /// The text of every fenced block in the README with the given language tag.
    static func blocks(_ language: String) -> [String] {
        var blocks: [String] = []
        var open: (tag: String, lines: [String])?
        for line in readme.components(separatedBy: "\n") {
            if open == nil, line.hasPrefix("```") {
                open = (String(line.dropFirst(3)), [])
            } else if let block = open, line == "```" {
                if block.tag == language { blocks.append(block.lines.joined(separator: "\n")) }
                open = nil
            } else {
                open?.lines.append(line)
            }
        }
        return blocks
    }

    static var queries: [String] { blocks("dkq").flatMap { $0.components(separatedBy: "\n") }.filter { !$0.isEmpty } }

    @Test func readmeHasQueries() {
        #expect(Self.queries.count >= 10)
    }

    @Test(arguments: queries)
    func readmeQueryRuns(_ query: String) throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        let outputs = engine.run(query)
        #expect(!outputs.isEmpty)
        for output in outputs {
            if case .error(let diagnostic) = output { Issue.record("\(query): \(diagnostic.message)") }
        }
    }

    /// Untagged blocks that show a session (`dkq> query` then its output) must show what dkq prints.
    @Test func shownSessionsMatchTheEngine() throws {
        let sessions = Self.blocks("").filter { $0.hasPrefix("dkq> ") && $0.contains("\n") }
        #expect(!sessions.isEmpty)
        for session in sessions {
            let lines = session.components(separatedBy: "\n")
            let query = String(lines[0].dropFirst(5))
            var engine = try Engine.open(dataDirectory: Golden.dataFolder)
            // Paths in the README are relative to the repository; the output does not show them.
            let printed = engine.run(query.replacingOccurrences(of: "load \"", with: "load \"\(Golden.root.path)/")).map { Renderer.render($0, source: query) }.joined()
            #expect(printed == lines.dropFirst().joined(separator: "\n") + "\n", "README session: \(query)")
        }
    }

    @Test func embeddingExampleIsThisCode() throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let start = try #require(source.range(of: "// README-BEGIN\n"))
        let end = try #require(source.range(of: "// README-END\n", range: start.upperBound..<source.endIndex))
        let code = source[start.upperBound..<end.lowerBound].components(separatedBy: "\n")
            .map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : $0 }
            .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let readmeCode = try #require(Self.blocks("swift").first)
        #expect(readmeCode == "import Query\n\n" + code)
    }

    @Test func embeddingExample() throws {
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(Golden.root.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        var printed: [String] = []
        func print(_ item: Any) { printed.append("\(item)") }
        // README-BEGIN
        var engine = try Engine.open(dataDirectory: "datasets")
        for output in engine.run("rate, cases by region year 2022") {
            if case .table(let result) = output {
                for row in result.rows { print(row) }
                print(result.noteLines().joined(separator: "\n"))
            }
        }
        // README-END
        #expect(printed.count == 6)
        #expect(printed[0].contains("Region Hovedstaden"))
        #expect(printed[5].contains("SYNTHETIC DEMO DATA"))
    }
}
