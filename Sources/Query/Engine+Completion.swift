// Tab completion: the words that may stand at the cursor, from the tokens
// before it: keywords, measures and dimensions (and their Danish spellings) where
// the grammar wants them, and values (municipalities, paragraphs, areas, years)
// after `field =`; a paragraph by its number or any part of its label.

extension Engine {
    /// Start (UTF-8 offset) of the partial word that ends at `cursor`: completions replace
    /// `line[start..<cursor]`. A partial word may start with a quote or `§`.
    public static func completionStart(in line: String, cursor: Int) -> Int {
        let bytes = Array(line.utf8.prefix(cursor))
        // Inside an open quote: the word starts at the quote.
        var open: Int?
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\"") {
            open = open == nil ? i : nil
        }
        if let open { return open }
        var start = bytes.count
        while start > 0 {
            let byte = bytes[start - 1]
            let isWord = byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
            if !isWord { break }
            start -= 1
        }
        // `§ 8`: the section sign and its blank belong to the word.
        if start >= 3, bytes[start - 1] == UInt8(ascii: " "), bytes[start - 3] == 0xC2, bytes[start - 2] == 0xA7 { start -= 3 }
        return start
    }

    /// Whole words (or quoted values) that may replace the partial word before `cursor`
    /// (see `completionStart`), filtered by that partial word regardless of case and of
    /// æ/ø/å versus ae/oe/aa.
    public func completions(in line: String, cursor: Int) -> [String] {
        let bytes = Array(line.utf8)
        let cursor = min(max(0, cursor), bytes.count)
        let start = Self.completionStart(in: line, cursor: cursor)
        let partial = String(decoding: bytes[start..<cursor], as: UTF8.self)
        let before = String(decoding: bytes[0..<start], as: UTF8.self)
        var tokens = Lexer.scan(before).tokens.filter { $0.kind != .newline && $0.kind != .end }
        if let lastSeparator = tokens.lastIndex(where: { $0.kind == .symbol(";") }) {
            tokens.removeSubrange(...lastSeparator)
        }
        let typed = partial.hasPrefix("\"") ? String(partial.dropFirst()) : partial
        let folded = foldName(typed)
        var all = candidates(after: tokens)
        if !typed.isEmpty { all += Self.danishSpellings(of: all) }
        // A complete word stays a candidate, so TAB never changes `rate` into `rate_`.
        return all.filter { candidate in
            let text = candidate.hasPrefix("\"") ? String(candidate.dropFirst()) : candidate
            return foldName(text).hasPrefix(folded)
                || (candidate.contains("§") && !typed.isEmpty && Self.sectionFold(text).contains(Self.sectionFold(typed)))
        }
    }

    /// Paragraph labels compared by any part: folded, `§ 83` and `§83` alike.
    static func sectionFold(_ text: String) -> String {
        foldName(text).replacingAll("§ ", with: "§").replacingAll("\"", with: "")
    }

    /// The other (Danish) spellings, from the Schema, of the keywords, measures, dimensions
    /// and `show` targets among `names`.
    static func danishSpellings(of names: [String]) -> [String] {
        let present = Set(names)
        let others = Schema.measures.filter { present.contains($0.name) }.flatMap(\.spellings)
            + Schema.dimensions.filter { present.contains($0.name) }.flatMap(\.spellings)
            + Schema.keywords.filter { present.contains($0.spellings[0]) }.flatMap { $0.spellings.dropFirst() }
            + Schema.showTargets.filter { present.contains($0.spellings[0]) }.map { $0.spellings[1] }
        return Array(Set(others).subtracting(present)).sorted()
    }

    func candidates(after tokens: [Token]) -> [String] {
        let measures = Schema.measures.map(\.name)
        let dimensions = Schema.dimensions.map(\.name)
        func word(_ token: Token?) -> String? {
            if case .word(let w)? = token?.kind { return w.lowercased() }
            return nil
        }
        /// The keyword a token spells, in any language.
        func keyword(_ token: Token?) -> Keyword? { word(token).flatMap(Schema.keyword(spelled:)) }
        guard let last = tokens.last else { return measures + Parser.commandKeywords }
        let previous = tokens.count > 1 ? tokens[tokens.count - 2] : nil
        switch last.kind {
        case .symbol("=") , .symbol("!="), .symbol("<>"), .symbol("<"), .symbol(">"), .symbol("<="), .symbol(">="):
            return values(for: word(previous))
        case .symbol("("), .symbol(","):
            // Inside `field in (…)`: values of that field; otherwise a list of names.
            if let open = tokens.lastIndex(where: { $0.kind == .symbol("(") }),
                !tokens[open...].contains(where: { $0.kind == .symbol(")") }),
                open >= 2, keyword(tokens[open - 1]) == .in {
                return values(for: word(tokens[open - 2]))
            }
            if last.kind == .symbol("(") { return dimensions + measures + ["not"] }
            let clause = keyword(lastClause(tokens[...]))
            if clause == .by { return dimensions }
            if clause == .year || clause == .years { return domains.yearList.map(String.init) }
            return measures
        default: break
        }
        if let w = word(last), Binder.dimension(named: w) != nil,
            keyword(previous) == .by || (previous?.kind == .symbol(",") && keyword(lastClause(tokens.dropLast())) == .by) {
            return Parser.clauseKeywords  // a finished `by` item
        }
        switch keyword(last) {
        case .show: return Schema.showTargets.map { $0.spellings[0] }
        case .describe: return measures + dimensions
        case .by: return keyword(previous) == .order ? dimensions + measures : dimensions
        case .where, .and, .or, .not: return dimensions + measures + (keyword(last) == .not ? [] : ["not"])
        case .vs: return ["national"] + domains.yearList.map(String.init)
        case .national: return keyword(previous) == .vs ? ["exact", "fdr"] + Parser.clauseKeywords : Parser.clauseKeywords
        case .rolling, .over: return ["2", "3", "4", "5"]
        case .order: return word(last)?.contains(" ") == true ? dimensions + measures : ["by"]  // `sorter efter` includes its by
        case .year, .years, .since: return domains.yearList.map(String.init)
        case .quarter, .quarters: return ["1", "2", "3", "4"]
        case .in: return ["("]
        default:
            return Parser.clauseKeywords + (keyword(previous) == .by ? [] : ["and", "or", "asc", "desc"])
        }
    }

    /// The last clause keyword among the tokens.
    func lastClause(_ tokens: ArraySlice<Token>) -> Token? {
        tokens.last { token in
            guard case .word(let w) = token.kind, let keyword = Schema.keyword(spelled: w) else { return false }
            return Keyword.clauses.contains(keyword)
        }
    }

    /// Values a field can be compared with.
    func values(for field: String?) -> [String] {
        func quoted(_ text: String) -> String { text.contains(" ") ? "\"\(text)\"" : text }
        let catalog = store.catalog
        guard let dimension = field.flatMap(Schema.dimension(named:)) else { return [] }
        switch dimension.source {
        case .municipality: return catalog.municipalities.map(\.name)
        case .lookup(let lookup):
            // "Region Sjælland" or, as the binder also accepts, Sjælland.
            let values = domains.lookup(dimension).values
            let short = lookup.prefix.map { prefix in values.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 } } ?? []
            return short + values.map(quoted)
        case .paragraph: return catalog.paragraphs.map { quoted($0.label) }
        case .area: return Schema.areas.map { $0.query[0] }
        case .year: return domains.yearList.map(String.init)
        case .quarter: return ["1", "2", "3", "4"]
        }
    }
}
