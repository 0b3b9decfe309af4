// Tests of the data-folder loader: the shipped folder, and malformed files with their exact
// file:line:column messages (small fixtures written to a temporary folder).
import Foundation
import Testing
@testable import Query

/// The repository's `datasets` folder.
let shippedDatasets = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("datasets").path

/// A temporary data folder with three municipalities, three paragraphs and the given extra files.
func makeFixtureFolder(_ files: [String: [UInt8]]) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dkq-data-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("outcomes"), withIntermediateDirectories: true)
    var all: [String: [UInt8]] = [
        "municipalities.csv": Array("""
            # test fixture
            code,name,ast_name,full_name,region,region_code
            101,København,København,Københavns Kommune,Region Hovedstaden,1084
            751,Aarhus,Århus,Aarhus Kommune,Region Midtjylland,1082
            825,Læsø,Læsø,Læsø Kommune,Region Nordjylland,1081

            """.utf8),
        "paragraphs.csv": Array("""
            code,law,label,sections,areas,formerly
            1.1,Serviceloven,Børn - merudgifter - § 41,41,generelt;børnehandicap,
            1.2,Serviceloven,Voksne - BPA og kontant tilskud - §§ 95-96,95;96,generelt;voksenhandicap,
            2.1,Barnets lov,Børn - merudgifter - § 86,86,generelt;børnehandicap,1.1

            """.utf8),
    ]
    for (name, bytes) in files { all[name] = bytes }
    for (name, bytes) in all {
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent(name).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: directory.appendingPathComponent(name))
    }
    return directory.path
}

let outcomeHeader = "year,quarter,municipality,paragraph,upheld,changed,remanded,dismissed,days\n"

/// A malformed file and the exact error it must give; `DIR` stands for the fixture folder.
struct MalformedCase: CustomTestStringConvertible, Sendable {
    var name: String
    var file = "outcomes/2021.csv"
    var bytes: [UInt8]
    var expected: String
    var testDescription: String { name }

    init(_ name: String, file: String = "outcomes/2021.csv", _ text: String, _ expected: String) {
        self.name = name
        self.file = file
        self.bytes = Array(text.utf8)
        self.expected = expected
    }

    init(_ name: String, bytes: [UInt8], _ expected: String) {
        self.name = name
        self.bytes = bytes
        self.expected = expected
    }
}

