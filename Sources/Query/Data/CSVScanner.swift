// Byte-level scanning shared by the data-file readers: read a file once, check UTF-8,
// walk lines and comma-separated fields, parse numbers by hand, and place errors.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A data file's bytes and the name its errors show.
struct SourceFile: Sendable {
    /// The path as the user (or the folder loader) named it.
    var name: String
    var bytes: [UInt8]

    init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// Reads the whole file with one `read` loop.
    static func read(path: String, name: String) throws(DataError) -> SourceFile {
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFIFO {
            // A pipe has no size and can be read only once: read it in chunks.
            do {
                var stream = try ByteStream(path: path)
                return SourceFile(name: name, bytes: try stream.readAll())
            } catch { throw DataError(file: name, line: error.line, column: error.column, error.message) }
        }
        let descriptor: Int32
        do { descriptor = try openForReading(path) } catch { throw DataError(file: name, error.message) }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { throw DataError(file: name, "cannot read file: \(systemError())") }
        if Int(info.st_size) > ByteStream.maxFileBytes {
            throw DataError(file: name, "file is larger than \(ByteStream.maxFileBytes >> 30) GB; dkq reads tables up to that size")
        }
        var failed = false
        // Read straight into the array's room (no zero-filling first); its count is what was read.
        let bytes = [UInt8](unsafeUninitializedCapacity: max(0, Int(info.st_size))) { buffer, total in
            total = 0
            guard let base = buffer.baseAddress else { return }
            while total < buffer.count {
                let count = readSome(descriptor, base + total, buffer.count - total)
                if count < 0 { failed = true; return }
                if count == 0 { return }
                total += count
            }
        }
        if failed { throw DataError(file: name, "cannot read file: \(systemError())") }
        return SourceFile(name: name, bytes: bytes)
    }

    /// The error for the byte at `offset`, with line and character column computed from the start.
    func error(at offset: Int, _ message: String) -> DataError {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return error(line: line, lineStart: lineStart, offset: offset, message)
    }

    /// The error for the byte at `offset` on a line whose number and start are known.
    func error(line: Int, lineStart: Int, offset: Int, _ message: String) -> DataError {
        DataError(file: name, line: line, column: characterColumn(lineStart: lineStart, offset: offset), message)
    }

    /// 1-based column in characters (Unicode scalars) of `offset` within the line starting at `lineStart`.
    func characterColumn(lineStart: Int, offset: Int) -> Int {
        var column = 1
        var index = lineStart
        while index < offset && index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }

    /// The bytes in `range` as text (the file is valid UTF-8 once checked).
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Offset after a UTF-8 byte-order mark, or 0.
    var contentStart: Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Throws at the first byte that is not valid UTF-8; checks 8 ASCII bytes at a time.
    func checkUTF8() throws(DataError) {
        if let offset = firstInvalidUTF8(bytes) {
            let hex = String(bytes[offset], radix: 16, uppercase: true)
            throw error(at: offset, "invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); save the file as UTF-8")
        }
    }

    /// Throws when the file has no bytes at all.
    func checkNotEmpty() throws(DataError) {
        if bytes.count <= contentStart { throw DataError(file: name, "empty file") }
    }
}

/// `read(2)`, named apart from `SourceFile.read`.
private func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// The `strerror` text of `errno`.
private func systemError() -> String {
    guard let text = strerror(errno) else { return "error \(errno)" }
    return String(cString: text)
}


