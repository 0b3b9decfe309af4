// A dense PC-Axis table is read straight into its rows (`PXGrid`): on many generated tables, good
// and bad (totals, gaps, days, odd tokens, any dimension order, cut-off ends), that must give exactly
// the rows, gaps, warnings and first error of reading it into pages, and, for the good ones, the rows
// an independent reading of the cells gives.
import Testing
@testable import Query
#if canImport(Glibc)
import Glibc
#endif

@Suite struct PXGridTests {
    typealias Generator = TalportalPartsTests.Generator

    /// A generated table and, when it is good, the rows and gaps it holds.
    struct Table {
        var text: String
        var expected: (FactTable, [MissingCell])?
    }

    /// A dense table over the test catalogue: its places, paragraphs, outcomes and periods in a
    /// random order and selection (totals among them), its dimensions in a random order, and now and
    /// then a bad cell, a total that disagrees, a missing or an extra cell, or a cut-off end.
    static func table(_ random: inout Generator, badness: Int) -> Table {
        // Places: 1-3 municipalities (catalogue index), maybe the nation and a region, or a second
        // value of one municipality (such a table is read into pages).
        var places: [(name: String, municipality: Int?, members: [Int])] = [("København", 0, [0]), ("Aarhus", 1, [1]), ("Læsø", 2, [2])]
        random.shuffle(&places)
        places.removeLast(random.next(3))
        if random.chance(3), places.contains(where: { $0.name == "København" }) {
            places.insert(("101 København", 0, [0]), at: random.next(places.count + 1))
        } else {
            if random.chance(30) { places.insert(("Hele landet", nil, places.count == 3 ? [0, 1, 2] : []), at: random.next(places.count + 1)) }
            if random.chance(20), places.contains(where: { $0.name == "Læsø" }) {
                places.insert(("Region Nordjylland", nil, [2]), at: random.next(places.count + 1))
            }
        }
        // Paragraphs: 1-3, maybe the law and the total.
        var paragraphs: [(name: String, paragraph: Int?, members: [Int])] = importCatalog.paragraphs.indices.map {
            ("\(importCatalog.paragraphs[$0].code) \(importCatalog.paragraphs[$0].label)", $0, [$0])
        }
        random.shuffle(&paragraphs)
        paragraphs.removeLast(random.next(3))
        let all = paragraphs.flatMap(\.members)
        if random.chance(25) { paragraphs.insert(("Serviceloven", nil, all), at: random.next(paragraphs.count + 1)) }
        if random.chance(15) { paragraphs.insert(("I alt", nil, all), at: random.next(paragraphs.count + 1)) }
        // Outcomes: the four (maybe not the dismissed), maybe the total, realitetsbehandlede and days.
        var outcomes: [(name: String, kind: Int)] = [("Stadfæstet", 0), ("Ændret/ophævet", 1), ("Hjemvist", 2)]
        if random.chance(85) { outcomes.append(("Afvist/henvist", 3)) }
        if random.chance(30) { outcomes.append(("I alt", 4)) }
        if random.chance(20) { outcomes.append(("Realitetsbehandlede", 5)) }
        if random.chance(30) { outcomes.append(("Sagsbehandlingstid", 6)) }
        random.shuffle(&outcomes)
        // Periods: quarters or years, in any order, sometimes an uneven number of periods a year.
        var periods: [(name: String, year: Int, quarter: Int)] = []
        for year in 2019...(2019 + random.next(4)) {
            if random.chance(30) {
                periods.append(("\(year)", year, 0))
            } else {
                for quarter in 1...4 where random.chance(80) || quarter == 1 { periods.append(("\(year)K\(quarter)", year, quarter)) }
            }
        }
        random.shuffle(&periods)
        // A leaf cell's count (nil: `..`), and a group's over its members (nil when a member is `..`).
        var leaf: [[Int]: Int?] = [:]
        func leafValue(_ t: Int, _ m: Int, _ p: Int, _ kind: Int) -> Int? {
            if let known = leaf[[t, m, p, kind]] { return known }
            let draw = random.next(1000)
            let value: Int? = draw % 23 == 0 ? nil : draw % 3 == 0 ? 0 : draw % 40
            leaf[[t, m, p, kind]] = value
            return value
        }
        let kinds = Set(outcomes.map(\.kind))
        func value(_ t: Int, _ place: Int, _ paragraph: Int, _ kind: Int) -> Int? {
            var sum = 0
            for k in kind == 4 ? [0, 1, 2, 3].filter(kinds.contains) : kind == 5 ? [0, 1, 2] : [kind] {
                for m in places[place].members {
                    for p in paragraphs[paragraph].members {
                        guard let v = leafValue(t, m, p, k) else { return nil }
                        sum += v
                    }
                }
            }
            return sum
        }
        // Dimension order: a random permutation, the first 1-3 the stub.
        var order = [0, 1, 2, 3]
        random.shuffle(&order)
        let stubCount = 1 + random.next(3)
        let names = ["kommune", "lovgrundlag", "afgørelse", "tid"]
        let values: [[String]] = [places.map(\.name), paragraphs.map(\.name), outcomes.map(\.name), periods.map(\.name)]
        func quoted(_ list: [String]) -> String { list.map { "\"\($0)\"" }.joined(separator: ",") }
        var text = "CHARSET=\"ANSI\";\nCODEPAGE=\"utf-8\";\nMATRIX=\"T\";\n"
        text += "STUB=" + quoted(order.prefix(stubCount).map { names[$0] }) + ";\n"
        text += "HEADING=" + quoted(order.dropFirst(stubCount).map { names[$0] }) + ";\n"
        for dim in 0..<4 { text += "VALUES(\"\(names[dim])\")=" + quoted(values[dim]) + ";\n" }
        text += "DATA=" + (random.chance(50) ? "\n" : " ")
        // The cells in the order of the dimensions, the last varying fastest; the days of each group.
        let sizes = order.map { values[$0].count }
        var good = true
        var days: [[Int]: Float] = [:]
        for cell in 0..<sizes.reduce(1, *) {
            var (rest, coords) = (cell, [0, 0, 0, 0])
            for position in (0..<4).reversed() {
                coords[order[position]] = rest % sizes[position]
                rest /= sizes[position]
            }
            let (place, paragraph, outcome, t) = (coords[0], coords[1], coords[2], coords[3])
            let kind = outcomes[outcome].kind
            var token: String
            if kind == 6 {
                token = random.pick(["12.5", "40", "3.25", "\"..\"", "..", "0", "-"])
                days[[t, place, paragraph]] = Float(token) ?? .nan
            } else if let number = value(t, place, paragraph, kind) {
                token = random.chance(2) ? "\"\(number)\"" : number == 0 && random.chance(10) ? "-" : String(number)
            } else {
                token = random.chance(50) ? "\"..\"" : ".."
            }
            if random.chance(badness) {
                good = false
                switch random.next(8) {
                case 0: token = random.pick(["x1", "-3", "1.5", "1e3", "\"\"", "12345678901"])
                case 1: token = String((Int(token) ?? 0) + 1)  // a total (or a part) off by one
                case 2: token += " 7"  // an extra cell
                case 3: continue  // a missing cell
                case 4: token = "\"1 2\""
                case 5: token = "1.0"
                case 6: token = "00000000017"
                default: token = random.pick(["2.25", "0.0", "\"3\"", "1,2"])
                }
            }
            // Blanks, commas, tabs and line ends between the cells.
            text += token + random.pick([" ", " ", " ", "\n", ",", "\t", "\r\n", "  "])
        }
        if random.chance(95) { text += ";\n" } else { good = false }
        if random.chance(badness) { good = false; text = String(text.dropLast(1 + random.next(30))) }
        guard good else { return Table(text: text, expected: nil) }
        // The leaf rows as reading cell by cell gives them (period, place, paragraph), regrouped by year and municipality.
        var facts = FactTable()
        var missing: [MissingCell] = []
        for t in periods.indices {
            for (place, entry) in places.enumerated() {
                guard let m = entry.municipality else { continue }
                for (paragraph, subject) in paragraphs.enumerated() {
                    guard let p = subject.paragraph else { continue }
                    let parts = (0..<4).map { kinds.contains($0) ? leafValue(t, m, p, $0) : 0 }
                    let mask = parts.indices.reduce(UInt8(0)) { $0 | (parts[$1] == nil ? UInt8(1 << $1) : 0) }
                    if mask != 0 {
                        missing.append(MissingCell(year: periods[t].year, quarter: periods[t].quarter, municipality: m, paragraph: p, mask: mask))
                    }
                    let counts = parts.map { $0 ?? 0 }, cellDays = days[[t, place, paragraph]] ?? .nan
                    if counts.allSatisfy({ $0 == 0 }) && cellDays.isNaN { continue }
                    facts.append(year: periods[t].year, quarter: periods[t].quarter, municipality: m, paragraph: p,
                                 counts: OutcomeCounts(upheld: counts[0], changed: counts[1], remanded: counts[2], dismissed: counts[3]),
                                 days: cellDays, dataset: 0)
                }
            }
        }
        return Table(text: text, expected: (facts.sortedForIndex(), missing))
    }

