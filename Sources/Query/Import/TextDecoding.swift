// Turns file bytes into Strings: UTF-8 with validation that points at the first
// bad byte, and ISO-8859-1 / Windows-1252 decoded by table (PC-Axis CODEPAGE).

/// A single-byte or UTF-8 text encoding a data file may declare.
enum TextEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case latin1 = "ISO-8859-1"
    case windows1252 = "Windows-1252"

    /// The encoding a PC-Axis CODEPAGE / CHARSET value names, or nil if unsupported.
    init?(codepage: String) {
        let name = codepage.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch name {
        case "utf8": self = .utf8
        case "iso88591", "latin1", "l1", "iso885915", "latin9": self = .latin1
        case "windows1252", "cp1252", "ansi", "1252", "ms1252": self = .windows1252
        default: return nil
        }
    }

    /// Decodes `bytes`; UTF-8 input must already be validated.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .latin1, .windows1252:
            var ascii = true
            for byte in bytes where byte >= 0x80 { ascii = false; break }
            if ascii { return String(decoding: bytes, as: UTF8.self) }
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                let value: UInt32
                if self == .windows1252, byte >= 0x80, byte < 0xA0 {
                    value = UInt32(windows1252High[Int(byte) - 0x80])
                } else {
                    value = UInt32(byte)
                }
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            }
            return String(scalars)
        }
    }

    /// Decodes an array of bytes.
    func decode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { decode($0) }
    }
}

/// Windows-1252's 0x80-0x9F block (undefined bytes map to the C1 control of the same value).
private let windows1252High: [UInt16] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
]

/// The offset of the first byte that is not valid UTF-8 (overlong forms and surrogates
/// included), or nil when all is valid. The one UTF-8 check of the project: data files,
/// imported files and the shell's input lines all use it.
public func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { firstInvalidUTF8($0) }
}

/// The offset of the first byte that is not valid UTF-8, or nil when all is valid.
func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var index = 0
    let count = bytes.count
    guard let base = bytes.baseAddress else { return nil }
    let raw = UnsafeRawPointer(base)
    while index < count {
        // ASCII fast path, eight bytes at a time.
        while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            index += 8
        }
        if index >= count { break }
        let lead = bytes[index]
        if lead < 0x80 { index += 1; continue }
        let length: Int
        var minimum: UInt32
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
        default: return index
        }
        if index + length > count { return index }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            if byte & 0xC0 != 0x80 { return index }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
        index += length
    }
    return nil
}

/// 1-based character column of byte `offset` in a UTF-8 line (counts lead bytes before it).
func characterColumn(_ line: UnsafeBufferPointer<UInt8>, byteOffset offset: Int) -> Int {
    var column = 1
    var index = 0
    while index < offset && index < line.count {
        if line[index] & 0xC0 != 0x80 { column += 1 }
        index += 1
    }
    return column
}

/// The error for Latin-1 / Windows-1252 bytes in a file read as UTF-8.
func wrongEncodingError(file: String, line: Int, lineBytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> DataError {
    let byte = lineBytes[offset]
    let hex = String(byte, radix: 16, uppercase: true)
    let guess = TextEncoding.windows1252.decode(UnsafeBufferPointer(rebasing: lineBytes[offset..<(offset + 1)]))
    return DataError(
        file: file, line: line, column: characterColumn(lineBytes, byteOffset: offset),
        "invalid UTF-8 byte 0x\(hex); the file looks like Latin-1/Windows-1252 ('\(guess)'), save it as UTF-8")
}
