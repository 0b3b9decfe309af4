// Streaming benchmark for `make bench`: writes a ~N MB talportal CSV and PC-Axis
// file under /tmp/dkq-import-bench, loads each, and reports MB/s and peak RSS.
#if canImport(Glibc)
import Glibc
#endif

/// Generates large import files and times their loading (call from a release build).
public enum ImportBenchmark {
    /// One line per format: "talportal-csv: 100.0 MB in 0.80 s = 125 MB/s, 1,234,567 rows, peak RSS 210 MB".
    public static func run(sizeMB: Int = 100) throws(DataError) -> String {
        let directory = "/tmp/dkq-import-bench"
        mkdir(directory, 0o755)
        let catalog = benchmarkCatalog()
        let target = sizeMB << 20
        var report: [String] = []
        let csvPath = directory + "/talportal.csv"
        try write(path: csvPath, text: talportalText(catalog: catalog, bytes: target))
        report.append(try time("talportal-csv", path: csvPath, catalog: catalog))
        let pxPath = directory + "/ankeast.px"
        try write(path: pxPath, text: pxText(catalog: catalog, bytes: target))
        report.append(try time("pc-axis", path: pxPath, catalog: catalog))
        return report.joined(separator: "\n")
    }

    static func benchmarkCatalog() -> Catalog {
        let municipalities = (0..<98).map { Municipality(code: 100 + $0, name: "Kommune \($0)", astName: "Kommune \($0)", fullName: "Kommune \($0) Kommune", region: "Region \($0 % 5)") }
        let paragraphs = (0..<200).map { Paragraph(code: "1.\($0 + 1)", law: "Serviceloven", label: "Emne \($0 + 1) - § \($0 + 1)", sections: ["\($0 + 1)"], areas: [.general]) }
        return Catalog(municipalities: municipalities, paragraphs: paragraphs)
    }

    private static func talportalText(catalog: Catalog, bytes: Int) -> [UInt8] {
        var out = Array("Kommune;Sagsemne;Aar;Kvartal;Antal_sager_ialt;Afvisning.Henvisning;Hjemvisning;Stadfæstelse;Ændring.Ophævelse;Sagsbehandlingstid\n".utf8)
        out.reserveCapacity(bytes + 4096)
        var year = 1900
        while out.count < bytes && year < 2200 {
            for quarter in 1...4 {
                for (m, municipality) in catalog.municipalities.enumerated() {
                    for (p, paragraph) in catalog.paragraphs.enumerated() {
                        let up = (m * 7 + p * 3 + quarter) % 23, ch = (m + p) % 5, re = (m + quarter) % 7, di = p % 3
                        out += Array("\(municipality.astName);\(paragraph.label);\(year);\(quarter);\(up + ch + re + di);\(di);\(re);\(up);\(ch);\(40 + p % 50),5\n".utf8)
                    }
                }
            }
            year += 1
        }
        return out
    }

    private static func pxText(catalog: Catalog, bytes: Int) -> [UInt8] {
        let cellsPerPeriod = catalog.municipalities.count * catalog.paragraphs.count * 4
        let periods = max(1, bytes / (cellsPerPeriod * 3))
        let times = (0..<periods).map { "\(1800 + $0 / 4)K\($0 % 4 + 1)" }
        var header = "CHARSET=\"ANSI\";\nCODEPAGE=\"utf-8\";\nMATRIX=\"BENCH\";\nSTUB=\"kommune\",\"lovgrundlag\",\"afgørelse\";\nHEADING=\"tid\";\n"
        header += "VALUES(\"kommune\")=" + catalog.municipalities.map { "\"\($0.code) \($0.name)\"" }.joined(separator: ",") + ";\n"
        header += "VALUES(\"lovgrundlag\")=" + catalog.paragraphs.map { "\"\($0.code) \($0.label)\"" }.joined(separator: ",") + ";\n"
        header += "VALUES(\"afgørelse\")=\"Stadfæstet\",\"Ændret/ophævet\",\"Hjemvist\",\"Afvist/henvist\";\n"
        header += "VALUES(\"tid\")=" + times.map { "\"\($0)\"" }.joined(separator: ",") + ";\nDATA=\n"
        var out = Array(header.utf8)
        out.reserveCapacity(out.count + cellsPerPeriod * periods * 3 + 16)
        var cell = 0
        for _ in 0..<(cellsPerPeriod / 4 * 4) {
            for t in 0..<periods {
                let value = (cell &* 2_654_435_761 >> 7) % 20 + t % 3
                if value >= 10 { out.append(UInt8(0x30 + value / 10)) }
                out.append(UInt8(0x30 + value % 10))
                out.append(t == periods - 1 ? 0x0A : 0x20)
                cell += 1
            }
        }
        out += Array(";\n".utf8)
        return out
    }

    private static func write(path: String, text: [UInt8]) throws(DataError) {
        guard let handle = fopen(path, "w") else { throw DataError(file: path, "cannot write benchmark file") }
        defer { fclose(handle) }
        _ = text.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
    }

    private static func time(_ label: String, path: String, catalog: Catalog) throws(DataError) -> String {
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        let data = try Importer.load(path: path, catalog: catalog)
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        var info = stat()
        stat(path, &info)
        let megabytes = Double(info.st_size) / 1_048_576
        let speed = Int(megabytes / seconds)
        let rss = peakResidentMB()
        return "\(label): \(Int(megabytes)) MB in \(Int(seconds * 1000)) ms = \(speed) MB/s, \(groupedThousands(data.rowCount)) rows, peak RSS \(rss) MB"
    }

    /// VmHWM from /proc/self/status, in MB.
    static func peakResidentMB() -> Int {
        guard var stream = try? ByteStream(path: "/proc/self/status") else { return 0 }
        var peak = 0
        _ = try? stream.forEachLine { (line: UnsafeBufferPointer<UInt8>, _: Int, _: Bool) throws(DataError) in
            let text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix("VmHWM:") { peak = (Int(text.filter(\.isNumber)) ?? 0) / 1024 }
        }
        return peak
    }
}