    /// The importer's answer for `path`, read into the grid or into pages.
    static func load(_ path: String, grid: Bool) -> String {
        do throws(DataError) {
            var stream = try ByteStream(path: path)
            var importer = PXImporter(file: path, catalog: importCatalog)
            importer.usesGrid = grid
            let info = DatasetInfo(name: "t", path: path, format: "pc-axis", synthetic: false, source: "", checksum: "")
            let data = try importer.load(stream: &stream, info: info)
            return "\(rows(data.facts)) \(data.facts.days.map(\.bitPattern)) \(data.missing) \(data.warnings)"
        } catch {
            return error.description
        }
    }

    @Test func denseTablesReadIntoRowsAsIntoPages() throws {
        let path = "/tmp/dkq-px-grid-\(getpid()).px"
        defer { unlink(path) }
        var random = Generator(state: 7)
        var (loaded, failed) = (0, 0)
        for round in 0..<400 {
            let table = Self.table(&random, badness: [0, 0, 1, 3][round % 4])
            let handle = try #require(fopen(path, "w"))
            fputs(table.text, handle)
            fclose(handle)
            let pages = Self.load(path, grid: false)
            #expect(Self.load(path, grid: true) == pages, "round \(round)")
            if pages.hasPrefix(path) { failed += 1 } else { loaded += 1 }
            if let (facts, missing) = table.expected {
                let want = "\(rows(facts)) \(facts.days.map(\.bitPattern)) \(missing)"
                #expect(pages.hasPrefix(want + " "), "round \(round): \(pages.prefix(300)) against \(want.prefix(300))")
            }
        }
        #expect(loaded > 100 && failed > 100, "\(loaded) loaded, \(failed) failed")
    }
}

extension TalportalPartsTests.Generator {
    mutating func shuffle<T>(_ values: inout [T]) {
        for index in values.indices.dropLast().reversed() { values.swapAt(index + 1, next(index + 2)) }
    }
}
