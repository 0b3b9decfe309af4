// Reads one "dkq outcomes v1" file (year,quarter,municipality,paragraph,upheld,changed,remanded,
// dismissed,days) into fact rows in a single pass over its bytes, checking every cell.

/// The `# key: value` lines an outcome file may carry before its header.
struct OutcomeHeader: Sendable, Equatable {
    var synthetic = false
    var source = ""
}

/// Remembers where each (year, quarter, municipality, paragraph) was first given, to reject duplicates.
struct DuplicateIndex {
    private let cellsPerYear: Int
    private let paragraphCount: Int
    private let municipalityCount: Int
    /// Per year: `line << 8 | dataset` of the first row for each cell, 0 when unseen.
    private var years: [Int: [UInt32]] = [:]
    private var currentYear = Int.min
    private var current: [UInt32] = []
    /// File name per dataset index, for messages about duplicates across files.
    var fileNames: [Int: String] = [:]

    init(catalog: Catalog) {
        municipalityCount = catalog.municipalities.count
        paragraphCount = catalog.paragraphs.count
        cellsPerYear = 4 * municipalityCount * paragraphCount
    }

    /// Records a row; returns the earlier (dataset, line) when the cell was already given.
    @inline(__always)
    mutating func insert(year: Int, quarter: Int, municipality: Int, paragraph: Int, line: Int, dataset: Int)
        -> (dataset: Int, line: Int)?
    {
        if year != currentYear { switchYear(year) }
        let slot = ((quarter - 1) * municipalityCount + municipality) * paragraphCount + paragraph
        let previous = current[slot]
        if previous != 0 { return (Int(previous & 0xFF), Int(previous >> 8)) }
        current[slot] = UInt32(truncatingIfNeeded: line) << 8 | UInt32(truncatingIfNeeded: dataset)
        return nil
    }

    /// The file name recorded for `dataset`.
    func fileName(_ dataset: Int) -> String { fileNames[dataset] ?? "dataset \(dataset + 1)" }

    private mutating func switchYear(_ year: Int) {
        if currentYear != Int.min { years[currentYear] = current }
        current = years.removeValue(forKey: year) ?? [UInt32](repeating: 0, count: cellsPerYear)
        currentYear = year
    }
}

/// Parses outcome files against a catalog.
struct OutcomeFileReader {
    static let columns = ["year", "quarter", "municipality", "paragraph", "upheld", "changed", "remanded", "dismissed", "days"]
    static let formatName = "dkq outcomes v1"

    let catalog: Catalog
    /// Municipality code (0-999) to catalog index, -1 when unknown.
    private let municipalityIndex: [Int16]
    /// Paragraph codes packed little-endian into 8 bytes (codes longer than 8 bytes never match).
    private let paragraphKeys: [UInt64]

    init(catalog: Catalog) {
        self.catalog = catalog
        var index = [Int16](repeating: -1, count: 1000)
        for (position, municipality) in catalog.municipalities.enumerated() where (0..<1000).contains(municipality.code) {
            index[municipality.code] = Int16(position)
        }
        municipalityIndex = index
        paragraphKeys = catalog.paragraphs.map { paragraph in
            let bytes = Array(paragraph.code.utf8)
            return bytes.count > 8 ? UInt64.max : Self.pack(bytes, 0..<bytes.count)
        }
    }

    @inline(__always)
    private static func pack<C: Collection<UInt8>>(_ bytes: C, _ range: Range<C.Index>) -> UInt64 where C.Index == Int {
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for index in range {
            key |= UInt64(bytes[index]) << shift
            shift += 8
        }
        return key
    }

    /// Reads `file` into `facts` with dataset index `dataset`; rows must carry `expectedYear` when given.
    func read(
        _ file: SourceFile, expectedYear: Int?, dataset: Int, into facts: inout FactTable, duplicates: inout DuplicateIndex
    ) throws(DataError) -> OutcomeHeader {
        try file.checkNotEmpty()
        try file.checkUTF8()
        var header = OutcomeHeader()
        var cursor = LineCursor(file)
        var headerLine: LineSpan?
        while let line = cursor.next() {
            if line.start == line.end { continue }
            if file.bytes[line.start] == 0x23 {
                try readComment(file, line, into: &header)
                continue
            }
            if file.bytes[line.start] >= 0x30 && file.bytes[line.start] <= 0x39 {
                throw file.error(line: line.number, lineStart: line.start, offset: line.start,
                                 "missing header row; expected '\(Self.columns.joined(separator: ","))' before the data")
            }
            try file.checkHeader(line, expected: Self.columns)
            headerLine = line
            break
        }
        guard headerLine != nil else {
            throw DataError(file: file.name, "no header row; expected '\(Self.columns.joined(separator: ","))'")
        }
        let estimate = file.bytes.count / 32
        facts.reserveCapacity(facts.count + estimate)
        var row = RowParser(reader: self, file: file, expectedYear: expectedYear, dataset: dataset)
        while let line = cursor.next() {
            if line.start == line.end || file.bytes[line.start] == 0x23 { continue }
            try row.parse(line, into: &facts, duplicates: &duplicates)
        }
        return header
    }

    /// `# key: value` lines: `synthetic`, `source` and `format` are read; other comments are ignored.
    private func readComment(_ file: SourceFile, _ line: LineSpan, into header: inout OutcomeHeader) throws(DataError) {
        let text = file.text((line.start + 1)..<line.end)
        guard let colon = text.firstIndex(of: ":") else { return }
        let key = String(text[..<colon]).trimmed.lowercased()
        let value = String(text[text.index(after: colon)...]).trimmed
        let valueOffset = line.start + 1 + text.utf8.distance(from: text.startIndex, to: colon) + 1
            + (text[text.index(after: colon)...].utf8.prefix { $0 == 0x20 }.count)
        switch key {
        case "synthetic":
            switch value.lowercased() {
            case "yes", "true": header.synthetic = true
            case "no", "false": header.synthetic = false
            default:
                throw file.error(line: line.number, lineStart: line.start, offset: valueOffset,
                                 "'synthetic' must be yes or no, got '\(value)'")
            }
        case "source":
            header.source = header.source.isEmpty ? value : header.source + " " + value
        case "format":
            if value != Self.formatName {
                throw file.error(line: line.number, lineStart: line.start, offset: valueOffset,
                                 "unsupported format '\(value)'; expected '\(Self.formatName)'")
            }
        default:
            return
        }
    }

    /// Catalog index of the municipality code, or -1.
    @inline(__always)
    func municipality(code: Int) -> Int {
        code < municipalityIndex.count ? Int(municipalityIndex[code]) : -1
    }

    /// Catalog index of the paragraph code in `range`, or -1; tries `hint` first (rows come in catalog order).
    @inline(__always)
    func paragraph(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hint: Int) -> Int {
        if range.isEmpty || range.count > 8 { return -1 }
        let key = Self.pack(buffer, range)
        let count = paragraphKeys.count
        var index = hint < count ? hint : 0
        for _ in 0..<count {
            if paragraphKeys[index] == key { return index }
            index += 1
            if index == count { index = 0 }
        }
        return -1
    }
}
