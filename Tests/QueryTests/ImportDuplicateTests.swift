// Duplicate talportal rows are found after sorting the cells, not per row: these cases check
// that the reported duplicate, and its precedence over other errors, match reading in file order.
import Testing
@testable import Query
#if canImport(Glibc)
import Glibc
#endif

struct DuplicateCase: CustomTestStringConvertible, Sendable {
    var name: String
    var rows: [String]
    /// The error without the file path, or nil when the file loads.
    var message: String?
    var testDescription: String { name }
}

@Suite struct ImportDuplicateTests {
    static let header = "Kommune;Sagsemne;Aar;Kvartal;Antal_sager_ialt;Afvisning.Henvisning;Hjemvisning;Stadfæstelse;Ændring.Ophævelse;Sagsbehandlingstid"
    static let cases: [DuplicateCase] = [
        DuplicateCase(
            name: "a repeat before a bad cell wins",
            rows: ["København;Efterværn;2021;1;14;0;2;11;1;50", "København;Efterværn;2021;1;14;0;2;11;1;50", "København;Efterværn;2021;x;14;0;2;11;1;50"],
            message: ":3:1: error: duplicate row for København, Efterværn, 2021 Q1 (first on line 2)"),
        DuplicateCase(
            name: "a bad cell before a repeat wins",
            rows: ["København;Efterværn;2021;1;14;0;2;11;1;50", "København;Efterværn;2021;5;14;0;2;11;1;50", "København;Efterværn;2021;1;14;0;2;11;1;50"],
            message: ":3:26: error: Kvartal must be 1-4, got '5'"),
        DuplicateCase(
            name: "the earliest repeat wins, not the smallest key",
            rows: ["Aarhus;Efterværn;2022;3;14;0;2;11;1;50", "København;Efterværn;2021;1;14;0;2;11;1;50", "Aarhus;Efterværn;2022;3;14;0;2;11;1;50", "København;Efterværn;2021;1;14;0;2;11;1;50"],
            message: ":4:1: error: duplicate row for Aarhus, Efterværn, 2022 Q3 (first on line 2)"),
        DuplicateCase(
            name: "a third copy reports the second",
            rows: ["København;Efterværn;2023;1;14;0;2;11;1;50", "København;Efterværn;2021;4;14;0;2;11;1;50", "København;Efterværn;2023;1;14;0;2;11;1;50", "København;Efterværn;2023;1;14;0;2;11;1;50"],
            message: ":4:1: error: duplicate row for København, Efterværn, 2023 Q1 (first on line 2)"),
        DuplicateCase(
            name: "a repeat before a truncated last line wins",
            rows: ["København;Efterværn;2021;1;14;0;2;11;1;50", "København;Efterværn;2021;1;14;0;2;11;1;50", "København;Efterværn;2021"],
            message: ":3:1: error: duplicate row for København, Efterværn, 2021 Q1 (first on line 2)"),
        DuplicateCase(
            name: "the same key in other quarters is no repeat",
            rows: ["København;Efterværn;2021;1;14;0;2;11;1;50", "København;Efterværn;2021;2;14;0;2;11;1;50", "Aarhus;Efterværn;2021;1;14;0;2;11;1;50"],
            message: nil),
    ]

    @Test(arguments: cases)
    func reportsTheFirstProblemInFileOrder(_ test: DuplicateCase) throws {
        var template = Array("/tmp/dkq-dup-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkdtemp($0) != nil } ?? false }
        try #require(made)
        let directory = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let table = try String(contentsOfFixture: importFixtures + "/bad/Sagsemner.csv")
        try write(table, to: directory + "/Sagsemner.csv")
        let path = directory + "/data.csv"
        try write(([Self.header] + test.rows).joined(separator: "\n"), to: path)
        do throws(DataError) {
            let data = try Importer.load(path: path, catalog: importCatalog)
            if let message = test.message { Issue.record("loaded \(data.rowCount) rows instead of failing with \(message)") }
            #expect(data.facts.count == test.rows.count)
        } catch {
            #expect(error.description == path + (test.message ?? " (no error)"))
        }
        unlink(directory + "/Sagsemner.csv")
        unlink(path)
        rmdir(directory)
    }

    private func write(_ text: String, to path: String) throws {
        let handle = try #require(fopen(path, "w"))
        fputs(text, handle)
        fclose(handle)
    }
}

extension String {
    /// A small text file's contents (test helper, no Foundation).
    init(contentsOfFixture path: String) throws {
        let handle = try #require(fopen(path, "r"))
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let got = fread(&buffer, 1, buffer.count, handle)
            if got <= 0 { break }
            bytes += buffer[0..<got]
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
