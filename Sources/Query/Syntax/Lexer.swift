// The lexer: turns query text into tokens in one linear pass over its UTF-8 bytes.
// Lexical rules (words, numbers, periods, §-literals, strings, comments) are in
// docs/LANGUAGE.md; errors are E100-E105.

/// Splits query text into `Token`s.
struct Lexer {
    /// The tokens of `source` (ending with `.end`), or the first lexical error.
    static func tokenize(_ source: String) -> Result<[Token], Diagnostic> {
        let scan = scan(source)
        if let first = scan.errors.first { return .failure(first) }
        return .success(scan.tokens)
    }

    /// All tokens of `source` plus every lexical error; lexing always continues.
    /// A bad character is skipped; an unterminated string becomes a string token up
    /// to the end of its line; a bad number or period becomes a word token, and a
    /// bare `§` an empty paragraph, so the parser sees a plausible statement.
    static func scan(_ source: String) -> (tokens: [Token], errors: [Diagnostic]) {
        var lexer = Lexer(bytes: Array(source.utf8))
        lexer.run()
        return (Lexer.mergePhrases(lexer.tokens), lexer.errors)
    }

    let bytes: [UInt8]
    var index = 0
    var tokens: [Token] = []
    var errors: [Diagnostic] = []
    /// The last token is a statement's first word `load`: a path may follow unquoted.
    private var pathMayFollow = false

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        tokens.reserveCapacity(bytes.count / 4 + 1)
    }

    /// The byte at `offset`, or 0 past the end (0 never starts a token).
    func byte(_ offset: Int) -> UInt8 {
        offset < bytes.count ? bytes[offset] : 0
    }

    /// The longest word, number or string (a file path fits; a pasted megabyte does not).
    static let maxTokenBytes = 4096

    mutating func add(_ kind: Token.Kind, from start: Int) {
        if index - start > Self.maxTokenBytes {
            fail("E105", "a word of \(index - start) bytes is too long (at most \(Self.maxTokenBytes))",
                 SourceRange(start, index), hint: "names and paths are much shorter; was something pasted by mistake?")
        }
        pathMayFollow = false
        if case .word(let word) = kind, word.utf8.count <= 16, [.load, .unload].contains(Schema.keyword(spelled: word)) {
            pathMayFollow = tokens.last.map { $0.kind == .newline || $0.kind == .symbol(";") } ?? true
        }
        tokens.append(Token(kind, SourceRange(start, index)))
    }

    mutating func fail(_ code: String, _ message: String, _ range: SourceRange, hint: String? = nil) {
        errors.append(Diagnostic(code, message, at: range, hint: hint))
    }

    private mutating func run() {
        // A byte-order mark at the very start is ignored.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count {
            let start = index
            let b = bytes[index]
            if startsUnquotedPath(b) {
                lexPath()
                continue
            }
            switch b {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                index += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                index += b == UInt8(ascii: "\r") && byte(index + 1) == UInt8(ascii: "\n") ? 2 : 1
                if tokens.last?.kind != .newline { add(.newline, from: start) }
            case UInt8(ascii: "#"):
                skipToEndOfLine()
            case UInt8(ascii: "-"):
                if byte(index + 1) == UInt8(ascii: "-") {
                    skipToEndOfLine()
                } else {
                    index += 1
                    let hint = isDigit(byte(index)) ? "negative numbers are not supported" : nil
                    fail("E100", "unexpected character '-'", SourceRange(start, index), hint: hint)
                }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                lexString(quote: b)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                lexNumberOrWord()
            case UInt8(ascii: ","), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ";"), UInt8(ascii: "="):
                index += 1
                add(.symbol(String(UnicodeScalar(b))), from: start)
            case UInt8(ascii: "<"):
                switch byte(index + 1) {
                case UInt8(ascii: "="): index += 2; add(.symbol("<="), from: start)
                case UInt8(ascii: ">"): index += 2; add(.symbol("!="), from: start)
                default: index += 1; add(.symbol("<"), from: start)
                }
            case UInt8(ascii: ">"):
                let two = byte(index + 1) == UInt8(ascii: "=")
                index += two ? 2 : 1
                add(.symbol(two ? ">=" : ">"), from: start)
            case UInt8(ascii: "!") where byte(index + 1) == UInt8(ascii: "="):
                index += 2
                add(.symbol("!="), from: start)
            case UInt8(ascii: ".") where byte(index + 1) == UInt8(ascii: "."):
                index += 2
                add(.symbol(".."), from: start)
            case 0xC2 where byte(index + 1) == 0xA7:  // §
                lexParagraph()
            case 0xC2 where byte(index + 1) == 0xA0:  // no-break space counts as a space
                index += 2
            default:
                let (scalar, length) = decodeScalar(at: index)
                if isWordStart(scalar) {
                    lexWord()
                } else {
                    index += length
                    unexpected(scalar, SourceRange(start, index))
                }
            }
        }
        tokens.append(Token(.end, SourceRange(bytes.count, bytes.count)))
    }

    /// After a statement's first word `load`, an unquoted path: `load downloads/ANKEAST1.px`.
    private func startsUnquotedPath(_ b: UInt8) -> Bool {
        pathMayFollow && b > 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "'") && b != UInt8(ascii: "#")
            && b != UInt8(ascii: ";") && b != UInt8(ascii: "-")
    }

    /// A path runs to the next blank, `;` or line end.
    private mutating func lexPath() {
        let start = index
        while index < bytes.count, bytes[index] > 0x20, bytes[index] != UInt8(ascii: ";") { index += 1 }
        add(.word(String(decoding: bytes[start..<index], as: UTF8.self)), from: start)
    }

    private mutating func skipToEndOfLine() {
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") {
            index += 1
        }
    }

    /// `"…"` or `'…'`: no escapes, closed on the same line.
    private mutating func lexString(quote: UInt8) {
        let start = index
        index += 1
        while index < bytes.count, bytes[index] != quote {
            if bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") {
                break
            }
            index += 1
        }
        guard index < bytes.count, bytes[index] == quote else {
            let q = String(UnicodeScalar(quote))
            fail("E101", "unterminated string", SourceRange(start, start + 1),
                 hint: "close it with \(q) on the same line")
            // The rest of the line stands in as the string, so parsing goes on sanely.
            return add(.string(String(decoding: bytes[(start + 1)..<index], as: UTF8.self)), from: start)
        }
        let text = String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
        index += 1
        add(.string(text), from: start)
    }

    /// A word: a letter or `_`, then letters, digits, `_`, combining marks, and
    /// `-` when a letter or digit follows it.
    private mutating func lexWord() {
        let start = index
        skipWordCharacters()
        // `pr.`: a spelling that ends in a period keeps it (`..` still starts a range).
        if byte(index) == UInt8(ascii: "."), byte(index + 1) != UInt8(ascii: "."), index - start <= Self.longestDotted,
           Self.dottedWords.contains(foldName(String(decoding: bytes[start..<index], as: UTF8.self))) {
            index += 1
        }
        add(.word(String(decoding: bytes[start..<index], as: UTF8.self)), from: start)
    }

    /// Advances over word characters (see `lexWord`).
    mutating func skipWordCharacters() {
        while index < bytes.count {
            let b = bytes[index]
            if b < 0x80 {
                if isASCIIWordByte(b) {
                    index += 1
                } else if b == UInt8(ascii: "-"), startsWordCharacter(at: index + 1) {
                    index += 1
                } else {
                    return
                }
            } else {
                let (scalar, length) = decodeScalar(at: index)
                guard isWordContinue(scalar) else { return }
                index += length
            }
        }
    }

    /// True when the character at `offset` is a letter or digit (what may follow a `-` in a word).
    func startsWordCharacter(at offset: Int) -> Bool {
        let b = byte(offset)
        if b < 0x80 { return isDigit(b) || isASCIILetter(b) }
        return isLetter(decodeScalar(at: offset).scalar)
    }

    mutating func unexpected(_ scalar: Unicode.Scalar, _ range: SourceRange) {
        var hint: String?
        switch scalar {
        case "!": hint = "did you mean '!='?"
        case ".": hint = "ranges are written 2019..2023"
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2018}", "\u{2019}", "\u{00AB}", "\u{00BB}":
            hint = "quote with plain \" or '"
        default: break
        }
        fail("E100", "unexpected character \(Lexer.display(scalar))", range, hint: hint)
    }

    /// `'x'` for visible characters, `U+0007` for control and invisible ones.
    static func display(_ scalar: Unicode.Scalar) -> String {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator,
             .paragraphSeparator, .spaceSeparator, .nonspacingMark, .enclosingMark:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        default:
            return "'\(scalar)'"
        }
    }

    /// Decodes the UTF-8 scalar at `offset` (the input is valid UTF-8, as every Swift String).
    func decodeScalar(at offset: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let b0 = UInt32(byte(offset))
        var value: UInt32
        var length: Int
        switch b0 {
        case 0..<0x80: return (Unicode.Scalar(UInt8(b0)), 1)
        case 0xC0..<0xE0: value = b0 & 0x1F; length = 2
        case 0xE0..<0xF0: value = b0 & 0x0F; length = 3
        default: value = b0 & 0x07; length = 4
        }
        for k in 1..<length { value = value << 6 | UInt32(byte(offset + k) & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

func isASCIILetter(_ b: UInt8) -> Bool {
    (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
}

func isASCIIWordByte(_ b: UInt8) -> Bool { isASCIILetter(b) || isDigit(b) || b == UInt8(ascii: "_") }

func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
    default: false
    }
}

func isWordStart(_ scalar: Unicode.Scalar) -> Bool { scalar == "_" || isLetter(scalar) }

func isWordContinue(_ scalar: Unicode.Scalar) -> Bool {
    if isLetter(scalar) { return true }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark: return true
    default: return false
    }
}
