// The talportal importer reads a file in pieces on two threads: on many generated files, good and
// bad (bad lines anywhere, near and on the cuts), cutting it into tiny pieces must give exactly the
// rows, warnings, checksum and first error of reading it in one piece on one thread.
import Testing
@testable import Query
#if canImport(Glibc)
import Glibc
#endif

@Suite struct TalportalPartsTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func chance(_ percent: Int) -> Bool { next(1000) < percent * 10 }
        mutating func pick(_ values: [String]) -> String { values[next(values.count)] }
    }

    static let header = "Kommune;Sagsemne;Aar;Kvartal;Antal_sager_ialt;Afvisning.Henvisning;Hjemvisning;Stadfæstelse;Ændring.Ophævelse;Sagsbehandlingstid"

    /// A talportal file: mostly good rows, with now and then a bad cell, an unknown name, a second
    /// spelling of a paragraph, a repeat, a total row, a blank line, CRLF, quotes or a cut-off end.
    static func file(_ random: inout Generator, badness: Int) -> String {
        let places = [["København"], ["Aarhus", "Århus"], ["Læsø", "\"Læsø\""]]
        let subjects = ["Børn - efterværn - §§ 68 og 76", "Voksne - personlig hjælp og pleje - § 83", "\"Voksne - kontant tilskud og BPA - §§ 95-96\""]
        var lines: [String] = []
        if random.chance(10) { lines.append("") }
        lines.append((random.chance(10) ? "\u{FEFF}" : "") + header)
        var key = random.next(50)
        for _ in 0..<(1 + random.next(300)) {
            // Keys ascend (with gaps), so rows repeat only where a bad line makes them.
            key += 1 + random.next(3)
            let (year, m, p) = (2000 + key / 36, key / 12 % 3, key / 4 % 3)
            var place = random.pick(places[m]), subject = subjects[p]
            var quarter = String(1 + key % 4), days = random.pick(["50", "12,5", "", "0", ".."])
            var (up, ch, re, di) = (random.next(30), random.next(5), random.next(5), random.next(3))
            var total = String(up + ch + re + di)
            if random.chance(badness) {
                switch random.next(12) {
                case 0: place = "Gotham"
                case 1: subject = "Ukendt emne"
                case 2: subject = "1.9 Børn - efterværn - §§ 68 og 76"  // a second spelling of 1.9
                case 3: quarter = random.pick(["5", "x", "K2", ""])
                case 4: days = "-1"
                case 5: total = String(up + ch + re + di + 1)
                case 6: up = -up - 1
                case 7: place = random.pick(["Hele landet", "Region Hovedstaden"])
                case 8: subject = "Serviceloven"
                case 9: lines.append(random.pick(["", " ", "\r"]))
                case 10: lines.append(lines[lines.count - 1 - random.next(min(5, lines.count))])  // a repeat, maybe
                default: lines.append("København;\"unterminated;2021;1;1;0;0;1;0;5")
                }
            }
            let line = [place, subject, String(year), quarter, total, String(di), String(re), String(up), String(ch), days].joined(separator: ";")
            lines.append(line + (random.chance(5) ? "\r" : ""))
        }
        var text = lines.joined(separator: "\n")
        switch random.next(4) {
        case 0: text += "\n"
        case 1: if random.chance(30) { text = String(text.dropLast(1 + random.next(20))) }
        default: break
        }
        return text
    }

    /// The importer's answer for `path`, read with the given cuts.
    static func load(_ path: String, blockBytes: Int, pieceBytes: Int) -> String {
        do throws(DataError) {
            var stream = try ByteStream(path: path)
            _ = try stream.peek(4096)
            let importer = TalportalImporter(file: path, catalog: importCatalog, sagsemner: nil, blockBytes: blockBytes, pieceBytes: pieceBytes)
            let (facts, warnings) = try importer.load(stream: &stream)
            return "\(rows(facts)) \(facts.days.map(\.bitPattern)) \(warnings) \(stream.checksum.hex)"
        } catch {
            return error.description
        }
    }

    @Test func tinyPiecesOnTwoThreadsReadAsOnePiece() throws {
        let path = "/tmp/dkq-parts-\(getpid()).csv"
        defer { unlink(path) }
        var random = Generator(state: 42)
        var (loaded, failed) = (0, 0)
        for round in 0..<400 {
            let text = Self.file(&random, badness: [0, 1, 3, 10][round % 4])
            let handle = try #require(fopen(path, "w"))
            fputs(text, handle)
            fclose(handle)
            let whole = Self.load(path, blockBytes: 1 << 30, pieceBytes: 1 << 30)
            for _ in 0..<3 {
                let (block, piece) = (1 + random.next(3000), 1 + random.next(400))
                #expect(Self.load(path, blockBytes: block, pieceBytes: piece) == whole, "round \(round), blocks of \(block), pieces of \(piece)")
            }
            if whole.hasPrefix(path) { failed += 1 } else { loaded += 1 }
            if !whole.hasPrefix(path) {
                #expect(whole.hasSuffix(fnv1a64Hex(Array(text.utf8))), "round \(round): the checksum is the file's")
            }
        }
        // Both kinds are well represented.
        #expect(loaded > 100 && failed > 100, "\(loaded) loaded, \(failed) failed")
    }
}

