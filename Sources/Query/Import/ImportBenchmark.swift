// Streaming benchmark for `make bench`: writes a ~N MB talportal CSV and PC-Axis file
// under /tmp/dkq-import-bench chunk by chunk, loads each, and reports MB/s and RSS growth.
#if canImport(Glibc)
import Glibc
#endif

/// Generates large import files and times their loading (call from a release build).
@_spi(Tools) public enum ImportBenchmark {
    /// One line per format, e.g.
    /// "talportal-csv: 103.4 MB in 0.85 s = 121 MB/s, 2,116,800 rows, peak RSS +45 MB".
    /// The RSS figure is the growth of the peak resident set during the load alone.
    public static func run(sizeMB: Int = 100) throws(DataError) -> String {
        let directory = "/tmp/dkq-import-bench"
        mkdir(directory, 0o755)
        let catalog = benchmarkCatalog()
        let target = sizeMB << 20
        var report: [String] = []
        let csvPath = directory + "/talportal.csv"
        try writeTalportal(path: csvPath, catalog: catalog, bytes: target)
        report.append(try time("talportal-csv", path: csvPath, catalog: catalog))
        let pxPath = directory + "/ankeast.px"
        try writePX(path: pxPath, catalog: catalog, bytes: target)
        report.append(try time("pc-axis", path: pxPath, catalog: catalog))
        return report.joined(separator: "\n")
    }

    static func benchmarkCatalog() -> Catalog {
        let municipalities = (0..<98).map { Municipality(code: 100 + $0, name: "Kommune \($0)", astName: "Kommune \($0)", fullName: "Kommune \($0) Kommune", region: "Region \($0 % 5)") }
        let paragraphs = (0..<200).map { Paragraph(code: "1.\($0 + 1)", law: "Serviceloven", label: "Emne \($0 + 1) - § \($0 + 1)", sections: ["\($0 + 1)"], areas: [.general]) }
        return Catalog(municipalities: municipalities, paragraphs: paragraphs)
    }

    /// Rows in talportal's own order (Kommune, Sagsemne, Aar, Kvartal), enough years to reach `bytes`.
    private static func writeTalportal(path: String, catalog: Catalog, bytes: Int) throws(DataError) {
        var out = try BenchWriter(path: path)
        out.append("Kommune;Sagsemne;Aar;Kvartal;Antal_sager_ialt;Afvisning.Henvisning;Hjemvisning;Stadfæstelse;Ændring.Ophævelse;Sagsbehandlingstid\n")
        let places = catalog.municipalities.map { Array($0.astName.utf8) }
        let subjects = catalog.paragraphs.map { Array($0.label.utf8) }
        func row(_ out: inout BenchWriter, _ m: Int, _ p: Int, _ year: Int, _ quarter: Int) {
            let up = (m * 7 + p * 3 + quarter + year) % 23, ch = (m + p) % 5, re = (m + quarter) % 7, di = p % 3
            out.append(places[m]); out.append(0x3B)
            out.append(subjects[p]); out.append(0x3B)
            out.number(year); out.append(0x3B)
            out.number(quarter); out.append(0x3B)
            out.number(up + ch + re + di); out.append(0x3B)
            out.number(di); out.append(0x3B)
            out.number(re); out.append(0x3B)
            out.number(up); out.append(0x3B)
            out.number(ch); out.append(0x3B)
            out.number(40 + p % 50); out.append(0x2C); out.number(5); out.append(0x0A)
        }
        // Size one year to know how many years reach the target.
        var sizer = BenchWriter()
        for m in places.indices { for p in subjects.indices { for quarter in 1...4 { row(&sizer, m, p, 1999, quarter) } } }
        let years = max(1, min(300, (bytes + sizer.total - 1) / max(1, sizer.total)))
        for m in places.indices {
            for p in subjects.indices {
                for year in 1900..<(1900 + years) { for quarter in 1...4 { row(&out, m, p, year, quarter) } }
            }
        }
        try out.finish()
    }

