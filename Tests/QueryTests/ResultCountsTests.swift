// A result's figures are read from each group's own rows: the evaluator keeps no copy of a
// group's counts (it reads them from the scan's sums as each row is built), so every row of the
// comparing shapes (vs national, vs YEAR), the pooling one (rolling), the side-table one
// (per_10k) and the fitted ones (rate_shrunk, std_ratio) is checked against sums taken straight from the
// fact table's rows. Also: the result alone equals the result of an evaluation that keeps the
// per-row counts, and an entry and a cell stay small (bytes, not time).
import Testing
@testable import Query

@Suite struct ResultCountsTests {
    struct NotAQuery: Error {}

    /// Cases and reversals summed from the fact table's rows, whatever the index or rollups say.
    static func direct(_ store: OutcomeStore, years: ClosedRange<Int>, municipality: Int? = nil, paragraph: Int? = nil) -> (cases: Int, reversed: Int) {
        let facts = store.facts
        var cases = 0, reversed = 0
        for row in 0..<facts.count where years.contains(Int(facts.year[row])) {
            if let municipality, Int(facts.municipality[row]) != municipality { continue }
            if let paragraph, Int(facts.paragraph[row]) != paragraph { continue }
            let changed = Int(facts.changed[row]), remanded = Int(facts.remanded[row])
            cases += Int(facts.upheld[row]) + changed + remanded
            reversed += changed + remanded
        }
        return (cases, reversed)
    }

    /// Evaluates a query both ways (result alone; with per-row counts) and checks they agree.
    static func evaluate(_ engine: Engine, _ query: String) throws -> (result: ResultSet, evaluation: Evaluation) {
        guard case .success(let statement)? = Parser.parse(query).first, case .query(let q) = statement.kind else { throw NotAQuery() }
        let plan = Planner.plan(try Binder(store: engine.store, source: query, domains: engine.domains).bind(q))
        let evaluator = Evaluator(store: engine.store, domains: engine.domains)
        let result = evaluator.evaluate(plan), evaluation = evaluator.evaluation(plan)
        #expect(result == evaluation.result, "\(query)")
        #expect(evaluation.totals.count == result.rows.count, "\(query)")
        #expect(!result.rows.isEmpty, "\(query)")
        return (result, evaluation)
    }

    static func column(_ result: ResultSet, _ name: String) throws -> Int {
        try #require(result.columns.firstIndex { $0.name == name }, "no column \(name)")
    }

    static func index(_ value: Value, in store: OutcomeStore) -> (municipality: Int?, paragraph: Int?) {
        guard case .named(_, let entity) = value else { return (nil, nil) }
        return (store.catalog.municipalities.firstIndex { String($0.code) == entity.id },
                store.catalog.paragraphs.firstIndex { $0.code == entity.id })
    }

    static func rate(_ sums: (cases: Int, reversed: Int)) -> Value {
        sums.cases > 0 ? .number(100 * Double(sums.reversed) / Double(sums.cases), decimals: 1, n: sums.cases) : .missing
    }

    @Test func versusNationalRowsHoldTheirOwnAndTheNationalSums() throws {
        let engine = try Engine.open(dataDirectory: Golden.dataFolder)
        let (result, evaluation) = try Self.evaluate(engine, "rate, cases by municipality year 2021 vs national")
        let national = Self.direct(engine.store, years: 2021...2021)
        let cases = try Self.column(result, "cases"), rate = try Self.column(result, "rate")
        for (i, row) in result.rows.enumerated() {
            let municipality = try #require(Self.index(row[0], in: engine.store).municipality)
            let own = Self.direct(engine.store, years: 2021...2021, municipality: municipality)
            #expect(row[cases] == .integer(own.cases) && row[rate] == Self.rate(own), "\(row[0])")
            #expect(evaluation.totals[i].own.cases == own.cases && evaluation.totals[i].own.reversed == own.reversed)
            #expect(evaluation.totals[i].national?.cases == national.cases && evaluation.totals[i].national?.reversed == national.reversed)
        }
    }

    @Test func versusYearRowsHoldBothYearsSums() throws {
        let engine = try Engine.open(dataDirectory: Golden.dataFolder)
        let (result, _) = try Self.evaluate(engine, "rate, cases by paragraph year 2023 vs 2020")
        let cases = try Self.column(result, "cases"), thenCases = try Self.column(result, "then_cases")
        for row in result.rows {
            let paragraph = try #require(Self.index(row[0], in: engine.store).paragraph)
            #expect(row[cases] == .integer(Self.direct(engine.store, years: 2023...2023, paragraph: paragraph).cases), "\(row[0])")
            #expect(row[thenCases] == .integer(Self.direct(engine.store, years: 2020...2020, paragraph: paragraph).cases), "\(row[0])")
        }
    }

    @Test func rollingRowsPoolTheirYears() throws {
        let engine = try Engine.open(dataDirectory: Golden.dataFolder)
        let (result, evaluation) = try Self.evaluate(engine, "rate, cases by year rolling 3")
        let cases = try Self.column(result, "cases"), rate = try Self.column(result, "rate")
        for (i, row) in result.rows.enumerated() {
            guard case .integer(let year) = row[0] else { Issue.record("year \(row[0])"); continue }
            let pooled = Self.direct(engine.store, years: year - 2...year)
            #expect(row[cases] == .integer(pooled.cases) && row[rate] == Self.rate(pooled), "\(year)")
            #expect(evaluation.totals[i].own.cases == pooled.cases)
        }
    }

    @Test func sideTableAndFittedRowsHoldTheirGroupsSums() throws {
        let engine = try Engine.open(dataDirectory: Golden.dataFolder)
        for query in ["decided_per_10k, population, cases by municipality year 2022",
                      "std_ratio, expected, cases by municipality year 2022",
                      "rate_shrunk, rate, cases by paragraph, year years 2020..2022 where cases >= 5"] {
            let (result, evaluation) = try Self.evaluate(engine, query)
            let cases = try Self.column(result, "cases")
            let byYear = result.columns[1].name == "year"
            for (i, row) in result.rows.enumerated() {
                let (municipality, paragraph) = Self.index(row[0], in: engine.store)
                var years = 2022...2022
                if byYear, case .integer(let year) = row[1] { years = year...year }
                let own = Self.direct(engine.store, years: years, municipality: byYear ? nil : municipality, paragraph: byYear ? paragraph : nil)
                #expect(row[cases] == .integer(own.cases), "\(query): \(row[0])")
                #expect(evaluation.totals[i].own.cases == own.cases && evaluation.totals[i].own.reversed == own.reversed)
                if byYear { #expect(own.cases >= 5 && evaluation.totals[i].own.prior != nil) }
            }
        }
    }

    /// What a big result holds per group and per cell (a 37k-group result at 100x held 432 bytes
    /// per group and 56 per cell before): the counts are not copied into entries, and a named cell
    /// is a shared box.
    @Test func anEntryAndACellStaySmall() {
        #expect(MemoryLayout<Evaluator.Entry>.stride <= 32)
        #expect(MemoryLayout<Value>.stride <= 32)
    }
}
