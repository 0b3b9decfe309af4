// Splits one delimited line into fields (with "quoted" fields and "" escapes) and
// parses the numbers found in cells: counts, Danish decimal commas, `..` and `-`.

/// One field of a line: byte offsets into the line, quotes excluded.
struct FieldRange: Sendable {
    var start: Int
    var end: Int
    /// The field was quoted and may contain `""` escapes.
    var quoted: Bool
}

/// Splits `line` at `delimiter` into `fields`; returns the byte offset of an unterminated quote, if any.
func splitFields(_ line: UnsafeBufferPointer<UInt8>, delimiter: UInt8, into fields: inout [FieldRange]) -> Int? {
    fields.removeAll(keepingCapacity: true)
    if splitPlainFields(line, delimiter: delimiter, into: &fields) { return nil }
    let count = line.count
    var index = 0
    while true {
        if index < count, line[index] == 0x22 {
            let open = index
            index += 1
            let start = index
            var closed = false
            while index < count {
                if line[index] == 0x22 {
                    if index + 1 < count, line[index + 1] == 0x22 { index += 2; continue }
                    closed = true
                    break
                }
                index += 1
            }
            if !closed { return open }
            fields.append(FieldRange(start: start, end: index, quoted: true))
            index += 1
            while index < count, line[index] != delimiter { index += 1 }
        } else {
            let start = index
            while index < count, line[index] != delimiter { index += 1 }
            var end = index
            while end > start, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
            var begin = start
            while begin < end, line[begin] == 0x20 || line[begin] == 0x09 { begin += 1 }
            fields.append(FieldRange(start: begin, end: end, quoted: false))
        }
        if index >= count { break }
        index += 1
    }
    return nil
}

/// `splitFields` for a line with no quote, blank or tab (most lines), eight bytes at a time: false,
/// with `fields` left empty, for any other line.
private func splitPlainFields(_ line: UnsafeBufferPointer<UInt8>, delimiter: UInt8, into fields: inout [FieldRange]) -> Bool {
    guard let base = line.baseAddress else { return false }
    let raw = UnsafeRawPointer(base)
    let count = line.count
    let ones: UInt64 = 0x0101_0101_0101_0101, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    /// The high bit of each byte of `x` that is 0 (exactly: no carries between bytes).
    func zeros(_ x: UInt64) -> UInt64 { ~(((x & low) &+ low) | x | low) }
    let (quote, blank, tab, separator) = (0x22 &* ones, 0x20 &* ones, 0x09 &* ones, UInt64(delimiter) &* ones)
    var (start, index) = (0, 0)
    while index + 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if zeros(word ^ quote) | zeros(word ^ blank) | zeros(word ^ tab) != 0 {
            fields.removeAll(keepingCapacity: true)
            return false
        }
        var hits = zeros(word ^ separator)
        while hits != 0 {
            let at = index + hits.trailingZeroBitCount >> 3
            fields.append(FieldRange(start: start, end: at, quoted: false))
            start = at + 1
            hits &= hits - 1
        }
        index += 8
    }
    while index < count {
        let byte = base[index]
        if byte == 0x22 || byte == 0x20 || byte == 0x09 {
            fields.removeAll(keepingCapacity: true)
            return false
        }
        if byte == delimiter {
            fields.append(FieldRange(start: start, end: index, quoted: false))
            start = index + 1
        }
        index += 1
    }
    fields.append(FieldRange(start: start, end: count, quoted: false))
    return true
}

/// The text of a field (UTF-8), with `""` unescaped.
func fieldText(_ line: UnsafeBufferPointer<UInt8>, _ field: FieldRange) -> String {
    let text = String(decoding: UnsafeBufferPointer(rebasing: line[field.start..<field.end]), as: UTF8.self)
    return field.quoted && text.contains("\"\"") ? text.replacingAll("\"\"", with: "\"") : text
}


/// A cell's value as written.
enum CellNumber: Sendable, Equatable {
    /// Nothing written.
    case empty
    /// `..` (1-6 dots) or `NA`: not available / suppressed.
    case missing
    /// `-`: a true zero.
    case dash
    case integer(Int)
    case decimal(Double)
    case invalid
}

/// Parses a number; `decimalComma` accepts `12,5` (Danish), otherwise `12.5`.
func parseCellNumber(_ bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> CellNumber {
    let count = bytes.count
    if count == 0 { return .empty }
    var index = 0
    var negative = false
    if bytes[0] == 0x2D {
        if count == 1 { return .dash }
        negative = true
        index = 1
    } else if bytes[0] == 0x2E {
        for byte in bytes where byte != 0x2E { return .invalid }
        return .missing
    } else if count == 2, bytes[0] == 0x4E, bytes[1] == 0x41 {
        return .missing
    }
    var integer = 0
    var digits = 0
    while index < count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
        if digits > 17 { return .invalid }
        integer = integer * 10 + Int(bytes[index] - 0x30)
        digits += 1
        index += 1
    }
    if digits == 0 { return .invalid }
    if index == count { return .integer(negative ? -integer : integer) }
    let separator = bytes[index]
    guard separator == (decimalComma ? 0x2C : 0x2E) || separator == 0x2E else { return .invalid }
    index += 1
    var fraction = 0.0
    var scale = 0.1
    var fractionDigits = 0
    while index < count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
        fraction += Double(bytes[index] - 0x30) * scale
        scale /= 10
        fractionDigits += 1
        index += 1
    }
    if index != count || fractionDigits == 0 { return .invalid }
    let value = Double(integer) + fraction
    return .decimal(negative ? -value : value)
}
