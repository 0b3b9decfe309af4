// The fast paths of `load`: the importer's radix sort of cells and the merge of imported rows by
// whole year runs, each compared with the straightforward computation on many generated inputs.
import Testing
@testable import Query

@Suite struct LoadMergeTests {
    /// A small deterministic generator (the same inputs on every run).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// `count` random rows over a few years, municipalities, quarters and paragraphs.
    static func rows(_ count: Int, years: ClosedRange<Int>, datasets: Int, _ random: inout Generator) -> FactTable {
        var table = FactTable()
        for _ in 0..<count {
            table.append(
                year: years.lowerBound + random.next(years.count), quarter: random.next(5), municipality: random.next(98),
                paragraph: random.next(40), counts: OutcomeCounts(upheld: random.next(9), changed: random.next(9), remanded: random.next(9), dismissed: random.next(9)),
                days: Float(random.next(300)), dataset: random.next(datasets))
        }
        return table
    }

    @Test func sortedCellsIsAStableSortByKey() {
        var random = Generator(state: 7)
        for round in 0..<200 {
            let count = random.next(round < 20 ? 4 : 3000)
            let keys = (0..<count).map { _ in
                CellTable.key(year: 1900 + random.next(round % 3 == 0 ? 1099 : 6), quarter: random.next(5),
                              municipality: random.next(256), paragraph: random.next(round % 2 == 0 ? 256 : 3))
            }
            let expected = keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
            let sorted = sortedCells(keys)
            #expect(sorted.map { Int($0 & (1 << 34 - 1)) } == expected, "round \(round)")
            #expect(sorted.map { UInt32($0 >> 34) } == expected.map { keys[$0] }, "round \(round)")
        }
    }

    @Test func cellKeysKeepEveryPart() {
        for (year, quarter, municipality, paragraph) in [(1900, 0, 0, 0), (2999, 7, 255, 255), (2024, 4, 97, 33), (1901, 1, 1, 254)] {
            let key = CellTable.key(year: year, quarter: quarter, municipality: municipality, paragraph: paragraph)
            #expect(CellTable.year(key) == year && CellTable.quarter(key) == quarter)
            #expect(CellTable.municipality(key) == municipality && CellTable.paragraph(key) == paragraph)
        }
    }

    @Test func mergeByYearRunsEqualsFilterAppendAndSort() {
        var random = Generator(state: 11)
        for round in 0..<150 {
            let datasets = 1 + random.next(4)
            let store = Self.rows(random.next(400), years: 2000...(2000 + random.next(8)), datasets: datasets, &random).sortedForIndex()
            let imported = Self.rows(random.next(400), years: (2000 + random.next(10))...(2010 + random.next(4)), datasets: 1, &random)
            let importedYears = Set(imported.distinctYears())
            // Usually exactly the imported years are replaced (as `load` does); sometimes more, sometimes
            // fewer (a year both keep, which the merge leaves to the row-by-row path).
            let extra = round % 3 == 0 ? 2000 + random.next(8) : -1
            let spared = round % 7 == 0 ? importedYears.first : nil
            let replaced = { (year: Int16) in (importedYears.contains(Int(year)) || Int(year) == extra) && Int(year) != spared }
            let renumber = (0..<datasets).map { _ in UInt8(random.next(3)) }
            let offset = 1 + random.next(3)

            var expected = store.filter { !replaced(store.year[$0]) }
            expected.dataset = FactColumn(expected.dataset.map { renumber[Int($0)] })
            expected.append(contentsOf: imported, datasetOffset: offset)
            expected = expected.sortedForIndex()
            let merged = store.replacingYears(with: imported, replaced: replaced, renumber: renumber, datasetOffset: offset)
            #expect(merged == expected, "round \(round)")
            #expect(merged.isSortedForIndex)
        }
    }
}