@Suite struct SplitFieldsTests {
    /// The field splitting rules spelled out byte by byte: a field opening with `"` runs to the
    /// next lone `"` (`""` is a quote), anything else to the delimiter, trimmed of blanks and tabs.
    static func reference(_ line: [UInt8], delimiter: UInt8) -> (fields: [[Int]], open: Int?) {
        var fields: [[Int]] = []
        var index = 0
        while true {
            if index < line.count, line[index] == 0x22 {
                let open = index
                index += 1
                let start = index
                while index < line.count, !(line[index] == 0x22 && !(index + 1 < line.count && line[index + 1] == 0x22)) {
                    index += line[index] == 0x22 ? 2 : 1
                }
                if index >= line.count { return (fields, open) }
                fields.append([start, index, 1])
                index += 1
                while index < line.count, line[index] != delimiter { index += 1 }
            } else {
                let start = index
                while index < line.count, line[index] != delimiter { index += 1 }
                var (begin, end) = (start, index)
                while end > begin, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
                while begin < end, line[begin] == 0x20 || line[begin] == 0x09 { begin += 1 }
                fields.append([begin, end, 0])
            }
            if index >= line.count { return (fields, nil) }
            index += 1
        }
    }

    @Test func plainAndQuotedLinesSplitAsSpelledOut() {
        var random = TalportalPartsTests.Generator(state: 5)
        let alphabet: [[UInt8]] = [[0x61], [0x3B], [0x3B], [0x2C], [0x22], [0x20], [0x09], [0xC3, 0xA6], [0x0D], [0x31, 0x32]]
        for round in 0..<5000 {
            var line: [UInt8] = []
            let plain = round % 2 == 0
            for _ in 0..<random.next(40) {
                let piece = alphabet[random.next(alphabet.count)]
                if plain, piece == [0x22] || piece == [0x20] || piece == [0x09] { continue }
                line += piece
            }
            for delimiter: UInt8 in [0x3B, 0x2C] {
                var fields: [FieldRange] = [FieldRange(start: 9, end: 9, quoted: true)]
                let open = line.withUnsafeBufferPointer { splitFields($0, delimiter: delimiter, into: &fields) }
                let expected = Self.reference(line, delimiter: delimiter)
                #expect(open == expected.open, "\(line)")
                if open == nil {
                    #expect(fields.map { [$0.start, $0.end, $0.quoted ? 1 : 0] } == expected.fields, "\(line)")
                }
            }
        }
    }
}

@Suite struct PXRowOrderTests {
    /// A PC-Axis table whose municipalities and periods are not in the catalogue's or time's order
    /// loads to the rows the old emission order (period, place, paragraph) gives once regrouped by
    /// year and municipality, and its missing cells keep that order.
    @Test func rowsComeOutInTheEnginesOrder() throws {
        let places = ["Læsø", "København", "Aarhus"], placeIndex = [2, 0, 1]
        let periods = ["2022K2", "2021K1", "2022K1", "2021K4", "2020K3"]
        let subjects = importCatalog.paragraphs.map { "\($0.code) \($0.label)" }
        var text = "CHARSET=\"ANSI\";\nCODEPAGE=\"utf-8\";\nMATRIX=\"T\";\nSTUB=\"kommune\",\"lovgrundlag\",\"afgørelse\";\nHEADING=\"tid\";\n"
        text += "VALUES(\"kommune\")=" + places.map { "\"\($0)\"" }.joined(separator: ",") + ";\n"
        text += "VALUES(\"lovgrundlag\")=" + subjects.map { "\"\($0)\"" }.joined(separator: ",") + ";\n"
        text += "VALUES(\"afgørelse\")=\"Stadfæstet\",\"Ændret/ophævet\",\"Hjemvist\",\"Afvist/henvist\";\n"
        text += "VALUES(\"tid\")=" + periods.map { "\"\($0)\"" }.joined(separator: ",") + ";\nDATA=\n"
        func value(_ m: Int, _ p: Int, _ o: Int, _ t: Int) -> Int? { (m + p + o + t) % 7 == 3 ? nil : (m * 5 + p * 3 + o + t * 2) % 6 }
        for m in places.indices {
            for p in subjects.indices {
                for o in 0..<4 {
                    text += periods.indices.map { t in value(m, p, o, t).map(String.init) ?? "\"..\"" }.joined(separator: " ") + "\n"
                }
            }
        }
        text += ";\n"
        let path = "/tmp/dkq-px-order-\(getpid()).px"
        defer { unlink(path) }
        let handle = try #require(fopen(path, "w"))
        fputs(text, handle)
        fclose(handle)
        let data = try Importer.load(path: path, catalog: importCatalog)

        var expected = FactTable()
        var missing: [MissingCell] = []
        for t in periods.indices {
            let (year, quarter) = (Int(periods[t].prefix(4))!, Int(String(periods[t].last!))!)
            for m in places.indices {
                for p in subjects.indices {
                    let parts = (0..<4).map { value(m, p, $0, t) }
                    let mask = parts.indices.reduce(UInt8(0)) { $0 | (parts[$1] == nil ? UInt8(1 << $1) : 0) }
                    if mask != 0 {
                        missing.append(MissingCell(year: year, quarter: quarter, municipality: placeIndex[m], paragraph: p, mask: mask))
                    }
                    let counts = parts.map { $0 ?? 0 }
                    if counts.allSatisfy({ $0 == 0 }) { continue }
                    expected.append(year: year, quarter: quarter, municipality: placeIndex[m], paragraph: p,
                                    counts: OutcomeCounts(upheld: counts[0], changed: counts[1], remanded: counts[2], dismissed: counts[3]),
                                    dataset: 0)
                }
            }
        }
        var (got, want) = (data.facts, expected.sortedForIndex())
        #expect(got.count > 20 && !missing.isEmpty)
        #expect(got.days.map(\.bitPattern) == want.days.map(\.bitPattern))
        (got.days, want.days) = (FactColumn(), FactColumn())  // NaN is not equal to itself
        #expect(got == want)
        #expect(data.missing == missing)
    }
}
