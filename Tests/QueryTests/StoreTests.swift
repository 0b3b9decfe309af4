// Tests of the persistent store file: it is used when current, and rebuilt (never trusted)
// when a source file changes, a file is added or removed, or the store is corrupt, cut short,
// foreign or of another format version. Results from the store equal results from the CSVs.
import Foundation
import Testing
@testable import Query

@Suite struct StoreTests {
    /// A fixture folder with two yearly outcome files and a fresh cache directory.
    func fixture() throws -> (folder: String, cache: String) {
        let folder = try makeFixtureFolder([
            "outcomes/2021.csv": Array((outcomeHeader + "2021,1,101,1.1,4,1,2,0,96.5\n2021,2,751,1.2,3,0,1,1,\n").utf8),
            "outcomes/2022.csv": Array((outcomeHeader + "2022,1,825,2.1,7,2,0,3,120.25\n").utf8),
        ])
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("dkq-cache-\(UUID().uuidString)/dkq").path
        return (folder, cache)
    }

    /// The store equals what the CSVs give (days compared bit for bit: NaN means unknown).
    func expectSame(_ a: OutcomeStore, _ b: OutcomeStore) {
        #expect(a.catalog == b.catalog)
        #expect(a.datasets == b.datasets)
        #expect(a.facts.year == b.facts.year && a.facts.quarter == b.facts.quarter)
        #expect(a.facts.municipality == b.facts.municipality && a.facts.paragraph == b.facts.paragraph)
        #expect(a.facts.upheld == b.facts.upheld && a.facts.changed == b.facts.changed)
        #expect(a.facts.remanded == b.facts.remanded && a.facts.dismissed == b.facts.dismissed)
        #expect(a.facts.days.map(\.bitPattern) == b.facts.days.map(\.bitPattern))
        #expect(a.facts.dataset == b.facts.dataset)
        #expect(a.published == b.published)
    }

    func storeFile(_ folder: String, _ cache: String) -> String {
        StoreCache(directory: cache).path(forFolder: folder)
    }

    @Test func builtOnceThenUsedWithTheSameRows() throws {
        let (folder, cache) = try fixture()
        let first = try DataFolder.load(directory: folder, cacheDirectory: cache)
        #expect(first.status == .rebuilt(reason: "no store file", written: true))
        let second = try DataFolder.load(directory: folder, cacheDirectory: cache)
        #expect(second.status == .used)
        expectSame(second.store, try DataFolder.load(directory: folder))
        expectSame(first.store, second.store)
        // The row index read from the file is the one the rows give.
        let catalog = second.store.catalog
        var stored = try #require(second.store.facts.index)
        let built = FactIndex(second.store.facts, municipalities: catalog.municipalities.count, paragraphs: catalog.paragraphs.count)
        #expect(stored.rollups == Rollups(second.store.facts, built))
        stored.rollups = nil
        #expect(stored == built)
        #expect(stored.rowOrder == nil && second.store.facts.isSortedForIndex)
    }

