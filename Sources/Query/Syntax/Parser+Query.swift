// Parser rules for a query: the measures, then clauses in any order (by, where,
// year/years, since, quarter/quarters, vs national, order by, top/bottom, limit).

extension Parser {
    /// query := measure {',' measure} { clause }
    mutating func parseQuery() throws(Diagnostic) -> Query {
        var query = Query(measures: [try parseMeasure()])
        while current.kind == .symbol(",") {
            advance()
            query.measures.append(try parseMeasure())
        }
        var seen: [String: Token] = [:]
        while true {
            if current.kind == .newline {
                guard continuesAfterNewline() else { break }
                skipNewlines()
            }
            let token = current
            switch token.kind {
            case .end, .symbol(";"):
                return query
            default:
                guard let keyword = clauseKeyword(token) else { throw unknownClause(token, query: query) }
                try checkDuplicate(keyword, token, &seen)
                advance()
                try parseClause(keyword, token, into: &query)
            }
        }
        return query
    }

    /// measure := WORD (not a clause keyword; the binder knows the measures).
    private mutating func parseMeasure() throws(Diagnostic) -> Name {
        skipNewlines()
        let token = current
        guard case .word(let text) = token.kind, clauseKeyword(token) == nil else {
            let startsStatement = position == 0 || tokens[position - 1].kind == .symbol(";") || tokens[position - 1].kind == .newline
            if clauseKeyword(token) != nil, startsStatement {
                // Line continuation is worth a word only when the statement began on an earlier line.
                let hint = position > 0 && tokens[position - 1].kind == .newline
                    ? "a statement starts with its measures; at the prompt a line goes on only where it is unfinished (end the line before with 'by', 'where', 'and' or ',')"
                    : "a statement starts with its measures, e.g. rate by municipality"
                throw expected("a measure", found: token, hint: hint)
            }
            throw expected("a measure", found: token, hint: "e.g. rate by municipality")
        }
        advance()
        return Name(text, token.range)
    }

    /// E112 when a clause that may appear once comes again (time clauses may repeat).
    private func checkDuplicate(_ keyword: Keyword, _ token: Token, _ seen: inout [String: Token]) throws(Diagnostic) {
        let group: String
        switch keyword {
        case .year, .years, .since, .quarter, .quarters: return
        case .top, .bottom: group = "cut"
        case .rolling, .over: group = "rolling"
        default: group = keyword.rawValue
        }
        guard let earlier = seen[group] else {
            seen[group] = token
            return
        }
        let (first, again) = (spelled(earlier), spelled(token))
        let hint: String? = switch keyword {
        case .where: "combine conditions with 'and' / 'or'"
        case .by: "list several dimensions after one 'by': by municipality, year"
        case .order: "list several keys after one 'order by': order by rate desc, municipality"
        case .top, .bottom: "use either 'top' or 'bottom', once"
        default: nil
        }
        let message = first == again ? "'\(again)' given twice" : "'\(again)' given after '\(first)'"
        throw Diagnostic("E112", message, at: token.range, hint: hint)
    }

    /// clause := 'by' … | 'where' expr | time clause | 'vs' 'national' | 'order' 'by' … | 'top' N | …
    private mutating func parseClause(_ keyword: Keyword, _ token: Token, into query: inout Query) throws(Diagnostic) {
        let word = spelled(token)
        switch keyword {
        case .by:
            query.groupBy.append(try expectName("a dimension after 'by'", hint: "e.g. by municipality, paragraph"))
            while current.kind == .symbol(",") {
                advance()
                query.groupBy.append(try expectName("a dimension after ','"))
            }
        case .where:
            query.filter = try parseExpression()
        case .year, .years:
            let spans = try parseTimeSpans(after: word, quarters: false)
            query.time.append(.years(spans, range: token.range.union(lastRange)))
        case .quarter, .quarters:
            let spans = try parseTimeSpans(after: word, quarters: true)
            query.time.append(.quarters(spans, range: token.range.union(lastRange)))
        case .since:
            let value = try parseTimeValue(after: word, quarters: false)
            query.time.append(.since(value, range: token.range.union(value.range)))
        case .vs:
            skipNewlines()
            switch current.kind {
            case .integer, .period:
                query.versusPeriod = try parseTimeSpans(after: word, quarters: false)
                query.versusPeriodRange = token.range.union(lastRange)
                return
            default: break
            }
            guard isKeyword(current, .national) else {
                throw expected("'national' or a year after '\(word)'", found: current, hint: "e.g. vs national, vs 2021")
            }
            advance()
            while isKeyword(current, .exact) || isKeyword(current, .fdr) {
                if isKeyword(current, .exact) { query.versusExact = true } else { query.versusFDR = true }
                advance()
            }
            query.versusNational = token.range.union(lastRange)
        case .rolling, .over:
            let count = try parseCount(after: word)
            if keyword == .over {
                guard isKeyword(current, .years) || isKeyword(current, .year) else {
                    throw expected("'years' after '\(word) \(count)'", found: current, hint: "e.g. over 3 years")
                }
                advance()
            }
            guard count >= 1, count <= 20 else {
                throw Diagnostic("E115", "pool 1 to 20 years, not \(count)", at: token.range.union(lastRange), hint: "e.g. rolling 3")
            }
            query.rolling = Limit(count: count, range: token.range.union(lastRange))
        case .order:
            // `sorter efter` is one spelling that includes its `by`; `order` needs one (`order by`, `order efter`).
            if !word.contains(" ") {
                skipNewlines()
                guard isKeyword(current, .by) else { throw expected("'by' after '\(word)'", found: current) }
                advance()
            }
            repeat {
                let key = try expectName("a column to order by", hint: "e.g. order by rate desc")
                var descending = false
                if isKeyword(current, .desc) || isKeyword(current, .asc) {
                    descending = isKeyword(current, .desc)
                    advance()
                }
                query.order.append(OrderKey(key: key, descending: descending))
            } while consumeComma()
        case .top, .bottom:
            let count = try parseCount(after: word)
            query.cut = Cut(fromTop: keyword == .top, count: count, range: token.range.union(lastRange))
        default:  // limit
            let count = try parseCount(after: word)
            query.limit = Limit(count: count, range: token.range.union(lastRange))
        }
    }

