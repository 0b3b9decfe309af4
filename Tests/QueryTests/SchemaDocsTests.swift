// docs/LANGUAGE.md lists exactly the schema's keywords, measures, dimensions and
// areas: its generated sections must equal Schema.documentation (RECORD_DOCS=1
// rewrites them), and every spelling in the schema must be accepted by the engine.

import Foundation
import Testing
@testable import Query

@Suite struct SchemaDocsTests {
    static let path = Golden.root.appendingPathComponent("docs/LANGUAGE.md")

    /// The text between `<!-- schema:NAME -->` and `<!-- /schema:NAME -->`.
    static func section(_ name: String, in text: String) -> Range<String.Index>? {
        guard let open = text.range(of: "<!-- schema:\(name) -->\n"),
              let close = text.range(of: "<!-- /schema:\(name) -->", range: open.upperBound..<text.endIndex) else { return nil }
        return open.upperBound..<close.lowerBound
    }

    @Test func languageDocListsExactlyTheSchema() throws {
        var text = try String(contentsOf: Self.path, encoding: .utf8)
        if ProcessInfo.processInfo.environment["RECORD_DOCS"] == "1" {
            for (name, generated) in Schema.documentation {
                if let range = Self.section(name, in: text) { text.replaceSubrange(range, with: generated) }
            }
            try text.write(to: Self.path, atomically: true, encoding: .utf8)
        }
        for (name, generated) in Schema.documentation {
            let range = try #require(Self.section(name, in: text), "docs/LANGUAGE.md has no <!-- schema:\(name) --> section")
            #expect(String(text[range]) == generated, "docs/LANGUAGE.md section \(name) differs from the schema; run RECORD_DOCS=1 swift test --filter SchemaDocs")
        }
    }

    @Test func everySpellingIsUnderstood() {
        for measure in Schema.measures {
            for spelling in [measure.name] + measure.spellings {
                #expect(Schema.measure(named: spelling) == measure, "\(spelling)")
                #expect(Schema.measure(named: spelling.uppercased()) == measure, "\(spelling) in upper case")
            }
        }
        for dimension in Schema.dimensions {
            for spelling in [dimension.name] + dimension.spellings {
                #expect(Schema.dimension(named: spelling) == dimension, "\(spelling)")
            }
        }
        for entry in Schema.keywords {
            for spelling in entry.spellings {
                #expect(Schema.keyword(spelled: spelling) == entry.keyword, "\(spelling)")
            }
        }
        // No spelling means two things of one kind.
        let keywordSpellings = Schema.keywords.flatMap(\.spellings).map(foldName)
        #expect(Set(keywordSpellings).count == keywordSpellings.count)
        let names = (Schema.measures.flatMap { [$0.name] + $0.spellings } + Schema.dimensions.flatMap { [$0.name] + $0.spellings }).map(foldName)
        #expect(Set(names).count == names.count)
    }

    @Test func everyKeywordExampleRuns() throws {
        var engine = try #require(Golden.engine)
        for entry in Schema.keywords where ![.load, .unload, .as].contains(entry.keyword) {
            for output in engine.run(entry.example) {
                if case .error(let diagnostic) = output { Issue.record("\(entry.example): \(diagnostic.message)") }
            }
        }
    }
}
