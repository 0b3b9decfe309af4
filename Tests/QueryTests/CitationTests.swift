// Citations and answers: a loaded file is cited from its own header or as the user
// says, footers and answers cite instead of naming files, synthetic data is always
// announced first, and the same data always gives the same words.

import Foundation
import Testing
@testable import Query

@Suite struct CitationTests {
    static let fixtures = Golden.root.appendingPathComponent("Tests/Fixtures/import").path

    static func notes(_ engine: inout Engine, _ query: String) -> [String] {
        guard case .table(let result)? = engine.run(query).last else { return [] }
        return result.noteLines()
    }

    static func answer(_ engine: inout Engine, _ query: String) -> Answer? {
        guard case .answer(let answer)? = engine.run(query).last else { return nil }
        return answer
    }

    @Test func pcAxisIsCitedFromItsHeader() throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        _ = try engine.load(path: Self.fixtures + "/ankeast1_latin1.px")
        let citation = try #require(engine.store.datasets.last?.citation)
        #expect(citation == Citation(
            publisher: "Ankestyrelsen", table: "ANKEAST1", title: "Afgjorte klagesager efter kommune, lovgrundlag, afgørelse og tid",
            years: [2021], date: "2022-03-01", dateKind: .updated))
        #expect(citation.text(.da) == "Ankestyrelsen, ANKEAST1: Afgjorte klagesager efter kommune, lovgrundlag, afgørelse og tid, 2021, opdateret 01.03.2022")
        let notes = Self.notes(&engine, "rate where municipality = Aarhus year 2021")
        #expect(notes.contains("Source: Ankestyrelsen, ANKEAST1: Afgjorte klagesager efter kommune, lovgrundlag, afgørelse og tid, 2021, updated 2022-03-01."))
        #expect(!notes.contains { $0.contains(".px") || $0.contains("SYNTHETIC") })
        // The answer cites it too, and says nothing about synthetic data.
        let answer = try #require(Self.answer(&engine, "answer rate where municipality = Aarhus year 2021"))
        let text = answer.text(.da, markdown: false)
        #expect(text.hasPrefix("Omgørelsesprocent, Aarhus Kommune, 2021\n"))
        #expect(text.hasSuffix("Kilde: Ankestyrelsen, ANKEAST1: Afgjorte klagesager efter kommune, lovgrundlag, afgørelse og tid, 2021, opdateret 01.03.2022.\n"))
        #expect(!text.lowercased().contains("syntetisk"))
    }

    @Test func theUserCanSayHowToCiteAFile() throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        let outputs = engine.run("load \"\(Self.fixtures)/talportal.csv\" as \"Ankestyrelsen, talportal, udtræk 2025-03-01\"")
        guard case .text(let report)? = outputs.first else { Issue.record("\(outputs)"); return }
        #expect(report.hasPrefix("loaded"))
        #expect(Self.notes(&engine, "rate where municipality = Aarhus year 2021").contains("Source: Ankestyrelsen, talportal, udtræk 2025-03-01."))
        // `som` is the Danish spelling; a missing citation is an error at the word after `as`.
        guard case .error(let error)? = engine.run("load \"x.csv\" som 42").first else { Issue.record("no error"); return }
        #expect(error.message.contains("the citation in quotes"))
    }

    @Test func shippedFilesAreCitedFromTheCitationsFile() throws {
        let engine = try Engine.open(dataDirectory: Golden.dataFolder)
        let demo = try #require(engine.store.datasets.first { $0.path == "outcomes/2021.csv" })
        #expect(demo.citation.synthetic && demo.citation.publisher == "dkq" && demo.citation.years == [2021])
        #expect(demo.citation.text(.da) == "dkq's syntetiske demodata – ikke rigtige tal (2021)")
        #expect(demo.citation.text(.en) == "dkq's synthetic demo data – not real figures (2021)")
        #expect(CitationsFile.matches("outcomes/*.csv", "outcomes/2021.csv"))
        #expect(!CitationsFile.matches("outcomes/*.csv", "reference/x.csv"))
    }

    @Test func pcAxisDatesBecomeISO() {
        #expect(Citation.isoDate("20220301 09:00") == "2022-03-01")
        #expect(Citation.isoDate("2018-04-10") == "2018-04-10")
        #expect(Citation.isoDate("10.04.2018") == "2018-04-10")
        #expect(Citation.isoDate("soon") == nil)
    }

    @Test func syntheticAnswersSaySoFirstInEveryFormatAndLanguage() throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        let queries = ["answer rate where municipality = Aarhus year 2021", "svar rate by municipality year 2022 top 5",
                       "answer cases by year where area = børnehandicap"]
        for query in queries {
            let answer = try #require(Self.answer(&engine, query), "\(query)")
            #expect(answer.text(.da, markdown: false).hasPrefix("SYNTETISKE DEMODATA – IKKE RIGTIGE TAL."))
            #expect(answer.text(.da, markdown: true).hasPrefix("**SYNTETISKE DEMODATA – IKKE RIGTIGE TAL."))
            #expect(answer.text(.en, markdown: false).hasPrefix("SYNTHETIC DEMO DATA – NOT REAL FIGURES."))
            #expect(answer.text(.en, markdown: true).hasPrefix("**SYNTHETIC DEMO DATA – NOT REAL FIGURES."))
            // Deterministic: the same data gives the same words.
            #expect(Self.answer(&engine, query) == answer)
        }
    }

    @Test func answerFiguresAreTheSummedCounts() throws {
        // Aarhus, børnehandicap, 2021, recomputed here from the shipped file's rows.
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        let lines = try String(contentsOfFile: Golden.dataFolder + "/outcomes/2021.csv", encoding: .utf8).split(separator: "\n")
        let children = Set(engine.store.catalog.paragraphs.filter { $0.areas.contains(.childDisability) }.map(\.code))
        var (x, n, X, N) = (0, 0, 0, 0)
        for line in lines where !line.hasPrefix("#") && !line.hasPrefix("year") {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard children.contains(f[3]) else { continue }
            let (upheld, changed, remanded) = (Int(f[4])!, Int(f[5])!, Int(f[6])!)
            X += changed + remanded
            N += upheld + changed + remanded
            if f[2] == "751" { x += changed + remanded; n += upheld + changed + remanded }
        }
        let answer = try #require(Self.answer(&engine, "answer rate, cases where municipality = Aarhus and area = børnehandicap year 2021 vs national"))
        let text = answer.text(.da, markdown: false)
        func pct(_ a: Int, _ b: Int) -> String { Renderer.formatDecimal(100 * Double(a) / Double(b), 1).replacingOccurrences(of: ".", with: ",") }
        #expect(text.contains("blev \(x) af \(n) realitetsbehandlede sager fra Aarhus Kommune på børnehandicapområdet omgjort (\(pct(x, n)) pct.)"))
        #expect(text.contains("På landsplan blev \(X.formatted(.number.grouping(.automatic).locale(Locale(identifier: "da_DK")))) af \(N.formatted(.number.grouping(.automatic).locale(Locale(identifier: "da_DK")))) sager omgjort (\(pct(X, N)) pct.)"))
        let difference = abs(100 * Double(x) / Double(n) - 100 * Double(X) / Double(N))
        #expect(text.contains("\(Renderer.formatDecimal(difference, 1).replacingOccurrences(of: ".", with: ",")) procentpoint lavere end landsplan"))
    }
}