    @Test func shippedDataFromTheStoreGivesTheSameAnswers() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("dkq-cache-\(UUID().uuidString)").path
        _ = try DataFolder.load(directory: shippedDatasets, cacheDirectory: cache)
        let (stored, status) = try DataFolder.load(directory: shippedDatasets, cacheDirectory: cache)
        #expect(status == .used)
        expectSame(stored, try DataFolder.load(directory: shippedDatasets))
        var fromStore = Engine(store: stored)
        var fromCSV = try Engine.open(dataDirectory: shippedDatasets)
        let query = "rate, cases, days by region, year where paragraph = 41 years 2019..2023"
        #expect(fromStore.run(query) == fromCSV.run(query))
        // Every scan shape, through the stored index and rollups (datasets marked by slot), on one
        // thread and on two, answers as the rows read from the CSVs do.
        var split = fromStore
        split.splitRows = 1
        for query in ScanTests.queries {
            let expected = fromCSV.run(query)
            #expect(fromStore.run(query) == expected, "\(query)")
            #expect(split.run(query) == expected, "split: \(query)")
        }
    }

    @Test func aChangedSourceFileIsNeverServedStale() throws {
        let (folder, cache) = try fixture()
        _ = try DataFolder.load(directory: folder, cacheDirectory: cache)
        // Same size, one count changed: the store must not be used.
        let path = folder + "/outcomes/2022.csv"
        let edited = outcomeHeader + "2022,1,825,2.1,9,2,0,3,120.25\n"
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        let (store, status) = try DataFolder.load(directory: folder, cacheDirectory: cache)
        #expect(status == .rebuilt(reason: "a source file changed", written: true))
        #expect(store.facts.upheld.last == 9)
        expectSame(store, try DataFolder.load(directory: folder))
        #expect(try DataFolder.load(directory: folder, cacheDirectory: cache).status == .used)
    }

    @Test func anAddedOrRemovedFileOrChangedCatalogRebuilds() throws {
        let (folder, cache) = try fixture()
        _ = try DataFolder.load(directory: folder, cacheDirectory: cache)
        try Data((outcomeHeader + "2023,4,101,1.1,1,1,1,1,10\n").utf8).write(to: URL(fileURLWithPath: folder + "/outcomes/2023.csv"))
        var loaded = try DataFolder.load(directory: folder, cacheDirectory: cache)
        #expect(loaded.status == .rebuilt(reason: "a source file changed", written: true))
        #expect(loaded.store.datasets.count == 3)
        try FileManager.default.removeItem(atPath: folder + "/outcomes/2021.csv")
        loaded = try DataFolder.load(directory: folder, cacheDirectory: cache)
        #expect(loaded.status == .rebuilt(reason: "a source file changed", written: true))
        expectSame(loaded.store, try DataFolder.load(directory: folder))
        // A renamed municipality changes the catalog: rebuilt, and the new name is used.
        let municipalities = folder + "/municipalities.csv"
        let text = try String(contentsOfFile: municipalities, encoding: .utf8).replacingOccurrences(of: "Læsø,Læsø,", with: "Laesoe,Læsø,")
        try Data(text.utf8).write(to: URL(fileURLWithPath: municipalities))
        loaded = try DataFolder.load(directory: folder, cacheDirectory: cache)
        #expect(loaded.status == .rebuilt(reason: "a source file changed", written: true))
        #expect(loaded.store.catalog.municipalities[2].name == "Laesoe")
    }

    @Test(arguments: [
        ("flipped byte in the rows", "store file damaged (checksum or contents)"),
        ("cut short", "store file damaged (checksum or contents)"),
        ("another format version", "store file of another format version"),
        ("foreign file", "not a dkq store file"),
        ("empty file", "not a dkq store file"),
    ])
    func aBadStoreFileIsDetectedAndRebuilt(damage: String, reason: String) throws {
        let (folder, cache) = try fixture()
        _ = try DataFolder.load(directory: folder, cacheDirectory: cache)
        let path = storeFile(folder, cache)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        switch damage {
        case "flipped byte in the rows": bytes[bytes.count * 3 / 4] ^= 0x04  // in the columns, past the header and meta
        case "cut short": bytes.removeLast(16)
        case "another format version": bytes[8] &+= 1
        case "foreign file": bytes = Array("year,quarter\n2021,1\n".utf8) + [UInt8](repeating: 7, count: 64)
        default: bytes = []
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (store, status) = try DataFolder.load(directory: folder, cacheDirectory: cache)
        #expect(status == .rebuilt(reason: reason, written: true))
        expectSame(store, try DataFolder.load(directory: folder))
        #expect(try DataFolder.load(directory: folder, cacheDirectory: cache).status == .used)
    }

    @Test func everyFlippedByteIsCaught() throws {
        let (folder, cache) = try fixture()
        let store = try DataFolder.load(directory: folder, cacheDirectory: cache).store
        let path = storeFile(folder, cache)
        let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let key = StoreCache.key(folder: folder, sources: ["municipalities.csv", "paragraphs.csv", "outcomes/2021.csv", "outcomes/2022.csv"])
        #expect((try? StoreFile.read(path: path, key: key, catalog: store.catalog)) != nil)
        var missed: [Int] = []
        for position in good.indices {
            var bytes = good
            bytes[position] ^= 0x10
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            if (try? StoreFile.read(path: path, key: key, catalog: store.catalog)) != nil { missed.append(position) }
        }
        #expect(missed.isEmpty, "flipped bytes not caught at \(missed) of \(good.count)")
    }

    @Test func aStoreWithAValidChecksumButImpossibleIndicesIsNotTrusted() throws {
        let (folder, cache) = try fixture()
        let store = try DataFolder.load(directory: folder)
        var facts = store.facts
        var index = FactIndex(facts, municipalities: store.catalog.municipalities.count, paragraphs: store.catalog.paragraphs.count)
        index.rollups = Rollups(facts, index)
        facts.municipality[0] = 200  // the catalog has 3 municipalities
        let key = StoreCache.key(folder: folder, sources: ["municipalities.csv", "paragraphs.csv", "outcomes/2021.csv", "outcomes/2022.csv"])
        #expect(StoreCache(directory: cache).create())
        #expect(StoreFile.write(path: storeFile(folder, cache), key: key, facts: facts, index: index, datasets: store.datasets,
                                    yearsOf: facts.yearsByDataset(count: store.datasets.count)))
        #expect(throws: StoreFile.Rejection.damaged) { try StoreFile.read(path: storeFile(folder, cache), key: key, catalog: store.catalog) }
        let (loaded, status) = try DataFolder.load(directory: folder, cacheDirectory: cache)
        #expect(status == .rebuilt(reason: "store file damaged (checksum or contents)", written: true))
        expectSame(loaded, store)
    }

    @Test func writtenAtomicallyWithNoTemporaryLeftBehind() throws {
        let (folder, cache) = try fixture()
        _ = try DataFolder.load(directory: folder, cacheDirectory: cache)
        let names = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(names.count == 2 && names.contains { $0.hasSuffix(".dkqs") } && names.contains { $0.hasPrefix("sides-") }, "\(names)")
        // An unwritable cache directory: the sources are still loaded, the status says so.
        let blocked = cache + "-file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocked))
        let (store, status) = try DataFolder.load(directory: folder, cacheDirectory: blocked + "/dkq")
        #expect(status == .rebuilt(reason: "no store file", written: false))
        #expect(store.facts.count == 3)
    }

    @Test func anErrorInASourceFileIsReportedNotHiddenByTheStore() throws {
        let (folder, cache) = try fixture()
        _ = try DataFolder.load(directory: folder, cacheDirectory: cache)
        try Data((outcomeHeader + "2022,1,825,2.1,x,2,0,3,1\n").utf8).write(to: URL(fileURLWithPath: folder + "/outcomes/2022.csv"))
        #expect(throws: DataError.self) { try DataFolder.load(directory: folder, cacheDirectory: cache) }
    }

    /// The key names every source with its fingerprint, built piece by piece; compared here with the
    /// same text written by interpolation from `stat` directly, and a missing file says so.
    @Test func keyListsEverySourceWithItsStatFields() throws {
        let (folder, _) = try fixture()
        let key = StoreCache.key(folder: folder + "/", sources: ["outcomes/2021.csv", "nothing.csv"])
        var info = stat()
        #expect(stat(folder + "/outcomes/2021.csv", &info) == 0)
        let expected = "size \(info.st_size) mtime \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) "
            + "ctime \(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec) inode \(info.st_ino) device \(info.st_dev)"
        #expect(key == "dkq store key v1\n\(StoreCache.realPath(folder)!)\noutcomes/2021.csv \(expected)\nnothing.csv missing")
    }

    /// The key's numbers are written as `String` writes them, at every length and both ends of the range.
    @Test func keyNumbersAreWrittenAsStringWritesThem() {
        var signed: [Int64] = [0, -1, Int64.min, Int64.max, Int64.min + 1]
        var unsigned: [UInt64] = [0, UInt64.max, UInt64.max - 1]
        var power: UInt64 = 1
        for _ in 0..<19 {
            unsigned += [power - 1, power, power + 1]
            signed += [Int64(power - 1), -Int64(power), Int64(power) + 7]
            power *= 10
        }
        for value in signed {
            var bytes: [UInt8] = []
            StoreCache.appendDecimal(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
        for value in unsigned {
            var bytes: [UInt8] = []
            StoreCache.appendDecimal(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
    }

    @Test func checksumDependsOnEveryByteAndItsPlace() {
        let base = [UInt8](repeating: 1, count: 77)
        let sum = base.withUnsafeBytes { StoreFile.checksum($0) }
        for i in [0, 8, 31, 40, 76] {
            var changed = base
            changed[i] = 2
            #expect(changed.withUnsafeBytes { StoreFile.checksum($0) } != sum)
        }
        var swapped = base
        swapped[0] = 5
        var other = base
        other[8] = 5
        #expect(swapped.withUnsafeBytes { StoreFile.checksum($0) } != other.withUnsafeBytes { StoreFile.checksum($0) })
    }

    @Test func aSectionSummedInPiecesHasTheChecksumOfTheWhole() {
        let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let whole = bytes.withUnsafeBytes { StoreFile.checksum($0) }
        for piece in [64, 128, 640] {
            var section = SectionSum()
            bytes.withUnsafeBytes { raw in
                for start in stride(from: 0, to: raw.count, by: piece) {
                    section.add(UnsafeRawBufferPointer(rebasing: raw[start..<min(start + piece, raw.count)]))
                }
            }
            #expect(Checksum.sum(of: section) == whole, "pieces of \(piece)")
        }
    }

    /// Counts are kept in 1, 2 or 4 bytes, the narrowest holding the largest, and rollup cells in
    /// 4- or 8-byte fields; every width gives what the CSVs give, through the tight scans (on one
    /// and on two threads) and the rollups.
    @Test(arguments: [(4, CountWidth.one), (300, .two), (70_000, .four)])
    func countsKeptInTheNarrowestWidthGiveTheSameAnswers(largest: Int, width: CountWidth) throws {
        let folder = try makeFixtureFolder([
            "outcomes/2021.csv": Array((outcomeHeader + "2021,1,101,1.1,4,1,2,0,96.5\n2021,2,751,1.2,3,0,1,\(largest),\n").utf8),
            "outcomes/2022.csv": Array((outcomeHeader + "2022,1,825,2.1,7,2,0,3,120.25\n2022,1,751,2.1,1,\(largest / 2),0,3,999.99\n").utf8),
        ])
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("dkq-cache-\(UUID().uuidString)/dkq").path
        _ = try DataFolder.load(directory: folder, cacheDirectory: cache)
        let (stored, status) = try DataFolder.load(directory: folder, cacheDirectory: cache)
        #expect(status == .used)
        #expect(stored.facts.countWidth == width)
        let csv = try DataFolder.load(directory: folder)
        #expect(csv.facts.countWidth == .four)
        expectSame(stored, csv)
        #expect(stored.facts.dismissed.max() == Int32(largest))
        // Rollup cells in 4-byte fields unless a sum needs more (35,004 decided × 99,999 hundredths of a day).
        let rollups = try #require(stored.facts.index?.rollups)
        #expect(rollups.byParagraph.narrow == (width != .four) && rollups.byMunicipality.narrow == (width != .four))
        for (rollups, splitRows) in [(true, Evaluator.splitRows), (false, Evaluator.splitRows), (false, 1)] {
            var fromStore = Engine(store: stored), fromCSV = Engine(store: csv)
            (fromStore.useRollups, fromStore.splitRows) = (rollups, splitRows)
            for query in ["cases, upheld, reversed, dismissed, decided, days by municipality, year",
                          "rate, decided by paragraph where municipality = \"Aarhus\"", "dismissed by quarter years 2021..2022"] {
                #expect(fromStore.run(query) == fromCSV.run(query), "\(query)")
            }
        }
    }
}
