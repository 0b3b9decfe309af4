// The pre-aggregated rollups give exactly the answers of a row scan, for every common query
// shape, on the shipped data and after a load replaced a year; the load merge keeps rows
// grouped by year and replaces only the loaded years.
import Foundation
import Testing
@testable import Query

@Suite struct RollupTests {
    static let queries = [
        "rate by year", "rate, cases by paragraph year 2021", "rate by region, year years 2016..2020",
        "cases by quarter where region = \"Region Sjælland\" year 2022", "rate by law, year", "rate by area year 2023",
        "days, rate by paragraph, quarter year 2020", "rate by municipality where cases >= 10 year 2019",
        "reversed, decided by year, quarter years 2020..2021", "rate by paragraph quarter 2 year 2022",
        "rate by year where paragraph = 41", "rate by year where municipality in (Aarhus, Odense)",
        "rate, days by region where region in (\"Region Nordjylland\", \"Region Midtjylland\") years 2014..2024",
        "upheld, changed, remanded, dismissed by year, quarter", "rate by area, year where area = børnehandicap",
        "rate by year vs national", "rate by region year 2021 vs national", "cases", "rate by paragraph, year",
    ]

    /// Every query's csv with rollups and with row scans only.
    static func compare(_ engine: Engine) {
        var fast = engine, slow = engine
        slow.useRollups = false
        for query in queries {
            let a = fast.run(query).map { Renderer.render($0, source: query, options: RenderOptions(format: .csv)) }
            let b = slow.run(query).map { Renderer.render($0, source: query, options: RenderOptions(format: .csv)) }
            #expect(a == b, "\(query)")
            #expect(!a.joined().contains("error"), "\(query)")
        }
    }

    @Test func rollupsAnswerLikeRowScansOnTheShippedData() throws {
        Self.compare(try Engine.open(dataDirectory: Golden.dataFolder))
    }

    @Test func rollupsAnswerLikeRowScansAfterALoad() throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        _ = try engine.load(path: "\(LoadTests.fixtures)/talportal.csv")
        Self.compare(engine)
        _ = try engine.load(path: "\(LoadTests.fixtures)/ankeast2_quarterly.px")
        Self.compare(engine)
    }

    @Test func commonShapesUseARollupAndFewMunicipalitiesUseTheRowIndex() throws {
        let engine = try Engine.open(dataDirectory: Golden.dataFolder)
        func kind(_ query: String) throws -> Bool? {
            guard case .success(let statement)? = Parser.parse(query).first, case .query(let q) = statement.kind else {
                Issue.record("no query: \(query)")
                return nil
            }
            let plan = Planner.plan(try Binder(store: engine.store, source: query, domains: engine.domains).bind(q))
            let evaluator = Evaluator(store: engine.store, domains: engine.domains)
            return evaluator.rollup(for: plan.main, allowed: [Bool](repeating: true, count: engine.domains.years * 5))
        }
        #expect(try kind("rate by paragraph year 2021") == true)
        #expect(try kind("rate by region, year") == false)
        #expect(try kind("rate by year where region = \"Region Hovedstaden\"") == false)
        #expect(try kind("rate by paragraph where municipality = Aarhus") == nil)
        #expect(try kind("rate by year where municipality = Aarhus") == nil)
        #expect(try kind("rate by region where paragraph = 41") == nil)
    }

    @Test func loadKeepsRowsGroupedByYearAndReplacesOnlyItsYears() throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        let before = engine.store.facts
        _ = try engine.load(path: "\(LoadTests.fixtures)/talportal.csv")
        let after = engine.store.facts
        #expect(after.isGroupedByYear)
        #expect(after.distinctYears() == before.distinctYears())
        for year in before.distinctYears() where year != 2021 {
            #expect(after.year.filter { $0 == year }.count == before.year.filter { $0 == year }.count)
        }
        #expect(after.year.filter { $0 == 2021 }.count == 32)
        // A shuffled table regroups stably.
        var shuffled = FactTable()
        for (i, year) in [2022, 2021, 2022, 2020, 2021].enumerated() {
            shuffled.append(year: year, quarter: 1, municipality: i, paragraph: 0, counts: OutcomeCounts(upheld: i), dataset: 0)
        }
        let grouped = shuffled.groupedByYear()
        #expect(grouped.year == [2020, 2021, 2021, 2022, 2022])
        #expect(grouped.upheld == [3, 1, 4, 0, 2])
        #expect(grouped.distinctMunicipalities() == [0, 1, 2, 3, 4])
    }
}
