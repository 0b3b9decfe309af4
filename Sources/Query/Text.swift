// Small string helpers the library shares, written without Foundation so the
// library stays light: replacing text, trimming.

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
    /// The text as a message may quote it: each run of more than 60 non-space characters
    /// cut to its start and "…", and the whole at most 800 characters, so an error about a
    /// megabyte of hostile input stays a short line.
    var excerpted: String {
        let scalars = unicodeScalars
        guard scalars.count > 60 else { return self }
        var out = String.UnicodeScalarView()
        var run = 0
        var cutTail = String.UnicodeScalarView()  // closing punctuation of a cut run, e.g. `'`
        for scalar in scalars {
            if scalar.properties.isWhitespace {
                out.append(contentsOf: cutTail)
                cutTail = String.UnicodeScalarView()
                run = 0
            } else {
                run += 1
                if run > 60 {
                    if run == 61 { out.append("…") }
                    if Self.closing(scalar) {
                        if cutTail.count < 3 { cutTail.append(scalar) }
                    } else {
                        cutTail = String.UnicodeScalarView()
                    }
                    continue
                }
            }
            out.append(scalar)
            if out.count >= 800 { out.append("…"); break }
        }
        out.append(contentsOf: cutTail)
        return String(out)
    }

    private static func closing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "'", "\"", ")", "]", "}", ".", ",", ":", ";": true
        default: false
        }
    }
}
