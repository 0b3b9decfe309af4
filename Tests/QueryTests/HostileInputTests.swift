// Regression tests of issue 6 (hostile input): counts past the column width, limits on
// every file read, pipes read once, provenance after loads, suggestion and binomial
// arithmetic against independent references (Tests/Fixtures/robust/*.py), cancellation.
import Foundation
import Testing
@testable import Query

@Suite struct HostileInputTests {
    static let fixtures = Golden.root.appendingPathComponent("Tests/Fixtures/robust").path

    static func loadError(_ path: String) -> String? {
        do {
            _ = try Importer.load(path: path, catalog: importCatalog)
            return nil
        } catch {
            return error.description.replacingAll(fixtures + "/", with: "")
        }
    }

    static func csvRows(_ name: String) throws -> [[String]] {
        let text = try String(contentsOfFile: "\(fixtures)/\(name)", encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    // MARK: counts past the Int32 column, and where PC-Axis time errors are

    @Test(arguments: [
        ("talportal_count_overflow.csv", "talportal_count_overflow.csv:3:46: error: count 2147483648 in Stadfæstelse is too large (at most 2147483647)"),
        ("talportal_count_wrap.csv", "talportal_count_wrap.csv:3:46: error: count 4294967300 in Stadfæstelse is too large (at most 2147483647)"),
        ("px_count_overflow.px", "px_count_overflow.px:20:1: error: count 2147483648 is too large (at most 2147483647) in cell 1 (København, 1.9 Børn - efterværn - §§ 68 og 76, Stadfæstelse, 2021K1)"),
        ("px_timeval_bad.px", "px_timeval_bad.px:14:10: error: time value '2021X4' is not a year (2021) or quarter (2021K3, 2021Q3)"),
    ])
    func badFileNamesFileLineAndColumn(_ file: String, _ message: String) {
        #expect(Self.loadError("\(Self.fixtures)/\(file)") == message)
    }

    @Test func aFileNamedLikeASagsemneTableIsPassedOverAndNeverQuoted() throws {
        let message = try #require(Self.loadError("\(Self.fixtures)/impostor/talportal.csv"))
        #expect(!message.contains("hemmelig"))
        #expect(message.contains("unknown paragraph 'Personlig hjælp og pleje'"))
        #expect(SagsemneTable.locate(nextTo: "\(Self.fixtures)/impostor/talportal.csv") == nil)
    }

    // MARK: files that never end, are huge, or can be read only once

    @Test func devicesAreRefusedAtOnce() {
        #expect(Self.loadError("/dev/zero") == "/dev/zero: error: is not a regular file (a device or socket); dkq reads files and pipes")
        #expect(Self.loadError("/dev/urandom")?.contains("is not a regular file") == true)
    }

    @Test func aSparseTwoGigabyteFileStopsAtTheHeaderLimit() throws {
        let directory = try scratchDirectory()
        for name in ["big.px", "big.csv"] {
            let path = directory + "/" + name
            #expect(FileManager.default.createFile(atPath: path, contents: Data("CHARSET=\"ANSI\";\n".utf8)))
            #expect(truncate(path, 2 << 30) == 0)
        }
        #expect(Self.loadError(directory + "/big.px") == directory + "/big.px: error: no DATA= in the first 8 MB: not a PC-Axis table dkq can read")
        #expect(Self.loadError(directory + "/big.csv") == directory + "/big.csv: error: no DATA= in the first 8 MB: not a PC-Axis table dkq can read")
    }

    @Test func aLineLongerThanTheLimitIsAnErrorWithItsLineNumber() throws {
        let directory = try scratchDirectory()
        let path = directory + "/long.csv"
        var bytes = Array("Kommune;Sagsemne;Aar;Kvartal;Antal_sager_ialt;Afvisning.Henvisning;Hjemvisning;Stadfæstelse;Ændring.Ophævelse\n".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: ByteStream.maxLineBytes + (2 << 20))
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(Self.loadError(path) == path + ":2:1: error: line is longer than 16 MB; not a table dkq can read")
    }

    @Test(arguments: ["talportal.csv", "ankeast2_quarterly.px", "statbank_population.csv", "comments.csv", "canonical.csv"])
    func aPipeIsReadOnceAndGivesTheSameData(_ name: String) throws {
        let source = importFixtures + "/" + name
        let directory = try scratchDirectory()
        // The Sagsemne table is looked up beside the data file, so the pipe gets one too.
        if name == "talportal.csv" {
            try FileManager.default.copyItem(atPath: importFixtures + "/talportal_sagsemne.csv", toPath: directory + "/sagsemne.csv")
        }
        let fifo = directory + "/" + name
        #expect(mkfifo(fifo, 0o600) == 0)
        let content = try Data(contentsOf: URL(fileURLWithPath: source))
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(content)
                try? handle.close()
            }
        }
        writer.start()
        let fromPipe = try Importer.load(path: fifo, catalog: importCatalog)
        let fromFile = try Importer.load(path: source, catalog: importCatalog)
        #expect(String(describing: fromPipe.facts) == String(describing: fromFile.facts))  // NaN days: compare as text
        #expect(fromPipe.population == fromFile.population)
        #expect(fromPipe.comments == fromFile.comments)
        #expect(fromPipe.info.checksum == fromFile.info.checksum)
    }

