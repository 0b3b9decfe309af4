// Loaded downloads across restarts: two engines sharing a cache directory stand for two starts.
// A `load`ed file is loaded again at the next start (show datasets lists it, answers equal a
// fresh load), `unload`/`fjern` forgets it now and later, and the file stays the truth: a changed
// file is read again and reported, a removed one reported and nothing of it used.
import Foundation
import Testing
@testable import Query

@Suite struct KeptLoadTests {
    static let query = "rate, cases by municipality year 2021"

    /// A copy of the talportal fixture (and its sagsemne table) in a fresh folder, and a fresh cache.
    func fixture() throws -> (file: String, cache: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("dkq-kept-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base + "/downloads", withIntermediateDirectories: true)
        for name in ["talportal.csv", "talportal_sagsemne.csv"] {
            try FileManager.default.copyItem(atPath: "\(LoadTests.fixtures)/\(name)", toPath: "\(base)/downloads/\(name)")
        }
        return (base + "/downloads/talportal.csv", base + "/cache")
    }

    func start(_ cache: String) throws -> Engine {
        try Engine.open(dataDirectory: Golden.dataFolder, cacheDirectory: cache)
    }

    /// The engine a user gets by loading `file` into the shipped data without any cache.
    func loadedWithoutCache(_ file: String) throws -> Engine {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        _ = try engine.load(path: file)
        return engine
    }

    func datasets(_ engine: inout Engine) -> String {
        engine.run("show datasets").map { Renderer.render($0, source: "show datasets", options: RenderOptions(format: .csv)) }.joined()
    }

    @Test func aLoadedFileIsLoadedAgainAtTheNextStart() throws {
        let (file, cache) = try fixture()
        var first = try start(cache)
        #expect(first.restoreReport.isEmpty)
        guard case .text(let report)? = first.run("load \"\(file)\"").last else { Issue.record("load failed"); return }
        #expect(report.contains("replaces"))
        var second = try start(cache)
        #expect(second.restoreReport == ["\(file): loaded again (kept from an earlier session; unload \"\(file)\" forgets it)"])
        #expect(datasets(&second).contains("talportal.csv"))
        var fresh = try loadedWithoutCache(file)
        #expect(second.run(Self.query) == fresh.run(Self.query))
        #expect(second.run(Self.query) == first.run(Self.query))
        // Loading it again is not an error, and does not load it twice.
        guard case .text(let again)? = second.run("load \"\(file)\"").last else { Issue.record("second load failed"); return }
        #expect(again.contains("already loaded"))
        #expect(second.store.datasets == fresh.store.datasets)
    }

    /// The third start takes the kept file's data from the cache (the second imported it and saved
    /// it); it answers exactly as an import does, and a touched file is imported again.
    @Test func laterStartsMapTheKeptDataFromTheCache() throws {
        let (file, cache) = try fixture()
        var first = try start(cache)
        _ = first.run("load \"\(file)\" as \"Ankestyrelsen, downloaded 2026-11-30\"")
        var second = try start(cache)
        #expect(!second.keptFromCache)
        var third = try start(cache)
        #expect(third.keptFromCache)
        #expect(third.restoreReport == second.restoreReport)
        #expect(third.store.datasets == second.store.datasets)
        #expect(third.store.missing == second.store.missing && third.store.population == second.store.population)
        #expect(third.store.decisions == second.store.decisions && third.store.comments == second.store.comments)
        #expect(third.store.recipients == second.store.recipients)
        var (mapped, imported) = (third.store.facts, second.store.facts)
        #expect(mapped.index != nil)
        (mapped.index, imported.index) = (nil, nil)
        #expect(String(describing: mapped) == String(describing: imported))  // every value, NaN days included
        for query in [Self.query, "rate, reversed by paragraph, year where municipality = Aarhus", "show datasets",
                      "rate by region vs national year 2021", "answer rate where municipality = Odense year 2021"] {
            #expect(third.run(query) == second.run(query), "\(query)")
        }
        // Touched (same bytes, new times): imported again, then kept again.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        try FileManager.default.removeItem(atPath: file)
        try bytes.write(to: URL(fileURLWithPath: file))
        var fourth = try start(cache)
        #expect(!fourth.keptFromCache)
        #expect(fourth.run(Self.query) == second.run(Self.query))
        #expect(try start(cache).keptFromCache)
        // A damaged cache file is not trusted: the file is imported again.
        let tables = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("loaded-") && $0.hasSuffix(".dkq") }
        #expect(tables.count == 1)
        var damaged = try [UInt8](Data(contentsOf: URL(fileURLWithPath: cache + "/" + tables[0])))
        damaged[damaged.count / 2] ^= 0x20
        try Data(damaged).write(to: URL(fileURLWithPath: cache + "/" + tables[0]))
        var fifth = try start(cache)
        #expect(!fifth.keptFromCache)
        #expect(fifth.run(Self.query) == second.run(Self.query))
    }

