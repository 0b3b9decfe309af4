// PC-Axis header: tokenizes `KEYWORD[lang]("sub","keys")=value;` entries from
// bytes (strings concatenated across lines, lists, TLIST forms) before decoding.

/// One list item of an entry's value, as raw bytes with its position.
struct PXItem: Sendable {
    var bytes: [UInt8]
    var quoted: Bool
    var line: Int
    var column: Int
}

/// One header entry.
struct PXEntry: Sendable {
    var keyword: String
    var language: String?
    var subkeys: [[UInt8]]
    var items: [PXItem]
    /// `TLIST(A1)` / `TLIST(Q1, "2019Q1-2021Q4")`: the unit and the items inside the parentheses.
    var timeList: (unit: String, items: [PXItem])?
    var line: Int
    var column: Int
}

/// Tokenizes header bytes (everything before `DATA=`).
struct PXHeaderParser {
    let file: String
    let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }

    private var column: Int { index - lineStart + 1 }

    private mutating func advance() {
        if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
        index += 1
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { advance() }
    }

    private func error(_ message: String) -> DataError {
        DataError(file: file, line: line, column: column, message)
    }

    /// All entries, in order.
    mutating func parse() throws(DataError) -> [PXEntry] {
        var entries: [PXEntry] = []
        while true {
            skipSpace()
            if index >= bytes.count { break }
            entries.append(try entry())
        }
        return entries
    }

    private mutating func entry() throws(DataError) -> PXEntry {
        let startLine = line
        let startColumn = column
        var keyword: [UInt8] = []
        while index < bytes.count, ![0x5B, 0x28, 0x3D, 0x3B].contains(bytes[index]) {
            if ![0x0A, 0x0D].contains(bytes[index]) { keyword.append(bytes[index]) }
            advance()
        }
        let name = String(decoding: keyword, as: UTF8.self).trimmed.uppercased()
        if name.isEmpty || index >= bytes.count { throw error("expected KEYWORD=value; in the PC-Axis header") }
        var language: String?
        if bytes[index] == 0x5B {
            advance()
            var lang: [UInt8] = []
            while index < bytes.count, bytes[index] != 0x5D { lang.append(bytes[index]); advance() }
            if index >= bytes.count { throw error("unterminated '[' in keyword \(name)") }
            advance()
            language = String(decoding: lang, as: UTF8.self)
        }
        var subkeys: [[UInt8]] = []
        if index < bytes.count, bytes[index] == 0x28 {
            advance()
            let items = try list(until: 0x29)
            subkeys = items.map(\.bytes)
        }
        skipSpace()
        guard index < bytes.count, bytes[index] == 0x3D else { throw error("expected '=' after keyword \(name)") }
        advance()
        var items: [PXItem] = []
        var timeList: (String, [PXItem])?
        skipSpace()
        if bytes[index...].starts(with: Array("TLIST(".utf8)) {
            for _ in 0..<6 { advance() }
            let inner = try list(until: 0x29)
            let unit = inner.first.map { String(decoding: $0.bytes, as: UTF8.self).trimmed } ?? ""
            timeList = (unit, Array(inner.dropFirst()))
            skipSpace()
            if index < bytes.count, bytes[index] == 0x2C { advance() }
        }
        items += try list(until: 0x3B)
        return PXEntry(
            keyword: name, language: language, subkeys: subkeys, items: items, timeList: timeList, line: startLine,
            column: startColumn)
    }

    /// Comma-separated items up to `terminator` (consumed); adjacent quoted strings are concatenated.
    private mutating func list(until terminator: UInt8) throws(DataError) -> [PXItem] {
        var items: [PXItem] = []
        var current: PXItem?
        while true {
            skipSpace()
            guard index < bytes.count else {
                throw error("truncated file: the header ends before '\(Character(Unicode.Scalar(terminator)))'")
            }
            let byte = bytes[index]
            if byte == terminator {
                advance()
                if let current { items.append(current) }
                return items
            }
            if byte == 0x2C {
                advance()
                if let finished = current { items.append(finished) }
                current = nil
                continue
            }
            if byte == 0x22 {
                let itemLine = line
                let itemColumn = column
                advance()
                var text: [UInt8] = []
                while index < bytes.count, bytes[index] != 0x22 {
                    if bytes[index] != 0x0A && bytes[index] != 0x0D { text.append(bytes[index]) }
                    advance()
                }
                if index >= bytes.count { throw error("truncated file: unterminated string in the header") }
                advance()
                if let previous = current, previous.quoted {
                    current?.bytes += text
                } else {
                    current = PXItem(bytes: text, quoted: true, line: itemLine, column: itemColumn)
                }
                continue
            }
            let itemLine = line
            let itemColumn = column
            var text: [UInt8] = []
            while index < bytes.count, ![0x2C, 0x20, 0x09, 0x0A, 0x0D, terminator].contains(bytes[index]) {
                text.append(bytes[index])
                advance()
            }
            if byte == 0x2D, current?.quoted == true {
                advance()
                current?.bytes.append(0x2D)
                continue
            }
            if let finished = current { items.append(finished) }
            current = PXItem(bytes: text, quoted: false, line: itemLine, column: itemColumn)
        }
    }
}
