// Importer tests: every well-formed fixture (talportal CSV, PC-Axis in three
// encodings and the KEYS form) loads to the same canonical counts and rates.
import Testing
@testable import Query

/// Fixture folder, found from this file's path (not a SwiftPM resource).
let importFixtures: String = {
    let path = #filePath
    let tests = path.firstRange(of: "/QueryTests/").map { String(path[..<$0.lowerBound]) } ?? "Tests"
    return tests + "/Fixtures/import"
}()

/// A small catalog: three municipalities, three Serviceloven paragraphs.
let importCatalog = Catalog(
    municipalities: [
        Municipality(code: 101, name: "København", astName: "København", fullName: "Københavns Kommune", region: "Region Hovedstaden"),
        Municipality(code: 751, name: "Aarhus", astName: "Århus", fullName: "Aarhus Kommune", region: "Region Midtjylland"),
        Municipality(code: 825, name: "Læsø", astName: "Læsø", fullName: "Læsø Kommune", region: "Region Nordjylland"),
    ],
    paragraphs: [
        Paragraph(code: "1.9", law: "Serviceloven", label: "Børn - efterværn - §§ 68 og 76", sections: ["68", "76"], areas: [.general]),
        Paragraph(code: "1.14", law: "Serviceloven", label: "Voksne - personlig hjælp og pleje - § 83", sections: ["83"], areas: [.general]),
        Paragraph(code: "1.20", law: "Serviceloven", label: "Voksne - kontant tilskud og BPA - §§ 95-96", sections: ["95", "96"], areas: [.general, .adultDisability]),
    ])

/// One fact row, comparable.
struct ImportRow: Hashable, Comparable, CustomStringConvertible {
    var year: Int, quarter: Int, municipality: Int, paragraph: Int
    var upheld: Int, changed: Int, remanded: Int, dismissed: Int
    static func < (a: Self, b: Self) -> Bool { a.description < b.description }
    var description: String { "\(year)Q\(quarter) m\(municipality) p\(paragraph) \(upheld)/\(changed)/\(remanded)/\(dismissed)" }
}

func rows(_ facts: FactTable) -> [ImportRow] {
    var out: [ImportRow] = []
    for i in 0..<facts.count {
        let year = Int(facts.year[i])
        let quarter = Int(facts.quarter[i])
        let municipality = Int(facts.municipality[i])
        let paragraph = Int(facts.paragraph[i])
        let upheld = Int(facts.upheld[i])
        let changed = Int(facts.changed[i])
        let remanded = Int(facts.remanded[i])
        let dismissed = Int(facts.dismissed[i])
        out.append(ImportRow(
            year: year, quarter: quarter, municipality: municipality, paragraph: paragraph, upheld: upheld,
            changed: changed, remanded: remanded, dismissed: dismissed))
    }
    return out.sorted()
}

/// The canonical counts, read with a tiny local reader of the dkq outcomes CSV; rows with no cases dropped.
func canonicalRows(yearly: Bool) throws -> [ImportRow] {
    var stream = try ByteStream(path: importFixtures + "/canonical.csv")
    var out: [ImportRow] = []
    try stream.forEachLine { (line: UnsafeBufferPointer<UInt8>, _: Int, _: Bool) throws(DataError) in
        let text = String(decoding: line, as: UTF8.self)
        if text.hasPrefix("#") || text.hasPrefix("year") || text.isEmpty { return }
        let f = text.split(separator: ",").map(String.init)
        let m = importCatalog.municipalities.firstIndex { String($0.code) == f[2] } ?? -1
        let p = importCatalog.paragraphs.firstIndex { $0.code == f[3] } ?? -1
        out.append(ImportRow(
            year: Int(f[0]) ?? 0, quarter: Int(f[1]) ?? 0, municipality: m, paragraph: p, upheld: Int(f[4]) ?? 0,
            changed: Int(f[5]) ?? 0, remanded: Int(f[6]) ?? 0, dismissed: Int(f[7]) ?? 0))
    }
    if yearly {
        var sums: [[Int]: ImportRow] = [:]
        for row in out {
            var sum = sums[[row.municipality, row.paragraph]]
                ?? ImportRow(year: row.year, quarter: 0, municipality: row.municipality, paragraph: row.paragraph, upheld: 0, changed: 0, remanded: 0, dismissed: 0)
            sum.upheld += row.upheld; sum.changed += row.changed; sum.remanded += row.remanded; sum.dismissed += row.dismissed
            sums[[row.municipality, row.paragraph]] = sum
        }
        out = Array(sums.values)
    }
    return out.filter { $0.upheld + $0.changed + $0.remanded + $0.dismissed > 0 }.sorted()
}

/// Reversal rate: (changed + remanded) / (upheld + changed + remanded), over summed counts.
func reversalRate(_ rows: [ImportRow], municipality: Int? = nil) -> Double {
    let chosen = rows.filter { municipality == nil || $0.municipality == municipality }
    let reversed = chosen.reduce(0) { $0 + $1.changed + $1.remanded }
    let merits = chosen.reduce(0) { $0 + $1.upheld + $1.changed + $1.remanded }
    return Double(reversed) / Double(merits)
}

