// The parser: tokens -> one `Statement` (or a `Diagnostic`) per statement, recovering
// after an error at the next `;` or line that starts a statement. One method per
// grammar rule (Parser+Query.swift, Parser+Expr.swift); grammar in docs/LANGUAGE.md.

/// Parses dkq query text.
struct Parser {
    /// Spellings of the words that start a clause after the measures (from `Schema.keywords`).
    static let clauseKeywords = Keyword.clauses.flatMap(\.spellings)
    /// Spellings of the words that start a statement other than a query.
    static let commandKeywords = Keyword.commands.flatMap(\.spellings)
    /// Parentheses and `not` may nest at most this deep (E113).
    static let maximumDepth = 256
    /// A statement may hold at most this many tokens (E116): the longest real query
    /// (every municipality in one `in` list) has about 200; a pasted megabyte has 150,000.
    static let maximumTokens = 10_000

    let tokens: [Token]
    let source: [UInt8]
    var position = 0
    var depth = 0

    /// One result per statement of `source`, in order. A statement with a lexical or
    /// syntax error yields its first error; parsing resumes with the next statement.
    static func parse(_ source: String) -> [Parsed] {
        let scan = Lexer.scan(source)
        var parser = Parser(tokens: scan.tokens, source: Array(source.utf8))
        return parser.parseScript(lexErrors: scan.errors)
    }

    /// True when the last statement of `source` ended while it still needed more
    /// tokens (error E111) and nothing else is wrong: the shell should read another line.
    static func needsMoreInput(_ source: String) -> Bool {
        let results = parse(source)
        for (offset, result) in results.enumerated() {
            if case .failure(let diagnostic) = result {
                return offset == results.count - 1 && diagnostic.code == "E111"
            }
        }
        return false
    }

    private mutating func parseScript(lexErrors: [Diagnostic]) -> [Parsed] {
        var results: [Parsed] = []
        var nextLexError = 0
        while true {
            skipSeparators()
            if current.kind == .end { break }
            // Lexical errors before this statement (e.g. a line holding only a bad
            // character) are reported on their own, before it.
            if nextLexError < lexErrors.count, lexErrors[nextLexError].range.lower < current.range.lower {
                results.append(.failure(lexErrors[nextLexError]))
                while nextLexError < lexErrors.count, lexErrors[nextLexError].range.lower < current.range.lower {
                    nextLexError += 1
                }
            }
            let start = position
            var result: Parsed
            do {
                result = .success(try parseStatement())
            } catch {
                recover(from: start)
                result = .failure(error)
            }
            if let tooLong = tooLong(from: start), !result.failsBefore(tooLong.range.lower) {
                result = .failure(tooLong)
            }
            // A lexical error before the end of this statement belongs to it and wins
            // when it comes first (or when the parser only ran out of input).
            let spanEnd = current.range.lower
            if nextLexError < lexErrors.count, lexErrors[nextLexError].range.lower < spanEnd {
                let lexError = lexErrors[nextLexError]
                switch result {
                case .success:
                    result = .failure(lexError)
                case .failure(let syntaxError):
                    if syntaxError.code == "E111" || lexError.range.lower <= syntaxError.range.lower {
                        result = .failure(lexError)
                    }
                }
                while nextLexError < lexErrors.count, lexErrors[nextLexError].range.lower < spanEnd {
                    nextLexError += 1
                }
            }
            results.append(result)
        }
        if nextLexError < lexErrors.count { results.append(.failure(lexErrors[nextLexError])) }
        return results
    }