let malformedCases: [MalformedCase] = [
    MalformedCase("empty file", "", "DIR/outcomes/2021.csv: error: empty file"),
    MalformedCase("only comments", "# synthetic: yes\n",
                  "DIR/outcomes/2021.csv: error: no header row; expected '\(outcomeHeader.dropLast())'"),
    MalformedCase("missing header", "2021,1,101,1.1,1,0,0,0,90.0\n",
                  "DIR/outcomes/2021.csv:1:1: error: missing header row; expected '\(outcomeHeader.dropLast())' before the data"),
    MalformedCase("semicolon header", outcomeHeader.replacingOccurrences(of: ",", with: ";"),
                  "DIR/outcomes/2021.csv:1:5: error: fields are separated by ';'; expected ',' (header '\(outcomeHeader.dropLast())')"),
    MalformedCase("semicolon row", outcomeHeader + "2021;1;101;1.1;1;0;0;0;90.0\n",
                  "DIR/outcomes/2021.csv:2:5: error: fields are separated by ';'; expected ','"),
    MalformedCase("renamed header column", "year,quarter,kommune,paragraph,upheld,changed,remanded,dismissed,days\n",
                  "DIR/outcomes/2021.csv:1:14: error: header column 3 is 'kommune', expected 'municipality'"),
    MalformedCase("short header", "year,quarter,municipality,paragraph,upheld,changed,remanded\n",
                  "DIR/outcomes/2021.csv:1:60: error: header has 7 columns, expected 9: missing 'dismissed', 'days'"),
    MalformedCase("truncated last line", outcomeHeader + "2021,1,101,1.1,1,0,0",
                  "DIR/outcomes/2021.csv:2:21: error: row has 7 fields, expected 9: missing 'dismissed', 'days'"),
    MalformedCase("extra field", outcomeHeader + "2021,1,101,1.1,1,0,0,0,90.0,7\n",
                  "DIR/outcomes/2021.csv:2:29: error: row has 10 fields, expected 9"),
    MalformedCase("non-integer count", outcomeHeader + "2021,1,101,1.1,x3,0,0,0,90.0\n",
                  "DIR/outcomes/2021.csv:2:16: error: 'upheld' must be a non-negative integer, got 'x3'"),
    MalformedCase("negative count", outcomeHeader + "2021,1,101,1.1,1,-2,0,0,90.0\n",
                  "DIR/outcomes/2021.csv:2:18: error: 'changed' must be a non-negative integer, got '-2'"),
    MalformedCase("empty count", outcomeHeader + "2021,1,101,1.1,1,0,0,,90.0\n",
                  "DIR/outcomes/2021.csv:2:22: error: 'dismissed' must be a non-negative integer, got ''"),
    MalformedCase("unknown municipality", outcomeHeader + "2021,1,999,1.1,1,0,0,0,90.0\n",
                  "DIR/outcomes/2021.csv:2:8: error: unknown municipality code '999': not one of the 3 codes in municipalities.csv"),
    MalformedCase("unknown paragraph", outcomeHeader + "2021,1,101,1.99,1,0,0,0,90.0\n",
                  "DIR/outcomes/2021.csv:2:12: error: unknown paragraph code '1.99': not in paragraphs.csv"),
    MalformedCase("duplicate key", outcomeHeader + "2021,1,101,1.1,1,0,0,0,90.0\n2021,2,101,1.1,1,0,0,0,90.0\n2021,1,101,1.1,3,0,0,0,80.0\n",
                  "DIR/outcomes/2021.csv:4:1: error: duplicate row for 2021 Q1, municipality 101, paragraph 1.1; first given on line 2"),
    MalformedCase("year differs from file name", outcomeHeader + "2020,1,101,1.1,1,0,0,0,90.0\n",
                  "DIR/outcomes/2021.csv:2:1: error: year 2020 does not match the file name (2021)"),
    MalformedCase("quarter out of range", outcomeHeader + "2021,5,101,1.1,1,0,0,0,90.0\n",
                  "DIR/outcomes/2021.csv:2:6: error: quarter must be 1-4, got '5'"),
    MalformedCase("bad days", outcomeHeader + "2021,1,101,1.1,1,0,0,0,9o.0\n",
                  "DIR/outcomes/2021.csv:2:24: error: 'days' must be a non-negative number like 123.4 or empty, got '9o.0'"),
    MalformedCase("invalid UTF-8", bytes: Array("# source: K".utf8) + [0xF8] + Array("benhavn\n\(outcomeHeader)".utf8),
                  "DIR/outcomes/2021.csv:1:12: error: invalid UTF-8 (byte 0xF8); save the file as UTF-8"),
    MalformedCase("invalid UTF-8 after Danish letters", bytes: Array("# source: Ærø ".utf8) + [0xC3, 0x28] + Array("\n".utf8),
                  "DIR/outcomes/2021.csv:1:15: error: invalid UTF-8 (byte 0xC3); save the file as UTF-8"),
    MalformedCase("bad synthetic flag", "# synthetic: maybe\n" + outcomeHeader,
                  "DIR/outcomes/2021.csv:1:14: error: 'synthetic' must be yes or no, got 'maybe'"),
    MalformedCase("other format", "# format: dkq outcomes v2\n" + outcomeHeader,
                  "DIR/outcomes/2021.csv:1:11: error: unsupported format 'dkq outcomes v2'; expected 'dkq outcomes v1'"),
    MalformedCase("duplicate municipality", file: "municipalities.csv",
                  "code,name,ast_name,full_name,region,region_code\n101,København,København,Københavns Kommune,Region Hovedstaden,1084\n101,Aarhus,Århus,Aarhus Kommune,Region Midtjylland,1082\n",
                  "DIR/municipalities.csv:3:1: error: duplicate municipality code 101; first given on line 2"),
    MalformedCase("municipality code not a number", file: "municipalities.csv",
                  "code,name,ast_name,full_name,region,region_code\nabc,København,København,Københavns Kommune,Region Hovedstaden,1084\n",
                  "DIR/municipalities.csv:2:1: error: 'code' must be an integer in 1-999, got 'abc'"),
    MalformedCase("unknown area", file: "paragraphs.csv",
                  "code,law,label,sections,areas,formerly\n1.1,Serviceloven,Børn - merudgifter - § 41,41,generelt;bornehandicap,\n",
                  "DIR/paragraphs.csv:2:56: error: unknown area 'bornehandicap'; did you mean 'børnehandicap'?"),
    MalformedCase("formerly names unknown code", file: "paragraphs.csv",
                  "code,law,label,sections,areas,formerly\n2.1,Barnets lov,Børn - merudgifter - § 86,86,generelt,1.6\n",
                  "DIR/paragraphs.csv:2:55: error: 'formerly' names unknown paragraph code '1.6'"),
    MalformedCase("paragraph row missing a field", file: "paragraphs.csv",
                  "code,law,label,sections,areas,formerly\n1.1,Serviceloven,Børn - merudgifter - § 41,41\n",
                  "DIR/paragraphs.csv:2:46: error: row has 4 fields, expected 6: missing 'areas', 'formerly'"),
]

