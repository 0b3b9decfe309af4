// The lexer's literal rules: integers, decimals, period literals (`2021Q3`), words
// that start with a digit, and paragraph literals (`§ 83`, `§§ 95-96`).

extension Lexer {
    /// Digits start an integer (`2021`), a decimal (`40.5`), a period (`2021Q3`, `2021K3`),
    /// or, when letters or `-` follow, a word (`32a`, `2019-2021`).
    /// `2019..2023` lexes as integer, `..`, integer.
    mutating func lexNumberOrWord() {
        let start = index
        while isDigit(byte(index)) { index += 1 }
        let digitsEnd = index
        if byte(index) == UInt8(ascii: "."), isDigit(byte(index + 1)) {
            index += 1
            while isDigit(byte(index)) { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard let value = Double(text), value.isFinite else {
                return tooLarge(SourceRange(start, index))
            }
            return add(.decimal(value), from: start)
        }
        skipWordCharacters()
        if index == digitsEnd {
            guard let value = integer(start..<digitsEnd) else { return tooLarge(SourceRange(start, index)) }
            return add(.integer(value), from: start)
        }
        let marker = bytes[digitsEnd] | 0x20
        let quarterDigits = (digitsEnd + 1)..<index
        if marker == UInt8(ascii: "q") || marker == UInt8(ascii: "k"), !quarterDigits.isEmpty,
           bytes[quarterDigits].allSatisfy(isDigit) {
            let range = SourceRange(start, index)
            guard let year = integer(start..<digitsEnd) else { return tooLarge(range) }
            guard let quarter = integer(quarterDigits), (1...4).contains(quarter) else {
                let written = String(decoding: bytes[quarterDigits], as: UTF8.self)
                fail("E104", "quarter must be 1-4, found \(Lexer.shorten(written))", range,
                     hint: "write a quarter as \(year)Q1 … \(year)Q4")
                return add(.word(String(decoding: bytes[start..<index], as: UTF8.self)), from: start)
            }
            return add(.period(year: year, quarter: quarter), from: start)
        }
        add(.word(String(decoding: bytes[start..<index], as: UTF8.self)), from: start)
    }

    /// The value of the ASCII digits in `range`, or nil when it does not fit an `Int`.
    func integer(_ range: Range<Int>) -> Int? {
        var value = 0
        for offset in range {
            let times = value.multipliedReportingOverflow(by: 10)
            let plus = times.partialValue.addingReportingOverflow(Int(bytes[offset] - UInt8(ascii: "0")))
            if times.overflow || plus.overflow { return nil }
            value = plus.partialValue
        }
        return value
    }

    private mutating func tooLarge(_ range: SourceRange) {
        let text = String(decoding: bytes[range.lower..<range.upper], as: UTF8.self)
        fail("E103", "number too large: \(Lexer.shorten(text))", range)
        tokens.append(Token(.word(text), range))
    }

    /// `§` or `§§`, optional spaces, then a section: parts of digits and letters
    /// (`83`, `32a`) joined by `-` or `/` (`95-96`, `41/42`); after `§§` also by
    /// `, ` and ` og ` (`§§ 32, 32a`, `§§ 68 og 76`). The token's text is the section
    /// without the signs, e.g. "95-96".
    mutating func lexParagraph() {
        let start = index
        index += 2
        let double = byte(index) == 0xC2 && byte(index + 1) == 0xA7
        if double { index += 2 }
        let signsEnd = index
        while byte(index) == UInt8(ascii: " ") || byte(index) == UInt8(ascii: "\t") { index += 1 }
        guard isDigit(byte(index)) else {
            index = signsEnd
            fail("E102", "expected a section number after '\(double ? "§§" : "§")'",
                 SourceRange(start, signsEnd), hint: "write e.g. § 83 or §§ 95-96")
            return add(.paragraph(""), from: start)
        }
        var text = ""
        while true {
            let partStart = index
            while isASCIIWordByte(byte(index)) { index += 1 }
            text += String(decoding: bytes[partStart..<index], as: UTF8.self)
            let next = byte(index)
            if next == UInt8(ascii: "-") || next == UInt8(ascii: "/"), isDigit(byte(index + 1)) {
                text.append(Character(UnicodeScalar(next)))
                index += 1
                continue
            }
            guard double else { break }
            if let after = join(after: index) {
                text += after.separator
                index = after.next
                continue
            }
            break
        }
        add(.paragraph(text), from: start)
    }

    /// After a section part at `offset`: `, ` or ` og ` followed by a digit, as the
    /// normalised separator and the offset of that digit.
    private func join(after offset: Int) -> (separator: String, next: Int)? {
        var k = offset
        if byte(k) == UInt8(ascii: ",") {
            k += 1
            while byte(k) == UInt8(ascii: " ") { k += 1 }
            return isDigit(byte(k)) ? (", ", k) : nil
        }
        guard byte(k) == UInt8(ascii: " ") else { return nil }
        while byte(k) == UInt8(ascii: " ") { k += 1 }
        guard byte(k) | 0x20 == UInt8(ascii: "o"), byte(k + 1) | 0x20 == UInt8(ascii: "g"),
              byte(k + 2) == UInt8(ascii: " ") else { return nil }
        k += 2
        while byte(k) == UInt8(ascii: " ") { k += 1 }
        return isDigit(byte(k)) ? (" og ", k) : nil
    }

    /// `text`, cut to 30 characters with an ellipsis.
    static func shorten(_ text: String) -> String {
        text.count > 30 ? String(text.prefix(29)) + "…" : text
    }
}