    /// statement := 'show' WORD | 'describe' WORD | 'load' (STRING | WORD) ['as' STRING] | 'check' | 'answer' query | query
    private mutating func parseStatement() throws(Diagnostic) -> Statement {
        let first = current
        guard case .word = first.kind else {
            throw expected("a measure", found: first,
                           hint: "a statement starts with measures (rate by municipality) or show, describe, load, check")
        }
        let kind: Statement.Kind
        if isKeyword(first, .show) {
            advance()
            kind = .show(try expectName("what to show (municipalities, paragraphs, areas, years, measures, …)"))
        } else if isKeyword(first, .describe) {
            advance()
            kind = .describe(try expectName("a measure to describe"))
        } else if isKeyword(first, .unload) {
            advance()
            kind = .unload(try fileName(example: "unload \"data.csv\""))
        } else if isKeyword(first, .load) {
            advance()
            let file = try fileName(example: "load \"data.csv\"")
            // `load "x.csv" as "Ankestyrelsen, talportal, udtræk 2025-03-01"`: the citation to use.
            var citation: Literal?
            if isKeyword(current, .as) {
                advance()
                guard case .string(let text) = current.kind, !text.trimmed.isEmpty else {
                    throw expected("the citation in quotes", found: current,
                                   hint: "e.g. load \"x.csv\" as \"Ankestyrelsen, talportal, udtræk 2025-03-01\"")
                }
                citation = Literal(.string(text), current.range)
                advance()
            }
            kind = .load(file, citation: citation)
        } else if isKeyword(first, .answer) {
            advance()
            kind = .answer(try parseQuery())
        } else if isKeyword(first, .check) {
            advance()
            kind = .check
        } else {
            return Statement(.query(try parseQuery()), range: first.range.union(lastRange))
        }
        switch current.kind {
        case .end, .newline, .symbol(";"): break
        default: throw expected("';' or end of line", found: current)
        }
        return Statement(kind, range: first.range.union(lastRange))
    }

    /// The file name after `load` or `unload`.
    private mutating func fileName(example: String) throws(Diagnostic) -> Literal {
        skipNewlines()
        let token = current
        let file: Literal
        switch token.kind {
        case .string(let text): file = Literal(.string(text), token.range)
        case .word(let text): file = Literal(.word(text), token.range)
        default: throw expected("a file name in quotes", found: token, hint: "e.g. \(example)")
        }
        advance()
        return file
    }

    /// E116 at the first token past `maximumTokens` when the statement that began at
    /// token `start` (and ends before `position`) is longer than that.
    private func tooLong(from start: Int) -> Diagnostic? {
        guard position - start > Self.maximumTokens else { return nil }
        return Diagnostic(
            "E116", "statement too long (more than \(Self.maximumTokens) words and symbols)",
            at: tokens[start + Self.maximumTokens].range,
            hint: "split it into several statements; a list names each value once")
    }

    /// After an error in the statement that began at token `start`: skips to the next
    /// `;`, or to a newline after which no continuation (clause keyword, `and`, `or`)
    /// follows. The offending token itself is kept when it starts a new line and
    /// could start a statement.
    private mutating func recover(from start: Int) {
        if position > start, tokens[position - 1].kind == .newline, startsStatement(current) { return }
        while true {
            switch current.kind {
            case .end, .symbol(";"): return
            case .newline where !continuesAfterNewline(): return
            default: advance()
            }
        }
    }
}

// MARK: - Token access and errors

extension Parser {
    var current: Token { tokens[position] }

    /// The range of the last token before `position` that is not a newline.
    var lastRange: SourceRange {
        var k = position - 1
        while k >= 0, tokens[k].kind == .newline { k -= 1 }
        return k >= 0 ? tokens[k].range : SourceRange(0, 0)
    }

    mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    /// Skips newlines: used wherever the statement is unfinished.
    mutating func skipNewlines() {
        while current.kind == .newline { position += 1 }
    }

    private mutating func skipSeparators() {
        while current.kind == .newline || current.kind == .symbol(";") { position += 1 }
    }

    /// The first token at or after `position` that is not a newline.
    var nextSignificant: Token {
        var k = position
        while tokens[k].kind == .newline { k += 1 }
        return tokens[k]
    }

    /// Whether a line read after a complete statement continues it: nil when the line
    /// has no tokens (blank or a comment, so the next line decides), else true when it
    /// starts with a clause keyword, `and` or `or`.
    static func lineContinues(_ line: String) -> Bool? {
        let tokens = Lexer.scan(line).tokens
        let parser = Parser(tokens: tokens, source: Array(line.utf8))
        guard let first = tokens.first(where: { $0.kind != .newline }), first.kind != .end else { return nil }
        return parser.clauseKeyword(first) != nil || parser.isKeyword(first, .and) || parser.isKeyword(first, .or)
    }

    /// At a newline: true when the next line continues the statement (it starts
    /// with a clause keyword, `and` or `or`).
    func continuesAfterNewline() -> Bool {
        let next = nextSignificant
        return clauseKeyword(next) != nil || isKeyword(next, .and) || isKeyword(next, .or)
    }

