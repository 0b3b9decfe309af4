// "did you mean: <statement>": after a statement fails to parse or bind, a complete
// statement close to it that does run. Several tries, the first that parses and binds
// wins: a near word (keyword, measure, dimension, value) in place of the one under the
// caret; for a clause given twice, `and` for a second `where` or the clause dropped; the
// default measure before a statement that starts with a clause; the word dropped; or the
// statement rebuilt from the words recognised in it (`rate for Aarhus in 2021` ->
// `rate where municipality = Aarhus year 2021`).
// Bounded: only short statements are tried, each try is linear in its tokens.

extension Engine {
    /// Statements longer than this (UTF-8 bytes or tokens) get no suggestion.
    static let suggestionLimit = (bytes: 400, tokens: 48)

    /// `diagnostic` with a suggestion when a working statement close to the failed one is found.
    func suggesting(_ diagnostic: Diagnostic, in source: String) -> Diagnostic {
        guard diagnostic.suggestion == nil, Self.suggestible(diagnostic.code),
              let (statement, offset) = Self.statement(around: diagnostic.range, in: source) else { return diagnostic }
        var diagnostic = diagnostic
        let range = SourceRange(diagnostic.range.lower - offset, diagnostic.range.upper - offset)
        diagnostic.suggestion = suggestion(for: statement, at: range, code: diagnostic.code)
        return diagnostic
    }

    /// Syntax (E110-E115) and name/value errors (E2xx); not lexical, size or data errors.
    static func suggestible(_ code: String) -> Bool {
        ["E110", "E112", "E114"].contains(code) || code.hasPrefix("E2")
    }

    /// The one-line statement (between `;`s) holding `range`, and its offset in `source`.
    static func statement(around range: SourceRange, in source: String) -> (String, Int)? {
        let bytes = Array(source.utf8)
        guard range.lower <= bytes.count else { return nil }
        var start = min(range.lower, bytes.count), end = start
        while start > 0, bytes[start - 1] != UInt8(ascii: ";") { start -= 1 }
        while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
        let text = bytes[start..<end]
        guard text.count <= suggestionLimit.bytes, !text.contains(UInt8(ascii: "\n")),
              !text.contains(UInt8(ascii: "\r")) else { return nil }
        return (String(decoding: text, as: UTF8.self), start)
    }

    /// A working statement close to `statement` (which failed at `range`), or nil.
    func suggestion(for statement: String, at range: SourceRange, code: String) -> String? {
        let tokens = Lexer.scan(statement).tokens
        guard tokens.count <= Self.suggestionLimit.tokens else { return nil }
        let bytes = Array(statement.utf8)
        guard range.lower < range.upper, range.upper <= bytes.count else { return nil }
        let before = String(decoding: bytes[..<range.lower], as: UTF8.self)
        let marked = String(decoding: bytes[range.lower..<range.upper], as: UTF8.self)
        let after = String(decoding: bytes[range.upper...], as: UTF8.self)
        var tries: [String] = []
        // 1. One of the three nearest known words in place of the marked one.
        let folded = foldName(marked)
        tries += nearby(marked, in: replacements.filter { foldName($0) != folded }).prefix(3).map { before + $0 + after }
        if code == "E112", let clause = tokens.firstIndex(where: { $0.range == range }) {
            // A clause given twice: a second `where` joins with `and`; any other is dropped.
            if Schema.keyword(spelled: marked) == .where { tries.append(before + "and" + after) }
            let next = tokens[(clause + 1)...].first { token in
                if case .word(let w) = token.kind, let k = Schema.keyword(spelled: w) { return Keyword.clauses.contains(k) }
                return token.kind == .end
            }
            tries.append(before + String(decoding: bytes[(next?.range.lower ?? bytes.count)...], as: UTF8.self))
        }
        if code.hasPrefix("E1") {
            // 2. A clause where a statement starts: the default measure before it.
            if tokens.first?.range == range, Schema.keyword(spelled: marked).map(Keyword.clauses.contains) == true {
                tries.append("rate " + statement)
            }
            // 3. Without the marked word. 4. Rebuilt from the words recognised.
            tries.append(before + after)
            if let rebuilt = rebuild(tokens, in: bytes) { tries.append(rebuilt) }
        }
        let typed = Self.normalized(statement)
        return tries.lazy.map(Self.normalized).first { $0 != typed && runs($0) }
    }

