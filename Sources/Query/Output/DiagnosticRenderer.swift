// Formats a diagnostic like a compiler: code and message, file:line:column,
// the source line, and a caret under the offending characters with the hint.

enum DiagnosticRenderer {
    static func render(_ diagnostic: Diagnostic, source: String, sourceName: String, firstLine: Int, color: Bool, language: Language = .en) -> String {
        let bytes = Array(source.utf8)
        let lower = min(max(0, diagnostic.range.lower), bytes.count)
        let upper = min(max(lower, diagnostic.range.upper), bytes.count)
        var lineStart = lower
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var lineEnd = lower
        while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        let lineNumber = firstLine + bytes[0..<lineStart].reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }

        // Only a window of bytes around the caret is decoded: a megabyte line costs no more.
        let window = 4 * 64
        let column = String(decoding: bytes[lineStart..<lower], as: UTF8.self).count + 1
        let before = displayable(bytes[clipStart(bytes, lineStart, lower - window)..<lower])
        let markedEnd = min(upper, lineEnd)
        let marked = displayable(bytes[lower..<clipEnd(bytes, markedEnd, lower + window)])
            + (markedEnd - lower > window ? "…" : "")
        let after = displayable(bytes[markedEnd..<clipEnd(bytes, lineEnd, markedEnd + window)])

        // Keep very long lines readable: a window around the caret.
        var shownBefore = before, shownMarked = marked, shownAfter = after
        if shownBefore.count > 60 { shownBefore = "…" + shownBefore.suffix(59) }
        if shownMarked.count > 60 { shownMarked = String(shownMarked.prefix(59)) + "…" }
        if shownAfter.count > 60 { shownAfter = String(shownAfter.prefix(59)) + "…" }

        let (red, bold, blue, reset) = color ? ("\u{1B}[31;1m", "\u{1B}[1m", "\u{1B}[34m", "\u{1B}[0m") : ("", "", "", "")
        let gutter = String(repeating: " ", count: String(lineNumber).count)
        let (message, hint) = Messages.word(diagnostic, language)
        var out = "\(red)\(language == .da ? "fejl" : "error")[\(diagnostic.code)]\(reset)\(bold): \(message)\(reset)\n"
        out += "\(gutter)\(blue)-->\(reset) \(sourceName):\(lineNumber):\(column)\n"
        out += "\(gutter) \(blue)|\(reset)\n"
        out += "\(blue)\(lineNumber) |\(reset) \(shownBefore)\(shownMarked)\(shownAfter)\n"
        let caret = String(repeating: "^", count: max(1, shownMarked.count))
        out += "\(gutter) \(blue)|\(reset) \(String(repeating: " ", count: shownBefore.count))\(red)\(caret)\(reset)"
        if let hint { out += " \(hint)" }
        if let suggestion = diagnostic.suggestion {
            out += "\n\(gutter) \(blue)=\(reset) \(language == .da ? "mente du" : "did you mean"): \(suggestion)"
        }
        return out + "\n"
    }

    /// `limit` moved forward to the start of a UTF-8 character, but not before `start`.
    static func clipStart(_ bytes: [UInt8], _ start: Int, _ limit: Int) -> Int {
        var index = max(start, limit)
        while index > start, index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
        return index
    }

    /// `limit` moved back to the start of a UTF-8 character, but not past `end`.
    static func clipEnd(_ bytes: [UInt8], _ end: Int, _ limit: Int) -> Int {
        var index = min(end, limit)
        while index < end, index > 0, bytes[index] & 0xC0 == 0x80 { index -= 1 }
        return index
    }

    /// Text safe to print: control characters shown as U+FFFD, tabs as spaces.
    static func displayable(_ bytes: ArraySlice<UInt8>) -> String {
        String(String(decoding: bytes, as: UTF8.self).map { character -> Character in
            if character == "\t" { return " " }
            if let scalar = character.unicodeScalars.first, scalar.value < 0x20 || scalar.value == 0x7F { return "\u{FFFD}" }
            return character
        })
    }
}
