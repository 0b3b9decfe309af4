// Parser rules for `where` expressions: or < and < not < comparison / membership,
// with parentheses. Nesting of parentheses and `not` is capped (E113).

extension Parser {
    /// expr := and_expr {'or' and_expr}
    mutating func parseExpression() throws(Diagnostic) -> Expr {
        var operands = [try parseAnd()]
        while continuesWith(.or) {
            operands.append(try parseAnd())
        }
        return Parser.balanced(operands, Expr.or)
    }

    /// and_expr := not_expr {'and' not_expr}
    private mutating func parseAnd() throws(Diagnostic) -> Expr {
        var operands = [try parseNot()]
        while continuesWith(.and) {
            operands.append(try parseNot())
        }
        return Parser.balanced(operands, Expr.and)
    }

    /// Joins a chain `a and b and c …` pairwise into a tree of depth log2(n), so a
    /// 100,000-condition line cannot overflow the stack of any later recursive walk.
    /// Same meaning (and/or are associative); up to three operands it is the usual
    /// left-nested tree: `(a and b) and c`.
    static func balanced(_ operands: [Expr], _ join: (Expr, Expr) -> Expr) -> Expr {
        var level = operands
        while level.count > 1 {
            var next: [Expr] = []
            next.reserveCapacity(level.count / 2 + 1)
            var k = 0
            while k + 1 < level.count {
                next.append(join(level[k], level[k + 1]))
                k += 2
            }
            if k < level.count { next.append(level[k]) }
            level = next
        }
        return level[0]
    }

    /// not_expr := 'not' not_expr | primary
    private mutating func parseNot() throws(Diagnostic) -> Expr {
        skipNewlines()
        let token = current
        guard isKeyword(token, .not) else { return try parsePrimary() }
        try enterNesting(at: token)
        defer { depth -= 1 }
        advance()
        let inner = try parseNot()
        return .not(inner, range: token.range.union(inner.range))
    }

    /// primary := '(' expr ')' | WORD op value | WORD ['not'] 'in' '(' value {',' value} ')'
    private mutating func parsePrimary() throws(Diagnostic) -> Expr {
        skipNewlines()
        let token = current
        if token.kind == .symbol("(") {
            try enterNesting(at: token)
            defer { depth -= 1 }
            advance()
            let inner = try parseExpression()
            try expectSymbol(")")
            return inner
        }
        guard case .word(let fieldText) = token.kind else {
            throw expected("a condition (e.g. municipality = Aarhus)", found: token)
        }
        let field = Name(fieldText, token.range)
        advance()
        skipNewlines()
        let next = current
        if isKeyword(next, .not) || isKeyword(next, .in) {
            let negated = isKeyword(next, .not)
            advance()
            if negated {
                skipNewlines()
                guard isKeyword(current, .in) else { throw expected("'in' after 'not'", found: current) }
                advance()
            }
            let values = try parseValueList()
            return .member(field: field, values: values, negated: negated, range: token.range.union(lastRange))
        }
        guard case .symbol(let symbol) = next.kind, let op = ComparisonOperator(rawValue: symbol) else {
            throw expected("a comparison (=, !=, <, <=, >, >=, in) after '\(Lexer.shorten(fieldText))'",
                           found: next)
        }
        advance()
        let value = try parseValue()
        return .compare(field: field, op: op, value: value, range: token.range.union(value.range))
    }

    /// '(' value {',' value} ')'
    private mutating func parseValueList() throws(Diagnostic) -> [Literal] {
        try expectSymbol("(")
        var values = [try parseValue()]
        while true {
            skipNewlines()
            switch current.kind {
            case .symbol(","):
                advance()
                values.append(try parseValue())
            case .symbol(")"):
                advance()
                return values
            default:
                throw expected("',' or ')'", found: current)
            }
        }
    }

    /// value := WORD | STRING | INTEGER | DECIMAL | PARAGRAPH | PERIOD
    private mutating func parseValue() throws(Diagnostic) -> Literal {
        skipNewlines()
        let token = current
        let kind: Literal.Kind
        switch token.kind {
        case .word(let text): kind = .word(text)
        case .string(let text): kind = .string(text)
        case .integer(let value): kind = .integer(value)
        case .decimal(let value): kind = .decimal(value)
        case .paragraph(let text): kind = .paragraph(text)
        case .period(let year, let quarter): kind = .period(year: year, quarter: quarter)
        case .symbol, .newline, .end:
            throw expected("a value", found: token, hint: "e.g. Aarhus, \"Region Hovedstaden\", 10, § 83")
        }
        advance()
        return Literal(kind, token.range)
    }

    /// After a complete operand: consumes `keyword` (`and`/`or`) if it comes next,
    /// also at the start of the next line.
    private mutating func continuesWith(_ keyword: Keyword) -> Bool {
        guard isKeyword(nextSignificant, keyword) else { return false }
        skipNewlines()
        advance()
        return true
    }

    /// E113 beyond `maximumDepth` nested parentheses / `not`s.
    private mutating func enterNesting(at token: Token) throws(Diagnostic) {
        guard depth < Parser.maximumDepth else {
            throw Diagnostic("E113", "expression nested too deeply (more than \(Parser.maximumDepth) levels)",
                             at: token.range, hint: "simplify the condition")
        }
        depth += 1
    }
}