struct ImportEquivalenceCase: CustomTestStringConvertible, Sendable {
    var file: String
    var format: String
    var yearly: Bool
    var testDescription: String { file }
}

@Suite struct ImportEquivalenceTests {
    static let cases = [
        ImportEquivalenceCase(file: "talportal.csv", format: "talportal-csv", yearly: false),
        ImportEquivalenceCase(file: "ankeast2_quarterly.px", format: "pc-axis", yearly: false),
        ImportEquivalenceCase(file: "ankeast2_keys.px", format: "pc-axis", yearly: false),
        ImportEquivalenceCase(file: "ankeast1_latin1.px", format: "pc-axis", yearly: true),
        ImportEquivalenceCase(file: "ankeast1_utf8_en.px", format: "pc-axis", yearly: true),
    ]

    @Test(arguments: cases)
    func loadsToTheCanonicalCounts(_ test: ImportEquivalenceCase) throws {
        let data = try Importer.load(path: importFixtures + "/" + test.file, catalog: importCatalog)
        let expected = try canonicalRows(yearly: test.yearly)
        #expect(rows(data.facts) == expected)
        #expect(data.info.format == test.format)
        #expect(data.info.synthetic == false)
        #expect(data.facts.dataset.allSatisfy { $0 == 0 })
        #expect(reversalRate(rows(data.facts)) == reversalRate(expected))
        for municipality in 0..<3 {
            #expect(reversalRate(rows(data.facts), municipality: municipality) == reversalRate(expected, municipality: municipality))
        }
        #expect(data.years == [2021])
        #expect(data.municipalityCount == 3)
    }
}

@Suite struct ImportSideTableTests {
    @Test func statBankPopulationReadsDecimalCommaAndSkipsSuppressed() throws {
        let data = try Importer.load(path: importFixtures + "/statbank_population.csv", catalog: importCatalog)
        #expect(data.info.format == "statbank-csv")
        #expect(data.population == [
            PopulationRow(municipality: 0, year: 2021, value: 638117), PopulationRow(municipality: 1, year: 2021, value: 352751),
            PopulationRow(municipality: 2, year: 2021, value: 1792), PopulationRow(municipality: 0, year: 2022, value: 644431),
            PopulationRow(municipality: 2, year: 2022, value: 1776),
        ])
        #expect(data.warnings == ["1 suppressed cells ('..') were left out"])
        #expect(data.summary == "loaded 5 rows: years 2021-2022, 3 municipalities (statbank-csv, real)")
    }

    @Test func statBankRecipientsHaveAreas() throws {
        let data = try Importer.load(path: importFixtures + "/statbank_recipients.csv", catalog: importCatalog)
        #expect(data.recipients.map(\.area) == [.childDisability, .childDisability, .adultDisability])
        #expect(data.recipients.map(\.value) == [1204, 845, 12])
    }

    @Test func commentsKeepQuotedText() throws {
        let data = try Importer.load(path: importFixtures + "/comments.csv", catalog: importCatalog)
        #expect(data.comments == [
            CommentRow(municipality: 1, year: 2021, area: .childDisability, text: "Mange sager om § 41; se \"handleplan\" 2022."),
            CommentRow(municipality: 2, year: 2021, area: .general, text: "Få sager, høj usikkerhed."),
        ])
    }

    @Test func provenanceComesFromThePXHeader() throws {
        let data = try Importer.load(path: importFixtures + "/ankeast1_latin1.px", catalog: importCatalog)
        #expect(data.info.source == "Ankestyrelsen: Afgjorte klagesager efter kommune, lovgrundlag, afgørelse og tid (ANKEAST1), last updated 20220301 09:00")
        #expect(data.info.checksum.count == 16)
        #expect(data.summary.hasSuffix("(pc-axis, real)"))
    }

    @Test func detectsFormatsByContent() {
        #expect(Importer.detectFormat(path: "x.txt", bytes: Array("CHARSET=\"ANSI\";\n".utf8)) == .pcAxis)
        #expect(Importer.detectFormat(path: "x.csv", bytes: Array("Kommune;Sagsemne;Aar;Kvartal;Antal_sager_ialt\n".utf8)) == .talportalCSV)
        #expect(Importer.detectFormat(path: "x.csv", bytes: Array("OMRÅDE;TID;INDHOLD\n".utf8)) == .statBankCSV)
        #expect(Importer.detectFormat(path: "x.csv", bytes: Array("# synthetic: yes\nyear,quarter\n".utf8)) == .dkqOutcomes)
        #expect(Importer.detectFormat(path: "x.csv", bytes: Array("kommune;år;område;kommentar\n".utf8)) == .comments)
    }

    @Test(arguments: [("1.9 Børn - efterværn - §§ 68 og 76", 0), ("Voksne - personlig hjælp og pleje - § 83", 1), ("BPA §§ 95-96", 2)])
    func paragraphsMapByCodeLabelOrSections(_ text: String, _ index: Int) {
        #expect(ParagraphResolver(catalog: importCatalog).resolve(text) == .paragraph(index))
    }
}