    /// True for a word that can begin a statement (not a clause keyword, `and`, `or`).
    func startsStatement(_ token: Token) -> Bool {
        guard case .word = token.kind else { return false }
        return clauseKeyword(token) == nil && !isKeyword(token, .and) && !isKeyword(token, .or)
    }

    /// The keyword `token` spells, in any of its spellings (`Schema.keywords`), folding case.
    func keyword(_ token: Token) -> Keyword? {
        guard case .word(let text) = token.kind, text.utf8.count <= Parser.longestKeyword else { return nil }
        // Fast path for ASCII words: compare bytes, folding ASCII case.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for (keyword, spelling) in Parser.asciiSpellings where spelling.count == text.utf8.count {
                if zip(text.utf8, spelling).allSatisfy({ ($0 | 0x20) == $1 || $0 == $1 }) { return keyword }
            }
            return nil
        }
        return Schema.keyword(spelled: text)
    }

    /// Every keyword spelling that folds to ASCII (`år` as `aar`), as bytes.
    static let asciiSpellings: [(Keyword, [UInt8])] = Schema.keywords.flatMap { entry in
        entry.spellings.map(foldName).filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { (entry.keyword, Array($0.utf8)) }
    }

    /// True when `token` spells `keyword`.
    func isKeyword(_ token: Token, _ keyword: Keyword) -> Bool { self.keyword(token) == keyword }

    /// The clause keyword `token` spells, if any.
    func clauseKeyword(_ token: Token) -> Keyword? {
        keyword(token).flatMap { Keyword.clauses.contains($0) ? $0 : nil }
    }

    /// No keyword spelling is longer (in UTF-8 bytes, after folding ae/oe/aa): longer words are never keywords.
    static let longestKeyword = Schema.keywords.flatMap(\.spellings).map { $0.utf8.count * 2 }.max() ?? 0

    /// How the user wrote a keyword token, in lower case (for messages).
    func spelled(_ token: Token) -> String { text(token).lowercased() }

    /// A word (after skipping newlines), as a `Name`.
    mutating func expectName(_ what: String, hint: String? = nil) throws(Diagnostic) -> Name {
        skipNewlines()
        guard case .word(let text) = current.kind else { throw expected(what, found: current, hint: hint) }
        let name = Name(text, current.range)
        advance()
        return name
    }

    /// Consumes the symbol `symbol` (after skipping newlines) or fails.
    mutating func expectSymbol(_ symbol: String) throws(Diagnostic) {
        skipNewlines()
        guard current.kind == .symbol(symbol) else { throw expected("'\(symbol)'", found: current) }
        advance()
    }

    /// E110 "expected X, found Y", or E111 when Y is the end of input (then the range
    /// is empty, at the end of the last token).
    func expected(_ what: String, found token: Token, hint: String? = nil) -> Diagnostic {
        if token.kind == .end {
            return Diagnostic("E111", "expected \(what), found end of input", at: lastRange.end, hint: hint)
        }
        return Diagnostic("E110", "expected \(what), found \(describe(token))", at: token.range, hint: hint)
    }

    /// A token as the user wrote it, in quotes; "end of line" / "end of input".
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .newline: return "end of line"
        case .end: return "end of input"
        default: return "'\(Lexer.shorten(text(token)))'"
        }
    }

    /// The source text of `token`.
    func text(_ token: Token) -> String {
        String(decoding: source[token.range.lower..<token.range.upper], as: UTF8.self)
    }
}

/// One statement's parse: the statement or its first error. Its own enum rather than
/// `Result<Statement, Diagnostic>`: a generic `Result` (and arrays of it) is instantiated at run
/// time, which looks up `Diagnostic: Error` by a scan of every conformance in the program.
enum Parsed: Equatable {
    case success(Statement)
    case failure(Diagnostic)

    /// The statement, or its error thrown.
    func get() throws(Diagnostic) -> Statement {
        switch self {
        case .success(let statement): statement
        case .failure(let diagnostic): throw diagnostic
        }
    }

    /// Whether this is an error that starts before byte `offset`.
    fileprivate func failsBefore(_ offset: Int) -> Bool {
        if case .failure(let diagnostic) = self { return diagnostic.range.lower < offset }
        return false
    }
}