    @Test func unloadForgetsTheFileNowAndAtTheNextStart() throws {
        let (file, cache) = try fixture()
        var shipped = try Engine.open(dataDirectory: Golden.dataFolder)
        for spelling in ["unload", "fjern"] {
            var engine = try start(cache)
            _ = engine.run("load \"\(file)\"")
            #expect(engine.run(Self.query) != shipped.run(Self.query))
            guard case .text(let report)? = engine.run("\(spelling) \"\(file)\"").last else { Issue.record("\(spelling) failed"); return }
            #expect(report == "unloaded \(file); the next start leaves it out")
            #expect(engine.run(Self.query) == shipped.run(Self.query))
            #expect(engine.store.datasets == shipped.store.datasets)
            var next = try start(cache)
            #expect(next.restoreReport.isEmpty)
            #expect(!datasets(&next).contains("talportal"))
        }
    }

    @Test func unloadKeepsTheOtherLoadsInTheirOrder() throws {
        let (file, cache) = try fixture()
        var engine = try start(cache)
        _ = engine.run("load \"\(file)\"")
        _ = engine.run("load \"\(LoadTests.fixtures)/comments.csv\"")
        _ = engine.run("unload \"\(LoadTests.fixtures)/comments.csv\"")
        var fresh = try loadedWithoutCache(file)
        #expect(engine.run(Self.query) == fresh.run(Self.query))
        #expect(engine.store.datasets == fresh.store.datasets)
        var next = try start(cache)
        #expect(next.restoreReport.count == 1)
        #expect(next.run(Self.query) == fresh.run(Self.query))
    }

    @Test func aChangedFileIsReadAgainAndReported() throws {
        let (file, cache) = try fixture()
        var first = try start(cache)
        _ = first.run("load \"\(file)\"")
        // Same size: København's first row moves one case from upheld to changed.
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "København;Personlig hjælp og pleje;2021;1;20;1;3;14;2;51",
                                               with: "København;Personlig hjælp og pleje;2021;1;20;1;3;13;3;51")
        #expect(edited != text)
        try edited.write(toFile: file, atomically: true, encoding: .utf8)
        var second = try start(cache)
        #expect(second.restoreReport == ["\(file): changed since it was loaded; read again from the file"])
        var fresh = try loadedWithoutCache(file)
        #expect(second.run(Self.query) == fresh.run(Self.query))
        #expect(second.run(Self.query) != first.run(Self.query))
        // The list now holds the new checksum: the start after that reports no change.
        #expect(try start(cache).restoreReport.first?.contains("loaded again") == true)
    }

    @Test func aRemovedFileIsReportedAndNothingOfItIsUsed() throws {
        let (file, cache) = try fixture()
        var first = try start(cache)
        _ = first.run("load \"\(file)\"")
        try FileManager.default.removeItem(atPath: file)
        var second = try start(cache)
        #expect(second.restoreReport.count == 1)
        #expect(second.restoreReport.first?.contains("the file is gone") == true)
        var shipped = try Engine.open(dataDirectory: Golden.dataFolder)
        #expect(second.run(Self.query) == shipped.run(Self.query))
        #expect(!datasets(&second).contains("talportal"))
        // Still listed until unloaded.
        #expect(try start(cache).restoreReport.count == 1)
        guard case .text? = second.run("unload \"\(file)\"").last else { Issue.record("unload failed"); return }
        #expect(try start(cache).restoreReport.isEmpty)
    }

    @Test func unloadOfAFileNotLoadedSaysWhatIs() throws {
        let (file, cache) = try fixture()
        var engine = try start(cache)
        guard case .error(let none)? = engine.run("unload \"nowhere.csv\"").last else { Issue.record("no error"); return }
        #expect(none.code == "E301")
        #expect(none.hint?.contains("nothing is loaded") == true)
        _ = engine.run("load \"\(file)\"")
        guard case .error(let other)? = engine.run("unload \"nowhere.csv\"").last else { Issue.record("no error"); return }
        #expect(other.message == "nowhere.csv is not loaded")
        #expect(other.hint == "loaded: \"\(file)\"")
    }

    @Test func withoutACacheNothingIsKept() throws {
        let (file, _) = try fixture()
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        _ = engine.run("load \"\(file)\"")
        #expect(engine.manifest == nil)
        // unload still works within the session.
        guard case .text(let report)? = engine.run("unload \"\(file)\"").last else { Issue.record("unload failed"); return }
        #expect(report == "unloaded \(file)")
        var shipped = try Engine.open(dataDirectory: Golden.dataFolder)
        #expect(engine.run(Self.query) == shipped.run(Self.query))
    }

    @Test func theListSurvivesTabsNewlinesAndBackslashes() throws {
        let (_, cache) = try fixture()
        let manifest = LoadManifest(cacheDirectory: cache, folder: Golden.dataFolder)
        let file = LoadedFile(given: "/a\tb/c\\d", path: "/a\tb/c\\d", citation: "line one\nline two\\", checksums: ["0123", "abcd"], kept: true)
        #expect(manifest.write([file]))
        let read = manifest.read()
        #expect(read.count == 1)
        #expect(read.first?.path == file.path && read.first?.citation == file.citation && read.first?.checksums == file.checksums)
        // A foreign or damaged list is ignored, never half-read.
        try Data("not a list\n/x\t\t\n".utf8).write(to: URL(fileURLWithPath: manifest.path))
        #expect(manifest.read().isEmpty)
    }
}
