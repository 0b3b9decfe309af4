// Issue 11 ("in proportion"): the shipped population, the total-decisions denominator,
// coverage notes, missing cells and exact days, each checked against values computed
// here from the raw files (plain string splitting and integer arithmetic), not by the engine.

import Foundation
import Testing
@testable import Query

@Suite struct ProportionTests {
    static let fixtures = Golden.root.appendingPathComponent("Tests/Fixtures").path

    static func table(_ engine: inout Engine, _ query: String) -> ResultSet? {
        guard case .table(let result)? = engine.run(query).last else { return nil }
        return result
    }

    /// Data lines of a shipped CSV, split on commas.
    static func csvRows(_ path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: Golden.dataFolder + "/" + path, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// `numerator / denominator` rounded half up to one decimal, as the text dkq prints.
    static func tenths(_ numerator: Int, _ denominator: Int) -> String {
        let t = (2 * numerator * 10 + denominator) / (2 * denominator)
        return "\(t / 10).\(t % 10)"
    }

    @Test func decidedPer10kUsesTheShippedPopulationWithNoLoad() throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        var decided: [String: Int] = [:]
        for row in try Self.csvRows("outcomes/2022.csv") {
            decided[row[2], default: 0] += row[4...7].reduce(0) { $0 + Int($1)! }
        }
        var population: [String: Int] = [:]
        for row in try Self.csvRows(PopulationFile.path) where row[3] == "2022" { population[row[0]] = Int(row[4])! }
        #expect(population.count == 98)
        let codes = engine.store.catalog.municipalities.map { String($0.code) }

        let result = try #require(Self.table(&engine, "decided_per_10k by municipality year 2022"))
        #expect(result.rows.count == 98)
        for (row, code) in zip(result.rows, codes) {
            let expected = Self.tenths(decided[code, default: 0] * 10_000, population[code]!)
            #expect(Renderer.plain(row[1]) == expected, "kommune \(code)")
        }
        #expect(result.noteLines().contains("Population 2022, 1 January: Danmarks Statistik, FOLK1A: Folketal 1. januar efter kommune, https://www.statistikbanken.dk/FOLK1A."))
        #expect(!result.noteLines().contains { $0.contains("not confirmed") })
        // 2021 is transcribed but unconfirmed: said wherever it is used.
        let y2021 = try #require(Self.table(&engine, "decided_per_10k year 2021"))
        #expect(y2021.noteLines().contains("Population 2021 is transcribed but not confirmed by an independent copy."))
    }

    @Test func shippedPopulationIsTheSourceFileUnchanged() throws {
        let shipped = try Data(contentsOf: URL(fileURLWithPath: Golden.dataFolder + "/" + PopulationFile.path))
        let original = Golden.root.appendingPathComponent("../shared/data/dst_population_kommune_1jan_2014_2026.csv")
        if let source = try? Data(contentsOf: original) { #expect(shipped == source) }
        let engine = try Engine.open(dataDirectory: Golden.dataFolder)
        #expect(engine.store.population.count == 98 * 13)
        #expect(Set(engine.store.population.filter(\.unconfirmed).map(\.year)) == [2021])
    }

    @Test func aLoadedStatBankTableReplacesTheShippedPopulationForItsYears() throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        let report = try engine.load(path: Self.fixtures + "/import/statbank_population.csv")
        #expect(report.contains("replaces population for 2021–2022: \(PopulationFile.path)"))
        let result = try #require(Self.table(&engine, "population by municipality where municipality in (101, 147) years 2020..2021"))
        // København: shipped 2020 + loaded 2021; Frederiksberg has no loaded 2021 figure, so it is empty, not the shipped one.
        let shipped2020 = try Self.csvRows(PopulationFile.path).first { $0[0] == "101" && $0[3] == "2020" }.map { Int($0[4])! }
        #expect(result.rows[0][1] == .integer(try #require(shipped2020) + 638_117))
        #expect(result.rows[1][1] == .missing)
        // Each year cites the table its figures come from: the shipped FOLK1A for 2020, the loaded file for 2021.
        #expect(result.noteLines().contains { $0.hasPrefix("Population 2020, 1 January: Danmarks Statistik, FOLK1A") })
        #expect(result.noteLines().contains("Population 2021, 1 January: Danmarks Statistik, statistikbanken.dk."))
    }
}