    private mutating func consumeComma() -> Bool {
        guard current.kind == .symbol(",") else { return false }
        advance()
        return true
    }

    private mutating func parseCount(after keyword: String) throws(Diagnostic) -> Int {
        skipNewlines()
        guard case .integer(let value) = current.kind else {
            throw expected("a number after '\(keyword)'", found: current, hint: "e.g. \(keyword) 10")
        }
        advance()
        return value
    }

    /// timespan {',' timespan}, timespan := (INTEGER|PERIOD) ['..' (INTEGER|PERIOD)]
    private mutating func parseTimeSpans(after keyword: String, quarters: Bool) throws(Diagnostic) -> [TimeSpan] {
        var spans: [TimeSpan] = []
        repeat {
            let from = try parseTimeValue(after: keyword, quarters: quarters)
            var to: Literal?
            if current.kind == .symbol("..") {
                advance()
                to = try parseTimeValue(after: "..", quarters: quarters)
            }
            spans.append(TimeSpan(from: from, to: to))
        } while consumeComma()
        return spans
    }

    /// INTEGER or PERIOD.
    private mutating func parseTimeValue(after keyword: String, quarters: Bool) throws(Diagnostic) -> Literal {
        skipNewlines()
        let token = current
        switch token.kind {
        case .integer(let value):
            advance()
            return Literal(.integer(value), token.range)
        case .period(let year, let quarter):
            advance()
            return Literal(.period(year: year, quarter: quarter), token.range)
        default:
            let what = quarters ? "a quarter (1-4) or a period (2021Q3)" : "a year (2021) or a period (2021Q3)"
            var hint: String?
            if case .word(let text) = token.kind, let dash = text.firstIndex(of: "-"),
               text[..<dash].allSatisfy(\.isNumber) {
                hint = "write a range with '..': \(text[..<dash])..\(text[text.index(after: dash)...])"
            }
            throw expected("\(what) after '\(keyword)'", found: token, hint: hint)
        }
    }

    /// E114 for a word where a clause should start (with a did-you-mean), else E110.
    func unknownClause(_ token: Token, query: Query) -> Diagnostic {
        let what = "a clause (by, where, year, …)"
        guard case .word(let word) = token.kind else {
            if case .symbol(")") = token.kind, query.filter != nil {
                return expected("'and', 'or' or \(what)", found: token, hint: "this ')' closes nothing")
            }
            return expected(what, found: token)
        }
        var hint: String?
        let candidates = Parser.clauseKeywords + (query.filter == nil ? [] : Keyword.and.spellings + Keyword.or.spellings)
        let afterOnlyMeasure = query.measures.count == 1 && position >= 1
            && tokens[position - 1].range == query.measures[0].range
        let lower = word.lowercased()
        let first = query.measures[0]
        if afterOnlyMeasure, position >= 2, tokens[position - 2].kind == .newline,
           let joiner = nearest(first.text, in: ["and", "or"]) {
            hint = "'\(first.text)' starts a new statement; did you mean '\(joiner)'?"
        } else if afterOnlyMeasure, Schema.measure(named: first.text) == nil {
            // An unknown first word (`explain rate`, `shwo measures`): the caret goes on it, not on the next word.
            let guess = nearest(first.text, in: Parser.commandKeywords + Schema.measures.map(\.name))
            let hint = Schema.dimension(named: first.text) != nil
                ? "'\(first.text)' is a dimension; a statement starts with its measures, e.g. rate by \(first.text)"
                : guess.map { "did you mean '\($0)'?" } ?? "a statement starts with measures (rate by municipality) or show, describe, load, check, answer"
            return Diagnostic("E110", "expected a measure or a command, found '\(Lexer.shorten(first.text))'", at: first.range, hint: hint)
        } else if isKeyword(token, .and) || isKeyword(token, .or) {
            hint = "'\(lower)' joins conditions after 'where': put this condition there, before the other clauses"
        } else if !query.order.isEmpty, lower.hasPrefix("desc") || lower.hasPrefix("asc") {
            hint = "write 'desc' or 'asc'"
        } else if let guess = nearest(word, in: candidates) {
            hint = "did you mean '\(guess)'?"
        } else if position >= 2, case .word(let value) = tokens[position - 1].kind,
                  case .symbol = tokens[position - 2].kind {
            hint = "quote a value with spaces: \"\(value) \(word)\""
        }
        return Diagnostic("E114", "expected \(what), found '\(Lexer.shorten(word))'", at: token.range, hint: hint)
    }
}