    /// Words that may replace a mistyped one: every spelling, and the values of the data.
    var replacements: [String] {
        Schema.spellings + Schema.showTargets.flatMap(\.spellings)
            + store.catalog.municipalities.map(\.name) + store.catalog.regions
            + store.catalog.regions.map { $0.hasPrefix("Region ") ? String($0.dropFirst(7)) : $0 }
            + Schema.areas.map { $0.query[0] }
    }

    /// One blank between words, none at the ends.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Whether `statement` parses and binds (queries) or names what it shows or describes;
    /// `load` and `unload` are never suggested, as trying them would change what is loaded.
    func runs(_ statement: String) -> Bool {
        let parsed = Parser.parse(statement)
        guard parsed.count == 1, case .success(let s) = parsed[0] else { return false }
        do {
            switch s.kind {
            case .query(let query), .answer(let query):
                _ = try Binder(store: store, source: statement, domains: domains).bind(query)
            case .show(let name): _ = try show(name)
            case .describe(let name): _ = try describe(name)
            case .load, .unload: return false
            case .check: break
            }
            return true
        } catch {
            return false
        }
    }

    // MARK: Rebuilding a statement from the words recognised in it

    /// `measures [by dims] [where conditions] [time] [vs national] [top|bottom N]` from the
    /// measures, dimensions, values (municipalities, regions, areas, paragraphs, years) and
    /// keywords recognised in `tokens`, in any order; other words are left out.
    func rebuild(_ tokens: [Token], in bytes: [UInt8]) -> String? {
        var measures: [String] = [], mentioned: [String] = [], grouped: [String] = []
        var values: [(dimension: String, value: String)] = []
        var years: [String] = [], since: String?, cut: String?, rolling: String?, national = false
        var conditions: [String] = []  // `field op value` as typed
        var mode: Keyword?  // the last keyword, which decides what a number or name after it is
        func add(_ list: inout [String], _ item: String) { if !list.contains(item) { list.append(item) } }
        func numberFollows(_ index: Int) -> Bool {
            guard index + 1 < tokens.count else { return false }
            switch tokens[index + 1].kind {
            case .integer, .period: return true
            case .word(let w): return w.first?.isNumber == true  // `2019-2021`
            default: return false
            }
        }
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token.kind {
            case .word(let word):
                let keyword = Schema.keyword(spelled: word)
                if keyword == .national, mode == .vs { national = true }
                // `year` before a number is the clause; otherwise (`by year`) the dimension.
                if let keyword, (keyword != .year && keyword != .years) || numberFollows(index - 1) {
                    mode = keyword
                    continue
                }
                // `field op value` stays a condition as typed.
                if index + 1 < tokens.count, case .symbol(let op) = tokens[index].kind, ComparisonOperator(rawValue: op) != nil,
                   Schema.measure(named: word) != nil || dimension(named: word) != nil {
                    switch tokens[index + 1].kind {
                    case .word, .string, .integer, .decimal, .paragraph, .period:
                        conditions.append(Self.normalized(String(decoding: bytes[token.range.lower..<tokens[index + 1].range.upper], as: UTF8.self)))
                        index += 2
                        continue
                    default: break
                    }
                }
                let ends = word.split(separator: "-").compactMap { Int($0) }
                if ends.count == 2, word.split(separator: "-").count == 2 {  // `2019-2021`
                    if mode == .since { since = "\(ends[0])" } else { add(&years, "\(ends[0])..\(ends[1])") }
                } else if let measure = Schema.measure(named: word) {
                    add(&measures, measure.name)
                } else if let dimension = dimension(named: word) {
                    if mode == .by { add(&grouped, dimension.name) } else { add(&mentioned, dimension.name) }
                } else if let value = value(of: word) {
                    values.append(value)
                }
            case .string(let text):
                if let value = value(of: text) { values.append(value) }
            case .paragraph(let text):
                values.append(("paragraph", "§ " + text))
            case .integer(let number):
                if mode == .rolling || mode == .over {
                    rolling = "rolling \(number)"
                    mode = nil
                } else if mode == .top || mode == .bottom || mode == .limit {
                    cut = "\(mode == .limit ? "limit" : mode == .top ? "top" : "bottom") \(number)"
                    mode = nil
                } else if domains.yearList.contains(number) {
                    if mode == .since { since = "\(number)" } else { add(&years, "\(number)") }
                }
            case .period:
                let text = String(decoding: bytes[token.range.lower..<token.range.upper], as: UTF8.self)
                if mode == .since { since = text } else { add(&years, text) }
            case .symbol(".."):
                // `2019..2023`: one span.
                if let last = years.last, index < tokens.count, case .integer(let to) = tokens[index].kind {
                    years[years.count - 1] = "\(last)..\(to)"
                    index += 1
                }
            default:
                break
            }
        }
        guard !(values.isEmpty && conditions.isEmpty && years.isEmpty && since == nil && grouped.isEmpty && mentioned.isEmpty) else { return nil }
        var valuesByDimension: [(String, [String])] = []
        for (dimension, value) in values {
            if let k = valuesByDimension.firstIndex(where: { $0.0 == dimension }) {
                if !valuesByDimension[k].1.contains(value) { valuesByDimension[k].1.append(value) }
            } else {
                valuesByDimension.append((dimension, [value]))
            }
        }
        // A dimension named without a value groups; one given several values (`Aarhus and Odense`) too.
        for dimension in mentioned where !valuesByDimension.contains(where: { $0.0 == dimension }) { add(&grouped, dimension) }
        for (dimension, list) in valuesByDimension where list.count > 1 { add(&grouped, dimension) }
        var parts = [(measures.isEmpty ? ["rate"] : measures).joined(separator: ", ")]
        if !grouped.isEmpty { parts.append("by " + grouped.joined(separator: ", ")) }
        conditions += valuesByDimension.map { dimension, list in
            list.count == 1 ? "\(dimension) = \(list[0])" : "\(dimension) in (\(list.joined(separator: ", ")))"
        }
        if !conditions.isEmpty { parts.append("where " + conditions.joined(separator: " and ")) }
        if !years.isEmpty { parts.append((years.count == 1 ? "year " : "years ") + years.joined(separator: ", ")) }
        if let since { parts.append("since " + since) }
        if let rolling { parts.append(rolling) }
        if national { parts.append("vs national") }
        if let cut { parts.append(cut) }
        return parts.joined(separator: " ")
    }

    /// A dimension by any spelling, or by a `show` target's (plural) spelling: `municipalities`.
    func dimension(named word: String) -> Dimension? {
        if let dimension = Schema.dimension(named: word) { return dimension }
        let folded = foldName(word)
        guard let target = Schema.showTargets.first(where: { $0.spellings.contains { foldName($0) == folded } }) else { return nil }
        return target.spellings.lazy.compactMap(Schema.dimension(named:)).first
    }

    /// The dimension and canonical spelling of a value: a municipality, region, law or area.
    func value(of word: String) -> (dimension: String, value: String)? {
        let folded = foldName(word)
        let catalog = store.catalog
        if let index = domains.municipalityByName[folded] { return ("municipality", Self.quoted(catalog.municipalities[index].name)) }
        for dimension in Schema.dimensions {
            guard case .lookup(let lookup) = dimension.source else { continue }
            for value in domains.lookup(dimension).values {
                let short = lookup.prefix.flatMap { value.hasPrefix($0) ? String(value.dropFirst($0.count)) : nil }
                if foldName(value) == folded || short.map(foldName) == folded { return (dimension.name, Self.quoted(short ?? value)) }
            }
        }
        if let area = Schema.area(named: word) { return ("area", Self.quoted(area.spelling.query[0])) }
        return nil
    }

    static func quoted(_ text: String) -> String { text.contains(" ") ? "\"\(text)\"" : text }
}
