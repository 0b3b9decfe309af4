// Spellings of more than one word (`fordelt på`, `sorter efter`, `antal sager`) and
// spellings that end in a period (`pr.`), all from the Schema: after lexing, adjacent
// words that spell one are merged into a single word token covering them all, the
// longest spelling first, so the parser sees one keyword or name and a caret marks it whole.

extension Lexer {
    /// Multi-word spellings by their first folded word: each as its folded words, longest first.
    static let phrases: [String: [[String]]] = {
        var byFirst: [String: [[String]]] = [:]
        // Split as bytes (the spellings are words and blanks), not Characters: this is built at every start.
        for spelling in Schema.spellings where spelling.utf8.contains(0x20) {
            let words = foldName(spelling).utf8.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
            byFirst[words[0], default: []].append(words)
        }
        return byFirst.mapValues { $0.sorted { $0.count > $1.count } }
    }()

    /// No word of a multi-word spelling is longer (UTF-8 bytes, folded): longer words are never folded.
    /// Plain loops: `joined().joined().map` went through unspecialised generic code at every start.
    static let longestPhraseWord: Int = {
        var longest = 0
        for spellings in phrases.values {
            for words in spellings {
                for word in words { longest = max(longest, word.utf8.count) }
            }
        }
        return longest
    }()

    /// Spellings that end in a period (`pr.`), folded, without the period.
    static let dottedWords: Set<String> = Set(Schema.spellings.filter { $0.hasSuffix(".") }.map { foldName(String($0.dropLast())) })
    static let longestDotted = dottedWords.map(\.utf8.count).max() ?? 0

    /// `tokens` with each run of adjacent word tokens that spells a multi-word keyword,
    /// measure or dimension replaced by one word token (its words joined by one blank).
    /// Linear: each token is folded at most once, and only a few spellings start with it.
    static func mergePhrases(_ tokens: [Token]) -> [Token] {
        guard !phrases.isEmpty else { return tokens }
        let folded: [String?] = tokens.map { token in
            guard case .word(let text) = token.kind, text.utf8.count <= 2 * longestPhraseWord else { return nil }
            return foldName(text)
        }
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            if let first = folded[i], let candidates = phrases[first],
               let words = candidates.first(where: { words in
                   i + words.count <= tokens.count && (1..<words.count).allSatisfy { folded[i + $0] == words[$0] }
               }) {
                let run = tokens[i..<(i + words.count)]
                let text = run.map { token -> String in
                    if case .word(let w) = token.kind { return w }
                    return ""
                }.joined(separator: " ")
                out.append(Token(.word(text), run.first!.range.union(run.last!.range)))
                i += words.count
            } else {
                out.append(tokens[i])
                i += 1
            }
        }
        return out
    }
}
