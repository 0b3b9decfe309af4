// Shared machinery for the `;`-separated imports: header matching with a
// missing-column error, wrong-delimiter detection, UTF-8 checks and row errors.

/// One line of a delimited file being read, with its fields split.
struct DelimitedLine {
    let bytes: UnsafeBufferPointer<UInt8>
    let number: Int
    let fields: [FieldRange]

    /// 1-based character column where field `index` starts (at its quote if quoted).
    func column(_ index: Int) -> Int {
        guard index < fields.count else { return characterColumn(bytes, byteOffset: bytes.count) + 1 }
        let field = fields[index]
        return characterColumn(bytes, byteOffset: field.quoted ? field.start - 1 : field.start)
    }

    func text(_ index: Int) -> String { fieldText(bytes, fields[index]) }

    func slice(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[fields[index].start..<fields[index].end])
    }
}

/// A column the importer looks for: its display name and accepted header spellings (folded, letters only).
struct ColumnSpec: Sendable {
    var name: String
    var aliases: [String]
    var required: Bool = true
}

/// Folds a header for matching: lower case, æøå folded, letters and digits only.
func headerKey(_ text: String) -> String {
    String(foldName(text.trimmed).filter { $0.isLetter || $0.isNumber })
}

/// Reads the header line: checks UTF-8 and the delimiter, and maps specs to column indices (-1 when absent).
func readHeader(
    file: String, line: UnsafeBufferPointer<UInt8>, number: Int, delimiter: UInt8, specs: [ColumnSpec]
) throws(DataError) -> (indices: [Int], names: [String]) {
    if let bad = firstInvalidUTF8(line) { throw wrongEncodingError(file: file, line: number, lineBytes: line, at: bad) }
    if !line.contains(delimiter) {
        for other: UInt8 in [0x2C, 0x09, 0x3B, 0x7C] where other != delimiter {
            if let offset = line.firstIndex(of: other) {
                let shown = other == 0x09 ? "tab" : "'\(Character(Unicode.Scalar(other)))'"
                throw DataError(
                    file: file, line: number, column: characterColumn(line, byteOffset: offset),
                    "wrong delimiter: the header is separated by \(shown), expected '\(Character(Unicode.Scalar(delimiter)))'")
            }
        }
    }
    var fields: [FieldRange] = []
    if let open = splitFields(line, delimiter: delimiter, into: &fields) {
        throw DataError(file: file, line: number, column: characterColumn(line, byteOffset: open), "unterminated quoted header")
    }
    let names = fields.map { fieldText(line, $0) }
    let keys = names.map(headerKey)
    var indices: [Int] = []
    var missing: [String] = []
    for spec in specs {
        let index = keys.firstIndex { spec.aliases.contains($0) } ?? -1
        if index < 0, spec.required { missing.append("'\(spec.name)'") }
        indices.append(index)
    }
    if !missing.isEmpty {
        let plural = missing.count == 1 ? "column" : "columns"
        throw DataError(
            file: file, line: number, column: 1,
            "missing \(plural) \(missing.joined(separator: ", ")); the header has \(names.map { "'\($0)'" }.joined(separator: ", "))")
    }
    return (indices, names)
}

/// Splits a data line into `fields`, checking UTF-8 and the field count.
func splitDataLine(
    file: String, line: UnsafeBufferPointer<UInt8>, number: Int, delimiter: UInt8, expected: Int,
    isLast: Bool, into fields: inout [FieldRange]
) throws(DataError) {
    if let bad = firstInvalidUTF8(line) { throw wrongEncodingError(file: file, line: number, lineBytes: line, at: bad) }
    if let open = splitFields(line, delimiter: delimiter, into: &fields) {
        let column = characterColumn(line, byteOffset: open)
        throw DataError(file: file, line: number, column: column, isLast
            ? "truncated file: the last line ends inside a quoted field"
            : "unterminated quoted field")
    }
    if fields.count != expected {
        if isLast, fields.count < expected {
            throw DataError(
                file: file, line: number, column: characterColumn(line, byteOffset: line.count) ,
                "truncated file: the last line has \(fields.count) of \(expected) columns")
        }
        throw DataError(
            file: file, line: number, column: 1, "line has \(fields.count) columns, the header has \(expected)")
    }
}

/// The column indices from `readHeader` for up to ten specs, held inline so that reading one in
/// a per-line loop costs no array retain and release.
struct ColumnIndices: Sendable {
    private var storage: (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int) = (-1, -1, -1, -1, -1, -1, -1, -1, -1, -1)
    /// True until indices are set (no header read yet).
    private(set) var isEmpty = true

    init() {}

    init(_ indices: [Int]) {
        isEmpty = false
        withUnsafeMutableBytes(of: &storage) { raw in
            for (slot, index) in indices.prefix(10).enumerated() { raw.storeBytes(of: index, toByteOffset: slot * MemoryLayout<Int>.stride, as: Int.self) }
        }
    }

    /// The column of spec `slot` (0-9), -1 when absent.
    @inline(__always)
    subscript(slot: Int) -> Int {
        switch slot {
        case 0: storage.0
        case 1: storage.1
        case 2: storage.2
        case 3: storage.3
        case 4: storage.4
        case 5: storage.5
        case 6: storage.6
        case 7: storage.7
        case 8: storage.8
        case 9: storage.9
        default: -1
        }
    }
}
