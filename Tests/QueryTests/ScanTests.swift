// The tight row scan (key tables over raw columns) and its two-thread split give exactly the
// output of the straightforward row scan, for many query shapes (whole outputs: cells, named
// cells, notes, coverage, citations, and the csv and table text), on the shipped data and
// after loads that add quarters, replace years or mark cells missing.
import Foundation
import Testing
@testable import Query

@Suite struct ScanTests {
    /// Query shapes: every grouping the bench uses and more, under each kind of filter.
    static let queries: [String] = {
        let groupings = ["", " by paragraph", " by municipality", " by region", " by year", " by quarter", " by law",
                         " by paragraph, year", " by region, year", " by year, quarter", " by region, quarter",
                         " by municipality, paragraph", " by area", " by area, year"]
        let filters = ["", " where municipality = Aarhus", " where municipality in (Aarhus, Odense, Læsø)",
                       " where region = \"Region Sjælland\"", " where paragraph = 41",
                       " where law = Serviceloven and municipality in (Aarhus, Vejle)",
                       " where municipality = Aarhus or paragraph = 41", " where not region = \"Region Hovedstaden\"",
                       " where cases >= 10"]
        let periods = ["", " year 2021", " years 2016..2018", " quarter 2 year 2022"]
        var queries: [String] = []
        for (i, grouping) in groupings.enumerated() {
            for (j, filter) in filters.enumerated() {
                // Every grouping with every filter, the periods in turn (so each pair is covered).
                let measures = ["rate", "cases, reversed", "upheld, changed, remanded, dismissed", "days, decided"][(i + j) % 4]
                queries.append(measures + grouping + filter + periods[(i + j) % periods.count])
            }
        }
        return queries + [
            "rate by municipality year 2021 vs national", "rate by paragraph year 2023 vs 2020",
            "rate by paragraph where municipality = Aarhus year 2021", "answer rate by region year 2021",
            "rate by year rolling 3", "rate by municipality year 2022 top 5", "rate_shrunk by municipality year 2020",
        ]
    }()

    /// Runs every query on the straightforward scan and on the tight scan, on one thread and
    /// split over two (every scan of two or more pieces), and compares whole outputs.
    static func compare(_ engine: Engine) {
        var plain = engine, tight = engine, split = engine
        plain.useRollups = false
        plain.tightScans = false
        tight.useRollups = false
        split.useRollups = false
        split.splitRows = 1
        for query in queries {
            let expected = plain.run(query)
            #expect(!expected.contains { if case .error = $0 { true } else { false } }, "\(query)")
            for (name, engine) in [("tight", tight), ("split", split)] {
                var engine = engine
                let got = engine.run(query)
                #expect(got == expected, "\(name): \(query)")
                for format in [OutputFormat.csv, .table] {
                    let text = { (outputs: [StatementOutput]) in
                        outputs.map { Renderer.render($0, source: query, options: RenderOptions(format: format)) }
                    }
                    #expect(text(got) == text(expected), "\(name) \(format): \(query)")
                }
            }
        }
    }

    /// The index cells a scan reads (each chosen year × each chosen municipality) hold exactly
    /// the rows whose year and municipality are chosen, read from the columns themselves.
    @Test func chosenCellsHoldExactlyTheirRows() throws {
        let engine = try Engine.open(dataDirectory: Golden.dataFolder)
        let (facts, domains) = (engine.store.facts, engine.domains)
        let m = domains.municipalities
        let masks: [[Int]] = [[0], [m - 1], [0, 1, 2], Array(0..<m), Array(stride(from: 0, to: m, by: 2)),
                              [3, 4, 5, 40, 41, m - 2, m - 1], Array(20..<49)]
        let yearSets: [[Int]] = [Array(0..<domains.years), [0], [domains.years - 1], [1, 3, 4]]
        for chosen in masks {
            for years in yearSets {
                let read = years.flatMap { year in chosen.flatMap { Array(domains.rows(yearIndex: year, municipality: $0)) } }
                let expected = (0..<facts.count).filter { row in
                    years.contains(Int(facts.year[row]) - domains.firstYear) && chosen.contains(Int(facts.municipality[row]))
                }
                #expect(read.sorted() == expected, "municipalities \(chosen), years \(years)")
            }
        }
    }

