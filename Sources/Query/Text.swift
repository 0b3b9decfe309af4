// Small string helpers the library shares, written without Foundation so the
// library stays light: replacing text, trimming.

extension Array where Element == String {
    /// The texts with `separator` between them, as the standard library's `joined(separator:)`
    /// gives them. This overload wins over the standard one, whose generic code instantiates
    /// collection metadata at run time: a scan of every protocol conformance in the program the
    /// first time, which each start would pay for its first title or note.
    func joined(separator: String = "") -> String {
        var text = ""
        for index in indices {
            if index > startIndex { text += separator }
            text += self[index]
        }
        return text
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement`.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    /// Leading and trailing spaces, tabs and newlines removed.
    var trimmed: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}

extension String {
    /// The text as a message may quote it: a quoted value ('…') longer than 100 characters
    /// is cut to its start and "…", and the whole message to 2,000 characters, so an error
    /// about a megabyte of hostile input stays a short line.
    var excerpted: String {
        let scalars = unicodeScalars
        guard scalars.count > 100 else { return self }
        var out = String.UnicodeScalarView()
        var quoted: Int?  // characters inside the quote opened last, if one is open
        var previous: Unicode.Scalar = " "
        var iterator = scalars.makeIterator()
        var next = iterator.next()
        while let scalar = next {
            next = iterator.next()
            defer { previous = scalar }
            if scalar == "'" {
                if quoted != nil, next.map(Self.endsQuote) ?? true {
                    quoted = nil
                } else if quoted == nil, Self.opensQuote(previous) {
                    quoted = 0
                    out.append(scalar)
                    continue
                }
            }
            if let count = quoted {
                quoted = count + 1
                if count == 100 { out.append("…") }
                if count >= 100 { continue }
            }
            out.append(scalar)
            if out.count >= 2000 { out.append("…"); break }
        }
        return String(out)
    }

    private static func opensQuote(_ before: Unicode.Scalar) -> Bool {
        before.properties.isWhitespace || before == "(" || before == "[" || before == "="
    }

    private static func endsQuote(_ after: Unicode.Scalar) -> Bool {
        switch after {
        case " ", "\n", "\t", ")", "]", ",", ".", ":", ";", "?", "!", "'": true
        default: false
        }
    }
}
