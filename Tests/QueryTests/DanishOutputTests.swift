// Danish output (issue 7 §3): the synthetic label in every format, the catalogue's Danish
// words, the error table's templates, and Danish number style.

import Testing
@testable import Query

@Suite struct DanishOutputTests {
    /// Synthetic demo data says so in Danish in every format, pictures included.
    @Test(arguments: [OutputFormat.table, .csv, .tsv, .json, .markdown, .svg, .html, .chart, .map])
    func syntheticIsLabelledInDanish(format: OutputFormat) throws {
        var engine = try #require(Golden.engine)
        engine.language = .da
        let output = try #require(engine.run("rate by municipality year 2021").first)
        let options = RenderOptions(format: format, language: .da, atlas: engine.store.atlas)
        let text = Renderer.render(output, source: "", options: options) + Renderer.notes(output, format: format, language: .da)
        #expect(text.contains("SYNTETISKE DEMODATA"), "\(format)")
        #expect(!text.contains("SYNTHETIC"), "\(format): English label in Danish output")
    }

    /// Every measure and dimension has Danish words, and no two Danish headers are the same.
    @Test func everyEntryHasDanishWords() {
        for measure in Schema.measures {
            #expect(!measure.words.da.isEmpty && !measure.words.header.isEmpty && !measure.definitionDa.isEmpty, "\(measure.name)")
        }
        for dimension in Schema.dimensions {
            #expect(!dimension.words.da.isEmpty && !dimension.definitionDa.isEmpty, "\(dimension.name)")
        }
        let names = Schema.measures.map(\.name) + Schema.dimensions.map(\.name)
        let headers = names.map { Renderer.header($0, .da) }
        #expect(Set(headers).count == headers.count, "\(headers)")
        for name in names { #expect(Renderer.header(name, .en) == name) }
    }

    /// Every Danish error template keeps the English one's values.
    @Test func errorTemplatesKeepTheirValues() {
        for (code, english, danish) in Messages.templates {
            #expect(english.components(separatedBy: "{}").count == danish.components(separatedBy: "{}").count, "\(code) \(english)")
        }
        let diagnostic = Diagnostic("E201", "unknown municipality 'Arhus'", at: SourceRange(0, 5), hint: "did you mean 'Aarhus'?")
        let worded = Messages.word(diagnostic, .da)
        #expect(worded.message == "ukendt kommune 'Arhus'")
        #expect(worded.hint == "mente du 'Aarhus'?")
        #expect(Messages.word(diagnostic, .en).message == diagnostic.message)
    }

    /// Danish style groups thousands with '.' and uses a decimal comma; English tables are unchanged.
    @Test func danishNumbers() {
        #expect(Renderer.danishNumber("1234567") == "1.234.567")
        #expect(Renderer.danishNumber("-1234.5") == "-1.234,5")
        #expect(Renderer.danishNumber("999.0") == "999,0")
        let column = Column("cases", .measure)
        #expect(Renderer.tableCell(.integer(8631), column, comma: true, language: .da) == "8.631")
        #expect(Renderer.tableCell(.integer(8631), column, comma: false, language: .en) == "8 631")
        #expect(Renderer.tableCell(.integer(2021), Column("year", .dimension), comma: true, language: .da) == "2021")
    }
}