@Suite struct DataFolderTests {
    @Test func shippedFolderLoads() throws {
        let store = try DataFolder.load(directory: shippedDatasets)
        #expect(store.catalog.municipalities.count == 98)
        #expect(store.catalog.municipalities.map(\.code) == store.catalog.municipalities.map(\.code).sorted())
        let paragraphLines = try String(contentsOfFile: shippedDatasets + "/paragraphs.csv", encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(store.catalog.paragraphs.count == paragraphLines.count - 1)
        #expect(store.years == Array(2014...2024))
        #expect(store.datasets.map(\.name) == (2014...2024).map { "outcomes \($0)" } + ["population FOLK1A", "decisions kl12_synthetic_2021"])
        #expect(store.datasets.map(\.path) == (2014...2024).map { "outcomes/\($0).csv" } + [PopulationFile.path, "decisions/kl12_synthetic_2021.csv"])
        #expect(store.datasets.prefix(11).allSatisfy { $0.synthetic && $0.format == "dkq-csv" && $0.source.hasPrefix("SYNTHETIC DEMO DATA") })
        #expect(!store.datasets[11].synthetic && store.datasets[11].source.contains("FOLK1A"))
        // The KL demo of total decisions is synthetic, and says how it was calibrated.
        #expect(store.datasets[12].synthetic && store.datasets[12].source.contains("1.09 %") && store.decisions.count == 24)
        #expect(store.facts.dataset.allSatisfy { store.datasets[Int($0)].synthetic })
        for (index, dataset) in store.datasets.enumerated() {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: shippedDatasets + "/" + dataset.path)))
            #expect(dataset.checksum == fnv1a64Hex(bytes))
            let rows = store.facts.dataset.indices.filter { Int(store.facts.dataset[$0]) == index }
            #expect(rows.allSatisfy { Int(store.facts.year[$0]) == 2014 + index })
        }
        let aarhus = try #require(store.catalog.municipalities.first { $0.code == 751 })
        #expect(aarhus.astName == "Århus" && aarhus.region == "Region Midtjylland")
        let barnetsLov = try #require(store.catalog.paragraphs.first { $0.law == "Barnets lov" && $0.sections == ["86"] })
        #expect(store.catalog.paragraphs.first { $0.code == barnetsLov.formerly }?.sections == ["41"])
    }

    @Test(arguments: malformedCases)
    func malformedFileIsRejected(_ testCase: MalformedCase) throws {
        let directory = try makeFixtureFolder([testCase.file: testCase.bytes])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: DataError.self) { try DataFolder.load(directory: directory) }
        do {
            _ = try DataFolder.load(directory: directory)
        } catch {
            #expect(error.description == testCase.expected.replacingOccurrences(of: "DIR", with: directory))
        }
    }

    @Test func duplicateAcrossFilesNamesTheFirstFile() throws {
        let row = "2021,1,101,1.1,1,0,0,0,90.0\n"
        let directory = try makeFixtureFolder([
            "outcomes/2021.csv": Array((outcomeHeader + row).utf8), "outcomes/extra.csv": Array((outcomeHeader + row).utf8),
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: DataError(file: directory + "/outcomes/extra.csv", line: 2, column: 1,
                                  "duplicate row for 2021 Q1, municipality 101, paragraph 1.1; first given in \(directory)/outcomes/2021.csv on line 2")) {
            try DataFolder.load(directory: directory)
        }
    }

    @Test func readsRowsHeaderAndTolerantLineEnds() throws {
        let text = "\u{FEFF}# synthetic: no\r\n# source: test figures\r\n" + outcomeHeader.replacingOccurrences(of: "\n", with: "\r\n")
            + "2021,3,751,1.2,5,1,2,0,120.5\r\n\r\n2021,4,825,2.1,0,0,1,3,\r\n"
        let directory = try makeFixtureFolder(["outcomes/2021.csv": Array(text.utf8)])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try DataFolder.load(directory: directory)
        #expect(store.datasets == [DatasetInfo(name: "outcomes 2021", path: "outcomes/2021.csv", format: "dkq-csv",
                                               synthetic: false, source: "test figures", checksum: fnv1a64Hex(Array(text.utf8)),
                                               citation: Citation(publisher: "test figures", years: [2021]))])
        #expect(store.facts.count == 2)
        #expect(store.facts.quarter == [3, 4] && store.facts.municipality == [1, 2] && store.facts.paragraph == [1, 2])
        #expect(store.facts.upheld == [5, 0] && store.facts.changed == [1, 0] && store.facts.remanded == [2, 1])
        #expect(store.facts.dismissed == [0, 3] && store.facts.days[0] == 120.5 && store.facts.days[1].isNaN)
    }

    @Test func loadOutcomeFileAcceptsAnyYearWhenNotNamedAfterOne() throws {
        let text = outcomeHeader + "2019,1,101,1.1,1,0,0,0,90.0\n2020,1,101,1.1,2,1,0,0,95.0\n"
        let directory = try makeFixtureFolder(["extra/more.csv": Array(text.utf8)])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let catalog = try DataFolder.loadCatalog(directory: directory)
        let (facts, info) = try DataFolder.loadOutcomeFile(path: directory + "/extra/more.csv", catalog: catalog)
        #expect(facts.year == [2019, 2020] && facts.upheld == [1, 2] && facts.dataset == [0, 0])
        #expect(info.name == "outcomes more" && info.path == directory + "/extra/more.csv" && !info.synthetic)
    }

    @Test func checksumIsFNV1a64() {
        #expect(fnv1a64Hex([]) == "cbf29ce484222325")
        #expect(fnv1a64Hex(Array("a".utf8)) == "af63dc4c8601ec8c")
        #expect(fnv1a64Hex(Array("foobar".utf8)) == "85944171f73967e8")
    }
}