    // MARK: provenance

    @Test func showDatasetsKeepsPopulationAndCommentsAfterAnOutcomeLoad() throws {
        var engine = try LoadTests.shipped()
        _ = try engine.load(path: importFixtures + "/statbank_population.csv")
        _ = try engine.load(path: importFixtures + "/comments.csv")
        _ = try engine.load(path: importFixtures + "/talportal.csv")
        let paths = engine.store.datasets.map(\.path)
        #expect(paths.contains(importFixtures + "/statbank_population.csv"))
        #expect(paths.contains(importFixtures + "/comments.csv"))
        #expect(throws: DataError.self) { try engine.load(path: importFixtures + "/statbank_population.csv") }
    }

    // MARK: queries: short errors for hostile lines

    @Test func aMegabyteLineGivesAShortError() throws {
        var engine = try LoadTests.shipped()
        let source = "rate by municipality where municipality = " + String(repeating: "x", count: 1 << 20)
        let outputs = engine.run(source)
        guard case .error(let diagnostic)? = outputs.last else { Issue.record("no error"); return }
        #expect(diagnostic.code == "E105")
        let text = Renderer.render(outputs.last!, source: source, sourceName: "query", options: RenderOptions(format: .table))
        #expect(text.count < 600, "the message quotes an excerpt, not the megabyte")
    }

    @Test func aMegabyteOfTokensGivesAShortError() throws {
        var engine = try LoadTests.shipped()
        let source = "rate by " + String(repeating: "year, ", count: 150_000) + "year"
        let outputs = engine.run(source)
        guard case .error(let diagnostic)? = outputs.last else { Issue.record("no error"); return }
        #expect(diagnostic.code == "E116")
        let text = Renderer.render(outputs.last!, source: source, sourceName: "query", options: RenderOptions(format: .table))
        #expect(text.count < 800)
    }

    @Test func longTextInMessagesIsExcerpted() {
        let message = DataError(file: "f", "unknown municipality '\(String(repeating: "y", count: 100_000))' (did you mean 'Aarhus'?)").message
        #expect(message.count < 160)
        #expect(message.hasSuffix("…' (did you mean 'Aarhus'?)"))
    }

    // MARK: suggestions: linear time, same answers as the full table

    @Test func bandedEditDistanceMatchesTheReference() throws {
        let rows = try Self.csvRows("edit_distance.csv")
        #expect(rows.count == 400)
        for row in rows {
            let a = Array(row[0]), b = Array(row[1]), expected = Int(row[2])!
            #expect(editDistance(a, b) == expected, "\(row)")
            for limit in 0...4 {
                #expect(editDistance(a, b, atMost: limit) == (expected <= limit ? expected : nil), "\(row) limit \(limit)")
            }
        }
    }

    @Test func aHugeWordHasNoSuggestion() {
        #expect(nearest(String(repeating: "Aarhus", count: 200_000), in: ["Aarhus", "Aalborg"]) == nil)
        #expect(nearest("Arhus", in: ["Aalborg", "Aarhus", "Odense"]) == "Aarhus")
    }

    // MARK: the funnel's exact binomial tails, against scipy

    @Test func binomialTailsMatchScipy() throws {
        let rows = try Self.csvRows("binomial.csv")
        #expect(rows.count >= 20)
        for row in rows {
            let k = Int(row[0])!, n = Int(row[1])!, p = Double(row[2])!
            let atMost = Double(row[3])!, atLeast = Double(row[4])!
            let ownMost = Statistics.binomialTail(atMost: k, n, p), ownLeast = Statistics.binomialTail(atLeast: k, n, p)
            #expect(abs(ownMost - atMost) <= 1e-9 + 1e-6 * atMost, "P(X ≤ \(k)) n=\(n) p=\(p): \(ownMost) vs \(atMost)")
            #expect(abs(ownLeast - atLeast) <= 1e-9 + 1e-6 * atLeast, "P(X ≥ \(k)) n=\(n) p=\(p): \(ownLeast) vs \(atLeast)")
        }
    }

    // MARK: Ctrl-C

    @Test func aRaisedFlagCancelsTheStatementAndChangesNothing() throws {
        var engine = try LoadTests.shipped()
        let flag = CancellationFlag()
        engine.cancellation = flag
        flag.raise()
        guard case .error(let diagnostic)? = engine.run("rate by municipality").last else { Issue.record("not cancelled"); return }
        #expect(diagnostic.code == "E901")
        let before = engine.store.datasets
        #expect(throws: DataError.self) { try engine.load(path: importFixtures + "/talportal.csv") }
        #expect(engine.store.datasets == before)
        flag.lower()
        guard case .table? = engine.run("rate by municipality").last else { Issue.record("still cancelled"); return }
    }
}

/// A new empty temporary directory.
func scratchDirectory() throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dkq-robust-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    return directory
}