/// FNV-1a 64-bit hash of `bytes` as 16 lower-case hex digits.
func fnv1a64Hex(_ bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    bytes.withUnsafeBufferPointer { buffer in
        for byte in buffer {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

/// One line of a file: its number and byte range without the `\n` (and without a trailing `\r`).
struct LineSpan {
    var number: Int
    var start: Int
    var end: Int
}

/// Walks the lines of a file.
struct LineCursor {
    private let bytes: [UInt8]
    private var position: Int
    private var number = 0

    init(_ file: SourceFile) {
        bytes = file.bytes
        position = file.contentStart
    }

    mutating func next() -> LineSpan? {
        guard position < bytes.count else { return nil }
        number += 1
        let start = position
        var end = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress,
                let found = memchr(base + start, 0x0A, buffer.count - start)
            else { return }
            end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
        position = end + 1
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return LineSpan(number: number, start: start, end: end)
    }
}

extension SourceFile {
    /// Every line's bytes (without its `\n`; a `\r` or byte-order mark stays), numbered from 1.
    var rawLines: [(number: Int, bytes: ArraySlice<UInt8>)] {
        var lines: [(number: Int, bytes: ArraySlice<UInt8>)] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            lines.append((lines.count + 1, bytes[start..<end]))
            start = end + 1
        }
        return lines
    }

    /// The comma-separated field ranges of a line.
    func fields(of line: LineSpan) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = line.start
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while let comma = memchr(base + start, 0x2C, line.end - start) {
                let index = base.distance(to: comma.assumingMemoryBound(to: UInt8.self))
                result.append(start..<index)
                start = index + 1
            }
        }
        result.append(start..<line.end)
        return result
    }

    /// Offset of the first `;` or tab in the line, if any: a sign of the wrong delimiter.
    func foreignDelimiter(in line: LineSpan) -> (offset: Int, name: String)? {
        for index in line.start..<line.end {
            if bytes[index] == 0x3B { return (index, "';'") }
            if bytes[index] == 0x09 { return (index, "tabs") }
        }
        return nil
    }

    /// Checks a header row against `expected` column names, pointing at the first difference.
    func checkHeader(_ line: LineSpan, expected: [String]) throws(DataError) {
        let fields = fields(of: line)
        let wanted = expected.joined(separator: ",")
        if fields.count == 1, let foreign = foreignDelimiter(in: line) {
            throw error(line: line.number, lineStart: line.start, offset: foreign.offset,
                        "fields are separated by \(foreign.name); expected ',' (header '\(wanted)')")
        }
        for (index, range) in fields.enumerated() {
            let name = text(range)
            guard index < expected.count else {
                throw error(line: line.number, lineStart: line.start, offset: range.lowerBound,
                            "header has an extra column '\(name)'; expected '\(wanted)'")
            }
            if name != expected[index] {
                throw error(line: line.number, lineStart: line.start, offset: range.lowerBound,
                            "header column \(index + 1) is '\(name)', expected '\(expected[index])'")
            }
        }
        if fields.count < expected.count {
            let missing = expected[fields.count...].map { "'\($0)'" }.joined(separator: ", ")
            throw error(line: line.number, lineStart: line.start, offset: line.end,
                        "header has \(fields.count) columns, expected \(expected.count): missing \(missing)")
        }
    }

    /// The error for a row whose field count is wrong (too few: points at the line's end; too many: at the extra field).
    func fieldCountError(_ line: LineSpan, fields: [Range<Int>], columns: [String]) -> DataError {
        if fields.count < columns.count {
            if let foreign = foreignDelimiter(in: line) {
                return error(line: line.number, lineStart: line.start, offset: foreign.offset,
                             "fields are separated by \(foreign.name); expected ','")
            }
            let missing = columns[fields.count...].map { "'\($0)'" }.joined(separator: ", ")
            return error(line: line.number, lineStart: line.start, offset: line.end,
                         "row has \(fields.count) fields, expected \(columns.count): missing \(missing)")
        }
        return error(line: line.number, lineStart: line.start, offset: fields[columns.count].lowerBound,
                     "row has \(fields.count) fields, expected \(columns.count)")
    }
}

/// Parses a non-negative decimal integer of at most 9 digits; nil for anything else.
@inline(__always)
func parseCount(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    if range.isEmpty || range.count > 9 { return nil }
    var value = 0
    for index in range {
        let digit = Int(buffer[index]) &- 48
        if digit < 0 || digit > 9 { return nil }
        value = value &* 10 &+ digit
    }
    return value
}

/// Parses `123` or `123.4` (any number of decimals) as a non-negative number; nil otherwise.
func parseDecimal(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
    if range.isEmpty || range.count > 15 { return nil }
    var whole = 0
    var fraction = 0
    var scale = 1
    var seenPoint = false
    var digits = 0
    for index in range {
        let byte = buffer[index]
        if byte == 0x2E {
            if seenPoint || digits == 0 { return nil }
            seenPoint = true
            continue
        }
        let digit = Int(byte) &- 48
        if digit < 0 || digit > 9 { return nil }
        digits += 1
        if seenPoint {
            fraction = fraction * 10 + digit
            scale *= 10
        } else {
            whole = whole * 10 + digit
        }
    }
    if seenPoint && scale == 1 { return nil }
    return Double(whole) + Double(fraction) / Double(scale)
}