    @Test func tightAndSplitScansAnswerLikeTheStraightforwardScan() throws {
        Self.compare(try Engine.open(dataDirectory: Golden.dataFolder))
    }

    @Test func tightAndSplitScansAnswerLikeTheStraightforwardScanAfterLoads() throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        _ = try engine.load(path: "\(LoadTests.fixtures)/talportal.csv")
        _ = try engine.load(path: "\(LoadTests.fixtures)/ankeast2_quarterly.px")
        Self.compare(engine)
    }

    @Test func tightAndSplitScansKeepMissingCellsMissing() throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        _ = try engine.load(path: "\(LoadTests.fixtures)/ankeast1_utf8_en.px")
        #expect(!engine.store.missing.isEmpty)
        Self.compare(engine)
    }

    /// A cancelled scan on either path ends with E901, and the next statement runs normally.
    /// A pooled year is missing what any year in its window lacks (the cell marked `..`), not
    /// what the first year the pooling happened to visit lacks.
    @Test func rollingYearsOverAMissingCellAreMissing() throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        _ = try engine.load(path: "\(LoadTests.fixtures)/ankeast1_utf8_en.px")
        func missingYears(_ query: String) throws -> [Int] {
            guard case .table(let table)? = engine.run(query).first else { Issue.record("no table: \(query)"); return [] }
            return table.rows.compactMap { row in
                guard case .integer(let year) = row[0], row[1] == .missing else { return nil }
                return year
            }
        }
        let own = try missingYears("rate by year")
        #expect(!own.isEmpty, "the fixture marks a cell missing")
        let pooled = try missingYears("rate by year rolling 3")
        let years = engine.domains.yearList
        #expect(pooled == years.filter { year in own.contains { $0 <= year && $0 > year - 3 } }, "own \(own), pooled \(pooled)")
    }

    @Test func cancellingASplitScanStopsTheStatement() throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        engine.useRollups = false
        engine.splitRows = 1
        let flag = CancellationFlag()
        engine.cancellation = flag
        flag.raise()
        guard case .error(let diagnostic)? = engine.run("rate by paragraph, year").last else { Issue.record("not cancelled"); return }
        #expect(diagnostic.code == "E901")
        flag.lower()
        guard case .table? = engine.run("rate by paragraph, year").last else { Issue.record("still cancelled"); return }
    }

    /// Only measures that read the processing days (days, days_n) make a scan read the days
    /// column; without them a scan's counts, rows and datasets are the same and its day sums empty.
    @Test func onlyMeasuresThatReadDaysMakeTheScanReadTheDays() throws {
        struct NotAQuery: Error {}
        let engine = try Engine.open(dataDirectory: Golden.dataFolder)
        func plan(_ query: String) throws -> Plan {
            guard case .success(let statement)? = Parser.parse(query).first, case .query(let q) = statement.kind else { throw NotAQuery() }
            return Planner.plan(try Binder(store: engine.store, source: query, domains: engine.domains).bind(q))
        }
        #expect(try plan("rate, cases, decided by region, year").main.days == false)
        #expect(try plan("rate by municipality year 2021 vs national").national?.days == false)
        #expect(try plan("days by region").main.days)
        #expect(try plan("rate, days_n by municipality year 2021 vs national").national?.days == true)
        var scan = try plan("cases, decided by paragraph, year where municipality in (Aarhus, Odense)").main
        for tight in [true, false] {
            var evaluator = Evaluator(store: engine.store, domains: engine.domains, useRollups: false)
            evaluator.tightScans = tight
            scan.days = true
            let read = evaluator.aggregate(scan)
            scan.days = false
            let unread = evaluator.aggregate(scan)
            #expect(read.totals.dictionary.values.contains { $0.daysWeight > 0 })
            #expect(unread.totals.dictionary.values.allSatisfy { $0.dayHundredths == 0 && $0.daysWeight == 0 })
            let counts = { (a: Aggregate) in a.totals.dictionary.mapValues { [$0.upheld, $0.changed, $0.remanded, $0.dismissed, $0.rows] } }
            #expect(counts(unread) == counts(read) && unread.datasets == read.datasets && unread.periods == read.periods)
        }
    }
}
