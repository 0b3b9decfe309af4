// `load FOLDER`: every recognised download in a folder, all or nothing; a dkq data
// folder opened whole; and paths written without quotes.
import Foundation
import Testing
@testable import Query

@Suite struct LoadFolderTests {
    /// A new folder holding copies of the named fixtures.
    static func folder(_ names: [String], from source: String = LoadTests.fixtures) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dkq-folder-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: folder + "/" + (name.split(separator: "/").last.map(String.init) ?? name))
        }
        return folder
    }

    @Test func everyRecognisedFileIsLoaded() throws {
        let folder = try Self.folder(["talportal.csv", "talportal_sagsemne.csv", "statbank_population.csv", "ankeast2_quarterly.px"])
        try "not data".write(toFile: folder + "/README.txt", atomically: true, encoding: .utf8)
        var engine = try LoadTests.shipped()
        let before = engine.store.datasets.count
        let report = try engine.load(path: folder)
        #expect(report.hasSuffix("loaded 3 files from \(folder)"), "\(report)")
        #expect(report.contains("\(folder)/talportal.csv: loaded 32 rows"), "the sagsemne list is read by its talportal file, not on its own")
        for file in ["ankeast2_quarterly.px", "statbank_population.csv", "talportal.csv"] {
            #expect(report.contains("\(folder)/\(file): loaded"), "\(file): \(report)")
        }
        #expect(!engine.store.population.isEmpty, "the population table came in")
        // In name order: talportal.csv (2021) came last and replaced the PC-Axis file's 2021.
        #expect(engine.store.datasets.last?.format == "talportal-csv")
        #expect(engine.store.datasets.count >= before - 1)
    }

    @Test func oneBadFileLoadsNothing() throws {
        let folder = try Self.folder(["talportal.csv", "talportal_sagsemne.csv"])
        let bad = "bad_days.csv"
        try FileManager.default.copyItem(atPath: LoadTests.fixtures + "/bad/" + bad, toPath: folder + "/zz-" + bad)
        var engine = try LoadTests.shipped()
        let before = engine.store
        #expect(throws: DataError.self) { try engine.load(path: folder) }
        do {
            _ = try engine.load(path: folder)
        } catch {
            #expect(error.file.hasSuffix("zz-" + bad))
            #expect(error.message.hasSuffix("(nothing was loaded from \(folder))"), "\(error.message)")
        }
        #expect(engine.store == before, "all or nothing")
    }

    @Test func aDataFolderIsOpenedWhole() throws {
        var engine = Engine(store: OutcomeStore(catalog: Catalog(municipalities: [], paragraphs: [])))
        let outputs = engine.run("load \"\(Golden.dataFolder)\"")
        guard case .text(let text)? = outputs.first else {
            Issue.record("\(outputs)")
            return
        }
        #expect(text.hasPrefix("opened the data folder \(Golden.dataFolder): 98 municipalities, years 2014-2024"), "\(text)")
        #expect(engine.store.catalog.municipalities.count == 98)
    }

    @Test func anEmptyFolderIsAnError() throws {
        let folder = try Self.folder([])
        var engine = try LoadTests.shipped()
        #expect(throws: DataError.self) { try engine.load(path: folder) }
    }

    /// `load downloads/ANKEAST1.px` with `/` and `.` and no quotes.
    @Test func anUnquotedPathLoads() throws {
        let folder = try Self.folder(["ankeast1_latin1.px"])
        var engine = try LoadTests.shipped()
        let outputs = engine.run("load \(folder)/ankeast1_latin1.px; rate year 2021")
        guard case .text(let text)? = outputs.first else {
            Issue.record("\(outputs)")
            return
        }
        #expect(text.hasPrefix("loaded 8 rows: year 2021"), "\(text)")
        #expect(outputs.count == 2, "the path ends at ';'")
        let tokens = Lexer.scan("load a/b.px\nrate by year").tokens.map(\.kind)
        #expect(tokens.prefix(3) == [.word("load"), .word("a/b.px"), .newline])
        #expect(Lexer.scan("rate where load = a.b").tokens.contains { $0.kind == .word("a.b") } == false, "only after a statement's first word")
    }
}
