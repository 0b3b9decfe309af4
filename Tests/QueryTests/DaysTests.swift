// Issue 11, exact days: the mean processing time over summed counts, in integer hundredths,
// rounded half away from zero, checked against Tests/Reference/days_reference.py (exact
// fractions from the raw CSV text, not through dkq), ties at x.x5 included.

import Foundation
import Testing
@testable import Query

@Suite struct DaysTests {
    /// The reference script's lines: group, days, days_n, tie (1 when the exact mean is x.x5).
    static func reference(_ source: String, by: String) throws -> [[String]] {
        try Golden.reference("days_reference.py", [source, by])
    }

    /// dkq's days and days_n for each group of the reference; returns how many were exact ties.
    static func compare(_ engine: inout Engine, _ reference: [[String]], by: String, year: Int) throws -> Int {
        let result = try #require(ProportionTests.table(&engine, "days, days_n by \(by) year \(year)"))
        let catalog = engine.store.catalog
        for line in reference {
            let name = by == "municipality"
                ? catalog.municipalities.first { String($0.code) == line[0] }?.name
                : catalog.paragraphs.first { $0.code == line[0] }?.label
            let row = try #require(result.rows.first { Renderer.plain($0[0]) == name }, "\(by) \(line[0])")
            #expect(Renderer.plain(row[1]) == line[1] && Renderer.plain(row[2]) == line[2], "\(by) \(line[0]): \(row) vs \(line)")
        }
        return reference.filter { $0[3] == "1" }.count
    }

    @Test func tiesRoundHalfAwayFromZero() throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        let fixture = Golden.root.appendingPathComponent("Tests/Fixtures/days/ties_2021.csv").path
        _ = try engine.load(path: fixture)
        // Six municipalities whose exact mean is a tie; two of them (100.15, 200.35) came out
        // one tenth low when days were summed as 32-bit floats.
        #expect(try Self.compare(&engine, try Self.reference(fixture, by: "municipality"), by: "municipality", year: 2021) == 6)
    }

    @Test(arguments: [(2021, "municipality"), (2023, "municipality"), (2021, "paragraph"), (2024, "municipality")])
    func shippedYearsMatchTheExactComputation(_ year: Int, _ by: String) throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        _ = try Self.compare(&engine, try Self.reference(String(year), by: by), by: by, year: year)
    }

    @Test func roundedMeanIsExact() {
        #expect(Statistics.roundedMean(30035, over: 200, decimals: 1) == 150.2)  // 150.175 → 150.2
        #expect(Statistics.roundedMean(30030, over: 200, decimals: 1) == 150.2)  // 150.15 (tie) → 150.2
        #expect(Statistics.roundedMean(-30030, over: 200, decimals: 1) == -150.2)  // away from zero
        #expect(Statistics.roundedMean(1, over: 0, decimals: 1) == nil)
    }
}