    /// A dense PX table (kommune × lovgrundlag × afgørelse × quarters) of about `bytes`.
    private static func writePX(path: String, catalog: Catalog, bytes: Int) throws(DataError) {
        let cellsPerPeriod = catalog.municipalities.count * catalog.paragraphs.count * 4
        let periods = max(1, Int(Double(bytes) / (Double(cellsPerPeriod) * 2.55)))
        let times = (0..<periods).map { "\(1800 + $0 / 4)K\($0 % 4 + 1)" }
        var header = "CHARSET=\"ANSI\";\nCODEPAGE=\"utf-8\";\nMATRIX=\"BENCH\";\nSTUB=\"kommune\",\"lovgrundlag\",\"afgørelse\";\nHEADING=\"tid\";\n"
        header += "VALUES(\"kommune\")=" + catalog.municipalities.map { "\"\($0.code) \($0.name)\"" }.joined(separator: ",") + ";\n"
        header += "VALUES(\"lovgrundlag\")=" + catalog.paragraphs.map { "\"\($0.code) \($0.label)\"" }.joined(separator: ",") + ";\n"
        header += "VALUES(\"afgørelse\")=\"Stadfæstet\",\"Ændret/ophævet\",\"Hjemvist\",\"Afvist/henvist\";\n"
        header += "VALUES(\"tid\")=" + times.map { "\"\($0)\"" }.joined(separator: ",") + ";\nDATA=\n"
        var out = try BenchWriter(path: path)
        out.append(header)
        var cell = 0
        for _ in 0..<cellsPerPeriod {
            for t in 0..<periods {
                out.number((cell &* 2_654_435_761 >> 7) % 20 + t % 3)
                out.append(t == periods - 1 ? 0x0A : 0x20)
                cell += 1
            }
        }
        out.append(";\n")
        try out.finish()
    }

    private static func time(_ label: String, path: String, catalog: Catalog) throws(DataError) -> String {
        let baseline = startPeakMeasurement()
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        let data = try Importer.load(path: path, catalog: catalog)
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        let growth = max(0, procStatusKB("VmHWM:") - baseline) / 1024
        let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        var info = stat()
        stat(path, &info)
        let megabytes = Double(info.st_size) / 1_048_576
        let speed = Int(megabytes / seconds)
        return "\(label): \(fixed(megabytes, 1)) MB in \(fixed(seconds, 2)) s = \(speed) MB/s, \(groupedThousands(data.rowCount)) rows, peak RSS +\(growth) MB"
    }

    /// Resets the peak resident set (Linux `clear_refs` 5) and returns the current resident set in kB,
    /// the baseline to subtract; when the reset is unavailable, returns the current peak instead.
    static func startPeakMeasurement() -> Int {
        if let handle = fopen("/proc/self/clear_refs", "w") {
            let written = fputs("5", handle)
            fclose(handle)
            if written >= 0 { return procStatusKB("VmRSS:") }
        }
        return procStatusKB("VmHWM:")
    }

    /// A "Name:   1234 kB" field of /proc/self/status, in kB (0 when unavailable).
    static func procStatusKB(_ field: String) -> Int {
        guard let handle = fopen("/proc/self/status", "r") else { return 0 }
        defer { fclose(handle) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), handle) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix(field) { return Int(text.filter(\.isNumber)) ?? 0 }
        }
        return 0
    }

    /// `value` with `digits` decimals (no Foundation).
    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        return "\(scaled / scale)." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}

/// Buffers generated bytes and writes them out a megabyte at a time (or only counts them).
private struct BenchWriter: ~Copyable {
    private let handle: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []
    private(set) var total = 0

    /// A writer that only counts bytes.
    init() { handle = nil }

    init(path: String) throws(DataError) {
        guard let handle = fopen(path, "w") else { throw DataError(file: path, "cannot write benchmark file") }
        self.handle = handle
        buffer.reserveCapacity(1 << 20 + 4096)
    }

    deinit { if let handle { fclose(handle) } }

    mutating func append(_ byte: UInt8) { buffer.append(byte); total += 1; if buffer.count >= 1 << 20 { flush() } }
    mutating func append(_ bytes: [UInt8]) { buffer += bytes; total += bytes.count; if buffer.count >= 1 << 20 { flush() } }
    mutating func append(_ text: String) { append(Array(text.utf8)) }

    /// Appends a non-negative integer's decimal digits.
    mutating func number(_ value: Int) {
        if value >= 10 { number(value / 10) }
        append(UInt8(0x30 + value % 10))
    }

    private mutating func flush() {
        if let handle { _ = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) } }
        buffer.removeAll(keepingCapacity: true)
    }

    consuming func finish() throws(DataError) {
        flush()
    }
}
