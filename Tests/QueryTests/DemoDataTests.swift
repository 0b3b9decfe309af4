// Tests of the synthetic demo: regeneration is byte-identical to the shipped files, and the
// loaded facts reproduce the published national figures in datasets/reference.
import Foundation
import Testing
@_spi(Tools) @testable import Query

/// Summed counts of the rows matching a filter.
struct Sums {
    var upheld = 0, changed = 0, remanded = 0, dismissed = 0
    var merits: Int { upheld + changed + remanded }
    var rate: Double { 100 * Double(changed + remanded) / Double(merits) }
    var changedShare: Double { 100 * Double(changed) / Double(merits) }

    init(_ store: OutcomeStore, where include: (Int) -> Bool) {
        for row in 0..<store.facts.count where include(row) {
            upheld += Int(store.facts.upheld[row])
            changed += Int(store.facts.changed[row])
            remanded += Int(store.facts.remanded[row])
            dismissed += Int(store.facts.dismissed[row])
        }
    }
}

/// Sums for one data year and Danmarkskort area.
func areaSums(_ store: OutcomeStore, year: Int, area: Area) -> Sums {
    let inArea = store.catalog.paragraphs.map { $0.areas.contains(area) }
    return Sums(store) { Int(store.facts.year[$0]) == year && inArea[Int(store.facts.paragraph[$0])] }
}

@Suite struct DemoDataTests {
    @Test func regenerationIsByteIdentical() throws {
        let catalog = try DataFolder.loadCatalog(directory: shippedDatasets)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dkq-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try DemoData.generate(catalog: catalog).files
        try DemoData.write(files, to: directory.path)
        let shipped = try FileManager.default.contentsOfDirectory(atPath: shippedDatasets + "/outcomes").sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == shipped)
        for name in shipped {
            let expected = try Data(contentsOf: URL(fileURLWithPath: shippedDatasets + "/outcomes/" + name))
            let actual = try Data(contentsOf: directory.appendingPathComponent(name))
            #expect(actual == expected, "outcomes/\(name) differs from a fresh generation")
        }
    }

    @Test func nationalRatesMatchPublishedFigures() throws {
        let store = try DataFolder.load(directory: shippedDatasets)
        let reference = try String(contentsOfFile: shippedDatasets + "/reference/danmarkskort_national.csv", encoding: .utf8)
        let areas: [String: Area] = ["socialomraadet_generelt": .general, "boernehandicap": .childDisability, "voksenhandicap": .adultDisability]
        var checked = 0
        for line in reference.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("year,") {
            // The first six columns never hold quoted text: year,area,omg_pct,aendret_ophaevet_pct,hjemvist_pct,stadfaestet_pct.
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let year = try #require(Int(fields[0]))
            let area = try #require(areas[fields[1]])
            let sums = areaSums(store, year: year, area: area)
            if let published = Double(fields[2]) {
                #expect(abs(sums.rate - published) < 0.5, "\(year) \(area.fileName): \(sums.rate) vs \(published)")
                checked += 1
            }
            if let changed = Double(fields[3]), let remanded = Double(fields[4]) {
                #expect(abs(sums.changedShare - changed) < 0.5, "\(year) \(area.fileName) ændret")
                #expect(abs(100 * Double(sums.remanded) / Double(sums.merits) - remanded) < 0.5, "\(year) \(area.fileName) hjemvist")
            }
        }
        #expect(checked == 16)
    }

    @Test func volumesMatchPublishedCounts() throws {
        let store = try DataFolder.load(directory: shippedDatasets)
        func close(_ value: Int, _ published: Int) -> Bool { abs(Double(value - published)) <= 0.01 * Double(published) }
        let general2016 = areaSums(store, year: 2016, area: .general)
        #expect(close(general2016.merits + general2016.dismissed, 8140))
        #expect(close(areaSums(store, year: 2022, area: .general).merits, 8631))
        let general2021 = areaSums(store, year: 2021, area: .general)
        #expect(close(general2021.merits + general2021.dismissed, 8286))
        for (year, child, adult) in [(2015, 2576, 1118), (2018, 2716, 1299), (2022, 1973, 950), (2023, 2299, 721)] {
            let childSums = areaSums(store, year: year, area: .childDisability)
            let adultSums = areaSums(store, year: year, area: .adultDisability)
            #expect(close(childSums.merits + childSums.dismissed, child), "\(year) børnehandicap")
            #expect(close(adultSums.merits + adultSums.dismissed, adult), "\(year) voksenhandicap")
        }
        for year in store.years {
            let sums = areaSums(store, year: year, area: .general)
            let share = Double(sums.dismissed) / Double(sums.merits + sums.dismissed)
            #expect(share > 0.06 && share < 0.09, "\(year) afviste share \(share)")
        }
    }

    @Test func smallMunicipalitiesHaveSmallNoisyCounts() throws {
        let store = try DataFolder.load(directory: shippedDatasets)
        let index = { (code: Int) in store.catalog.municipalities.firstIndex { $0.code == code } ?? -1 }
        let laesoe = index(825)
        let aarhus = index(751)
        for year in store.years {
            let small = Sums(store) { Int(store.facts.year[$0]) == year && Int(store.facts.municipality[$0]) == laesoe }
            let large = Sums(store) { Int(store.facts.year[$0]) == year && Int(store.facts.municipality[$0]) == aarhus }
            #expect(small.merits + small.dismissed < 15)
            #expect(large.merits > 20 * max(1, small.merits))
        }
        let daysInRange = store.facts.days.allSatisfy { $0 >= 20 && $0 <= 400 }
        #expect(daysInRange)
    }

    @Test func barnetsLovReplacesItsPredecessorsFrom2024() throws {
        let store = try DataFolder.load(directory: shippedDatasets)
        // The demo models the moves in DemoTargets.modelledSuccessors; the catalogue's other Barnets lov rows
        // (for real downloads) have no demo rows, and their predecessors keep theirs in 2024.
        let modelled = store.catalog.paragraphs.filter { DemoTargets.modelledSuccessors.contains($0.code) }
        #expect(modelled.count == 2)
        for (index, paragraph) in store.catalog.paragraphs.enumerated() {
            let years = Set((0..<store.facts.count).filter { Int(store.facts.paragraph[$0]) == index }.map { Int(store.facts.year[$0]) })
            if paragraph.law == "Barnets lov", !DemoTargets.modelledSuccessors.contains(paragraph.code) {
                #expect(years.isEmpty, "\(paragraph.code)")
            } else if paragraph.formerly != nil {
                #expect(years == [2024], "\(paragraph.code)")
            } else if modelled.contains(where: { $0.formerly == paragraph.code }) {
                #expect(years == Set(2014...2023), "\(paragraph.code)")
            }
        }
    }

    @Test func randomStreamAndFormattingAreFixed() {
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(DemoData.fixed(31.8, 2) == "31.80")
        #expect(DemoData.fixed(7.05, 1) == "7.1")
        #expect(DemoData.fixed(120, 1) == "120.0")
    }
}
