// Issue 11, total decisions: reversed_per_1000_decisions and complaints_per_1000_decisions
// checked against Tests/Reference/decisions_reference.py (exact fractions from the raw CSV
// files, not through dkq); the shipped KL demo's calibration; loading a decisions file.

import Foundation
import Testing
@testable import Query

@Suite struct DecisionsTests {
    /// The reference script's lines: area, municipality code or "all", reversed, decided, decisions, per-1000 figures.
    static func reference(_ file: String? = nil) throws -> [[String]] {
        try Golden.reference("decisions_reference.py", file.map { [$0] } ?? [])
    }

    static let measures = "reversed, decided, decisions, reversed_per_1000_decisions, complaints_per_1000_decisions"

    /// dkq's figures for every line of the reference: per municipality, and the total over the file's municipalities.
    static func check(_ engine: inout Engine, _ reference: [[String]], year: Int) throws {
        #expect(!reference.isEmpty)
        for area in Set(reference.map { $0[0] }) {
            let lines = reference.filter { $0[0] == area }
            let codes = lines.map { $0[1] }.filter { $0 != "all" }
            let byMunicipality = try #require(ProportionTests.table(&engine, "\(measures) by municipality where area = \(area) year \(year)"))
            for line in lines where line[1] != "all" {
                let index = try #require(engine.store.catalog.municipalities.firstIndex { String($0.code) == line[1] })
                let name = engine.store.catalog.municipalities[index].name
                let row = try #require(byMunicipality.rows.first { Renderer.plain($0[0]) == name })
                #expect(row[1...].map { Renderer.plain($0) } == Array(line[2...]), "\(area) \(name)")
            }
            // Municipalities without a decisions figure: the per-decision values are empty, never 0.
            for row in byMunicipality.rows where !codes.contains(where: { code in engine.store.catalog.municipalities.first { String($0.code) == code }?.name == Renderer.plain(row[0]) }) {
                #expect(row[3] == .missing && row[4] == .missing && row[5] == .missing)
            }
            let all = try #require(lines.first { $0[1] == "all" })
            let total = try #require(ProportionTests.table(&engine, "\(measures) where area = \(area) and municipality in (\(codes.joined(separator: ", "))) year \(year)"))
            #expect(total.rows.first.map { $0.map { Renderer.plain($0) } } == Array(all[2...]), "\(area) total")
        }
    }

    @Test func shippedDemoMatchesTheIndependentComputation() throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        try Self.check(&engine, try Self.reference(), year: 2021)
    }

    @Test func shippedDemoIsCalibratedToKLsSample() throws {
        // KL: 1.09 % of children's and 2.28 % of adults' decisions ended reversed (12 municipalities, 2021).
        let lines = try Self.reference()
        let children = try #require(lines.first { $0[0] == "børnehandicap" && $0[1] == "all" })
        let adults = try #require(lines.first { $0[0] == "voksenhandicap" && $0[1] == "all" })
        #expect(abs(Double(children[2])! / Double(children[4])! - 0.0109) < 0.00005)
        #expect(abs(Double(adults[2])! / Double(adults[4])! - 0.0228) < 0.00005)
        #expect(Set(lines.map { $0[1] }).count == 13)  // 12 municipalities and the total
    }

    @Test func aLoadedDecisionsFileReplacesTheDemoForItsYear() throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        let path = ProportionTests.fixtures + "/import/decisions.csv"
        let report = try engine.load(path: path)
        #expect(report.contains("replaces decisions for 2021: decisions/kl12_synthetic_2021.csv (synthetic)"))
        #expect(engine.store.decisions.count == 3)
        try Self.check(&engine, try Self.reference(path), year: 2021)
        // The municipalities of the demo are gone with it: Odense has no børnehandicap figure in the loaded file.
        let odense = try #require(ProportionTests.table(&engine, "reversed_per_1000_decisions where municipality = Odense and area = børnehandicap year 2021"))
        #expect(odense.rows.first?[0] == .missing)
        #expect(odense.noteLines().contains("1 of 1 row lacks a total-decisions figure for some municipality-year-area it covers: its per-1,000-decisions values are left empty, not 0."))
    }
    /// The "N of M rows lack a total-decisions figure" note counts the rows shown: groups left out by a
    /// group condition or cut by `top`/`limit` are not counted. Checked against the empty cells themselves.
    @Test func lackingNotesCountTheRowsShown() throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        _ = try engine.load(path: ProportionTests.fixtures + "/import/decisions.csv")
        let base = "reversed_per_1000_decisions, cases by municipality where area = børnehandicap"
        let tails = [" year 2021", " and cases >= 40 year 2021", " year 2021 limit 7", " year 2021 top 5", " and cases >= 30 year 2021 limit 9"]
        for query in tails.map({ base + $0 }) {
            let result = try #require(ProportionTests.table(&engine, query), "\(query)")
            let empty = result.rows.filter { $0[1] == .missing }.count
            let note = result.noteLines().first { $0.contains("a total-decisions figure") }
            if empty == 0 {
                #expect(note == nil, "\(query)")
            } else {
                let rows = result.rows.count
                #expect(note?.hasPrefix("\(empty) of \(rows) row") == true, "\(query): \(note ?? "no note"), \(empty) empty of \(rows)")
            }
        }
        // The unrestricted query has rows that lack the figure, and the group condition leaves some of them out.
        let all = try #require(ProportionTests.table(&engine, base + " year 2021"))
        let kept = try #require(ProportionTests.table(&engine, base + " and cases >= 40 year 2021"))
        #expect(all.rows.filter { $0[1] == .missing }.count > kept.rows.filter { $0[1] == .missing }.count)
        #expect(kept.rows.contains { $0[1] == .missing })
    }
}
