// Unit tests of the history file: round trips with newlines and Danish letters,
// damaged files left untouched, the cap.
import Foundation
import Testing

@testable import REPL

@Suite struct HistoryFileTests {
    @Test func roundTripKeepsNewlinesBackslashesAndDanishLetters() throws {
        let path = try temporaryPath()
        let entries = ["rate by paragraph where municipality = Tårnby", "rate by\n  year 2021", "a \\n b\\", "æøå ÆØÅ\r\n", "x"]
        var history = HistoryFile(path: path)
        for entry in entries { history.append(entry) }
        let loaded = HistoryFile(path: path)
        #expect(loaded.entries == entries)
        #expect(loaded.warning == nil)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == entries.count + 1, "one line per entry after the header")
    }

    @Test(arguments: ["rate by\n  year", "back\\slash", "tab\there", "trailing\\", "\n"])
    func encodingIsReversible(entry: String) {
        let line = HistoryFile.encode(entry)
        #expect(!line.contains("\n"))
        #expect(HistoryFile.decode(Substring(line)) == entry)
    }

    @Test func blanksAndRepeatsAreNotRecorded() throws {
        let path = try temporaryPath()
        var history = HistoryFile(path: path)
        history.append("rate")
        history.append("rate")
        history.append("   ")
        history.append("cases")
        #expect(HistoryFile(path: path).entries == ["rate", "cases"])
    }

    @Test(arguments: [
        Data("some other program's history\nls -l\n".utf8),
        Data("#dkq-history v1\nrate\nbad \\q escape\n".utf8),
        Data([0x23, 0xFF, 0xFE, 0x0A]),
    ])
    func damagedFileIsLeftUntouched(content: Data) throws {
        let path = try temporaryPath()
        try content.write(to: URL(fileURLWithPath: path))
        var history = HistoryFile(path: path)
        #expect(history.warning?.contains("left untouched") == true)
        #expect(history.entries.isEmpty)
        history.append("rate by year")
        #expect(history.entries == ["rate by year"], "still usable in memory")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == content)
    }

    @Test func unreadableFileIsNotOverwritten() throws {
        let directory = try temporaryPath()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var history = HistoryFile(path: directory)
        #expect(history.warning != nil)
        history.append("rate")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    @Test func capKeepsTheNewestEntries() throws {
        let path = try temporaryPath()
        var history = HistoryFile(path: path, capacity: 5)
        for n in 1...12 { history.append("entry \(n)") }
        #expect(history.entries == (8...12).map { "entry \($0)" })
        let reloaded = HistoryFile(path: path, capacity: 5)
        #expect(reloaded.entries == (8...12).map { "entry \($0)" })
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count <= 6, "compacted to the cap plus the header")
    }

    @Test func loadingALongerFileKeepsOnlyTheCap() throws {
        let path = try temporaryPath()
        var history = HistoryFile(path: path, capacity: 100)
        for n in 1...50 { history.append("q\(n)") }
        #expect(HistoryFile(path: path, capacity: 10).entries == (41...50).map { "q\($0)" })
    }
}
