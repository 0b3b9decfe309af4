// The pre-aggregated rollups give exactly the answers of a row scan (rows with their named cells,
// notes with coverage, missing cells and citations), for every common query shape, on the shipped
// data and after loads that replace a year, cover it partly or mark cells missing; the load merge
// keeps rows grouped by year and replaces only the loaded years.
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
        "answer rate by region year 2021", "answer cases by municipality year 2021",
        "rate by municipality year 2021", "cases by quarter year 2021", "decided by municipality, quarter year 2021",
    ]

    /// Every query's whole output (cells, named cells, notes, coverage, citations) with rollups
    /// and with row scans only; returns how many queries a rollup answered.
    @discardableResult
    static func compare(_ engine: Engine) -> Int {
        var fast = engine, slow = engine
        slow.useRollups = false
        var rolled = 0
        for query in queries {
            let a = fast.run(query), b = slow.run(query)
            #expect(a == b, "\(query)")
            #expect(!a.contains { if case .error = $0 { true } else { false } }, "\(query)")
            let text = { (outputs: [StatementOutput]) in outputs.map { Renderer.render($0, source: query, options: RenderOptions(format: .table)) } }
            #expect(text(a) == text(b), "\(query)")
            if usesRollup(engine, query) == true { rolled += 1 }
        }
        return rolled
    }

    /// Which rollup would answer `query`'s main scan (nil: rows), over all of its periods.
    static func usesRollup(_ engine: Engine, _ query: String) -> Bool? {
        let text = query.hasPrefix("answer ") ? String(query.dropFirst(7)) : query
        guard case .success(let statement)? = Parser.parse(text).first, case .query(let q) = statement.kind,
            let bound = try? Binder(store: engine.store, source: text, domains: engine.domains).bind(q) else { return nil }
        let evaluator = Evaluator(store: engine.store, domains: engine.domains)
        return evaluator.rollup(for: Planner.plan(bound).main, allowed: Array(engine.domains.slotHasRows))
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

    @Test func rollupsAnswerLikeRowScansWithMissingCellsAndPartialCoverage() throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        _ = try engine.load(path: "\(LoadTests.fixtures)/ankeast1_utf8_en.px")
        #expect(!engine.store.missing.isEmpty)  // the file marks cells `..`
        let missingYear = try #require(engine.store.missing.first?.year)
        // The comparison means something only if rollups answer most shapes here too.
        #expect(Self.compare(engine) >= Self.queries.count / 2)
        // A query over the missing cells' year shows them as missing (not 0) on both paths.
        var fast = engine, slow = engine
        slow.useRollups = false
        let query = "cases by paragraph year \(missingYear)"
        #expect(Self.usesRollup(engine, query) == true)
        let a = fast.run(query), b = slow.run(query)
        #expect(a == b)
        guard case .table(let table)? = a.last else { Issue.record("no table"); return }
        #expect(table.rows.contains { $0.contains(.missing) })
    }

    @Test func commonShapesUseARollup() throws {
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
        // One municipality's slots are one rollup cell each: never more than its rows.
        #expect(try kind("rate by year where municipality = Aarhus") == false)
        #expect(try kind("rate by region where paragraph = 41") == nil)
    }

    @Test func loadKeepsRowsGroupedByYearAndReplacesOnlyItsYears() throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        let before = engine.store.facts
        _ = try engine.load(path: "\(LoadTests.fixtures)/talportal.csv")
        let after = engine.store.facts
        #expect(after.isSortedForIndex)
        #expect(after.distinctYears() == before.distinctYears())
        for year in before.distinctYears() where year != 2021 {
            #expect(after.year.filter { $0 == year }.count == before.year.filter { $0 == year }.count)
        }
        #expect(after.year.filter { $0 == 2021 }.count == 32)
        // A shuffled table sorts by year, then municipality, stably within a cell.
        var shuffled = FactTable()
        for (i, year) in [2022, 2021, 2022, 2020, 2021].enumerated() {
            shuffled.append(year: year, quarter: 1, municipality: i, paragraph: 0, counts: OutcomeCounts(upheld: i), dataset: 0)
        }
        shuffled.append(year: 2021, quarter: 2, municipality: 1, paragraph: 0, counts: OutcomeCounts(upheld: 9), dataset: 0)
        #expect(!shuffled.isSortedForIndex)
        let grouped = shuffled.sortedForIndex()
        #expect(grouped.isSortedForIndex)
        #expect(grouped.year == [2020, 2021, 2021, 2021, 2022, 2022])
        #expect(grouped.municipality == [3, 1, 1, 4, 0, 2])
        #expect(grouped.upheld == [3, 1, 9, 4, 0, 2])
        #expect(grouped.quarter == [1, 1, 2, 1, 1, 1])
    }
}
