// Tests of the side-table snapshot: a start from it gives the same store as parsing the CSV
// files; a changed, added or broken file is read again (and a bad one reported as before), and a
// damaged or foreign snapshot is never trusted.
import Foundation
import Testing
@testable import Query

@Suite struct SideSnapshotTests {
    /// A copy of the shipped data folder and a fresh cache directory.
    func copyOfShippedData() throws -> (folder: String, cache: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("dkq-sides-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let folder = base.appendingPathComponent("datasets").path
        try FileManager.default.copyItem(atPath: shippedDatasets, toPath: folder)
        return (folder, base.appendingPathComponent("cache").path)
    }

    func snapshotFile(_ cache: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("sides-") }
        #expect(names.count == 1, "\(names)")
        return cache + "/" + (names.first ?? "")
    }

    /// Everything but the outcome rows (StoreTests compares those).
    func expectSameSides(_ a: OutcomeStore, _ b: OutcomeStore) {
        #expect(a.catalog == b.catalog)
        #expect(a.datasets == b.datasets)
        #expect(a.population == b.population)
        #expect(a.decisions == b.decisions)
        #expect(a.published == b.published)
        #expect(a.atlas == b.atlas)
    }

    @Test func writtenOnceThenReadWithTheSameTables() throws {
        let (folder, cache) = try copyOfShippedData()
        let parsed = try DataFolder.load(directory: folder)
        let first = try DataFolder.load(directory: folder, cacheDirectory: cache).store
        let file = try snapshotFile(cache)
        let written = try Data(contentsOf: URL(fileURLWithPath: file))
        let second = try DataFolder.load(directory: folder, cacheDirectory: cache).store
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == written, "a current snapshot is not rewritten")
        expectSameSides(first, parsed)
        expectSameSides(second, parsed)
        #expect(!second.population.isEmpty && !second.decisions.isEmpty && !second.published.isEmpty && second.atlas != nil)
        var fromSnapshot = Engine(store: second)
        var fromFiles = Engine(store: parsed)
        for query in ["show datasets", "population, decided_per_10k by region year 2021", "reversed_per_1000_decisions by municipality year 2021",
                      "check", "show published"] {
            #expect(fromSnapshot.run(query) == fromFiles.run(query), "\(query)")
        }
    }

    @Test func theMapIsDecodedOnlyWhenAskedForAndThenEqualsTheParsedOne() throws {
        let (folder, cache) = try copyOfShippedData()
        let parsed = try DataFolder.load(directory: folder)
        let written = try DataFolder.load(directory: folder, cacheDirectory: cache).store
        #expect(written.lazyAtlas.isDecoded, "a folder parsed from its files has its map at hand")
        var fromSnapshot = try DataFolder.load(directory: folder, cacheDirectory: cache).store
        #expect(!fromSnapshot.lazyAtlas.isDecoded)
        var engine = Engine(store: fromSnapshot)
        _ = engine.run("rate by paragraph where municipality = Aarhus year 2021")
        #expect(!engine.store.lazyAtlas.isDecoded, "a query without a picture leaves the map undecoded")
        let copy = fromSnapshot
        #expect(fromSnapshot.atlas == parsed.atlas && fromSnapshot.atlas != nil)
        #expect(fromSnapshot.lazyAtlas.isDecoded && copy.lazyAtlas.isDecoded, "copies share the one decoding")
        fromSnapshot.atlas = nil
        #expect(fromSnapshot.atlas == nil && copy.atlas == parsed.atlas, "setting the map changes only that copy")
    }

    @Test func aChangedFileIsReadAgainAndABadOneReportedAsBefore() throws {
        let (folder, cache) = try copyOfShippedData()
        _ = try DataFolder.load(directory: folder, cacheDirectory: cache)
        let population = folder + "/" + PopulationFile.path
        var text = try String(contentsOfFile: population, encoding: .utf8)
        text = text.replacingOccurrences(of: "\n101,", with: "\n1010,")
        try text.write(toFile: population, atomically: false, encoding: .utf8)
        let fromFiles = #expect(throws: DataError.self) { try DataFolder.load(directory: folder) }
        let withCache = #expect(throws: DataError.self) { try DataFolder.load(directory: folder, cacheDirectory: cache) }
        #expect(withCache != nil && withCache == fromFiles)
        #expect(withCache?.description.contains("unknown kommunekode '1010'") == true, "\(String(describing: withCache))")
        #expect((withCache?.line ?? 0) > 0 && (withCache?.column ?? 0) > 0)
    }

    @Test func anAddedDecisionsFileIsPickedUp() throws {
        let (folder, cache) = try copyOfShippedData()
        let before = try DataFolder.load(directory: folder, cacheDirectory: cache).store
        try "kommune;år;område;afgørelser\nOdense;2022;børnehandicap;100\n".write(
            toFile: folder + "/decisions/extra_2022.csv", atomically: false, encoding: .utf8)
        let after = try DataFolder.load(directory: folder, cacheDirectory: cache).store
        #expect(after.decisions.count == before.decisions.count + 1)
        expectSameSides(after, try DataFolder.load(directory: folder))
    }

    @Test(arguments: ["flip", "cut", "foreign", "empty"])
    func aDamagedSnapshotIsNeverTrusted(damage: String) throws {
        let (folder, cache) = try copyOfShippedData()
        _ = try DataFolder.load(directory: folder, cacheDirectory: cache)
        let file = try snapshotFile(cache)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        switch damage {
        case "flip": bytes[bytes.count / 2] ^= 0x20
        case "cut": bytes.removeLast(bytes.count / 3)
        case "foreign": bytes = Array("not a snapshot at all\n".utf8)
        default: bytes = []
        }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let sides = SideSnapshot(cacheDirectory: cache, folder: folder, decisionFiles: ["kl12_synthetic_2021.csv"])
        #expect(sides.read() == nil)
        let store = try DataFolder.load(directory: folder, cacheDirectory: cache).store
        expectSameSides(store, try DataFolder.load(directory: folder))
        #expect(sides.read() != nil, "rewritten")
    }
}
