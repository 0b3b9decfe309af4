// Binder, part two: `where` conditions. A condition on a dimension becomes a
// mask over that dimension's values; a condition on a measure filters groups.

/// A bound `where` condition: on rows (with the dimensions it mentions, each once) or on groups.
/// The dimensions are a plain array: a `Set<Dimension>` would be instantiated at run time (a
/// scan of every conformance in the program for `Dimension: Hashable`) for a list of one or two.
enum BoundCondition {
    case rows(RowFilter, [Dimension])
    case groups(GroupFilter)
}

extension Binder {
    func bindCondition(_ expr: Expr, crosswalks: inout [Crosswalk]) throws(Diagnostic) -> BoundCondition {
        switch expr {
        case .compare(let field, let op, let value, _):
            if let dimension = Self.dimension(named: field.text) {
                return .rows(try rowFilter(dimension, op, value, crosswalks: &crosswalks), [dimension])
            }
            if let measure = Self.measure(named: field.text) {
                return .groups(.compare(measure, op, try number(value, for: measure)))
            }
            throw unknownField(field)
        case .member(let field, let values, let negated, _):
            guard let dimension = Self.dimension(named: field.text) else {
                if Self.measure(named: field.text) != nil {
                    throw Diagnostic("E207", "'in' compares a dimension with a list of values; '\(field.text)' is a measure", at: field.range)
                }
                throw unknownField(field)
            }
            let parts = try values.map { value throws(Diagnostic) in
                try rowFilter(dimension, .equal, value, crosswalks: &crosswalks)
            }
            let union = Self.simplify(.or(parts))
            return .rows(negated ? Self.negate(union) : union, [dimension])
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            let isAnd: Bool
            if case .and = expr { isAnd = true } else { isAnd = false }
            switch (try bindCondition(lhs, crosswalks: &crosswalks), try bindCondition(rhs, crosswalks: &crosswalks)) {
            case (.rows(let a, let fa), .rows(let b, let fb)):
                return .rows(Self.simplify(isAnd ? .and([a, b]) : .or([a, b])), fa + fb.filter { !fa.contains($0) })
            case (.groups(let a), .groups(let b)):
                return .groups(isAnd ? .and([a, b]) : .or([a, b]))
            default:
                throw Diagnostic(
                    "E212", "a condition on a dimension and one on a measure cannot be joined by '\(isAnd ? "and" : "or")' here",
                    at: expr.range, hint: "measure conditions apply to grouped rows: join them to the rest with a top-level 'and'")
            }
        case .not(let inner, _):
            switch try bindCondition(inner, crosswalks: &crosswalks) {
            case .rows(let filter, let fields): return .rows(Self.negate(filter), fields)
            case .groups(let filter): return .groups(.not(filter))
            }
        }
    }

    func unknownField(_ field: Name) -> Diagnostic {
        Diagnostic(
            "E203", "unknown field '\(field.text)'", at: field.range,
            hint: suggestion(
                field.text, Schema.dimensions.map(\.name) + Schema.measures.map(\.name)
                    + Schema.dimensionSpellings + Schema.measureSpellings,
                listing: "dimensions and measures"))
    }

    func number(_ value: Literal, for measure: Measure) throws(Diagnostic) -> Double {
        switch value.kind {
        case .integer(let n): return Double(n)
        case .decimal(let d): return d
        default:
            throw Diagnostic("E207", "'\(measure.name)' is compared with a number, not '\(text(of: value))'", at: value.range)
        }
    }

    /// The literal as written in the source.
    func text(of literal: Literal) -> String {
        switch literal.kind {
        case .string(let s), .word(let s): return s
        case .paragraph(let s): return "§ " + s
        default:
            let bytes = Array(source.utf8)
            guard literal.range.lower >= 0, literal.range.upper <= bytes.count, literal.range.lower <= literal.range.upper else { return "" }
            return String(decoding: bytes[literal.range.lower..<literal.range.upper], as: UTF8.self)
        }
    }

    func rowFilter(_ dimension: Dimension, _ op: ComparisonOperator, _ value: Literal, crosswalks: inout [Crosswalk]) throws(Diagnostic) -> RowFilter {
        switch dimension.source {
        case .year, .quarter:
            return .period(try periodCondition(dimension, op, value))
        default:
            guard op == .equal || op == .notEqual else {
                throw Diagnostic(
                    "E207", "'\(op.rawValue)' does not apply to \(dimension.name); use '=', '!=' or 'in'",
                    at: value.range)
            }
            let filter: RowFilter
            switch dimension.source {
            case .municipality: filter = .municipality(mask(store.catalog.municipalities.count, [try municipality(value)]))
            case .lookup(let lookup):
                let allowed = try lookupMask(dimension, lookup, value)
                filter = lookup.base == .municipality ? .municipality(allowed) : .paragraph(allowed)
            case .paragraph: filter = .paragraph(try paragraphs(value, crosswalks: &crosswalks))
            case .area:
                let area = try self.area(value)
                filter = .paragraph(store.catalog.paragraphs.map { $0.areas.contains(area) })
            case .year, .quarter: filter = .all
            }
            return op == .notEqual ? Self.negate(filter) : filter
        }
    }

    /// The areas a condition on `area` alone allows (to restrict `by area` groups).
    func areaMask(_ expr: Expr) -> [Bool]? {
        func allows(_ expr: Expr, _ area: Area) -> Bool? {
            switch expr {
            case .compare(_, let op, let value, _):
                guard let named = try? self.area(value) else { return nil }
                return op == .equal ? named == area : named != area
            case .member(_, let values, let negated, _):
                let named = values.compactMap { try? self.area($0) }
                return named.contains(area) != negated
            case .and(let l, let r):
                guard let a = allows(l, area), let b = allows(r, area) else { return nil }
                return a && b
            case .or(let l, let r):
                guard let a = allows(l, area), let b = allows(r, area) else { return nil }
                return a || b
            case .not(let inner, _):
                return allows(inner, area).map { !$0 }
            }
        }
        var result: [Bool] = []
        for area in Area.allCases {
            guard let allowed = allows(expr, area) else { return nil }
            result.append(allowed)
        }
        return result
    }

    func mask(_ count: Int, _ indices: [Int]) -> [Bool] {
        var bits = [Bool](repeating: false, count: count)
        for index in indices { bits[index] = true }
        return bits
    }

    /// Negation, folded into masks where possible.
    static func negate(_ filter: RowFilter) -> RowFilter {
        switch filter {
        case .municipality(let bits): return .municipality(bits.map { !$0 })
        case .paragraph(let bits): return .paragraph(bits.map { !$0 })
        case .period(var periods):
            periods.bits = periods.bits.map { !$0 }
            return .period(periods)
        case .not(let inner): return inner
        default: return .not(filter)
        }
    }

    /// Merges masks of the same dimension inside one `and`/`or`, in one pass that
    /// combines each mask into its dimension's running mask in place.
    static func simplify(_ filter: RowFilter) -> RowFilter {
        let isAnd: Bool
        let parts: [RowFilter]
        switch filter {
        case .and(let p): (isAnd, parts) = (true, p)
        case .or(let p): (isAnd, parts) = (false, p)
        default: return filter
        }
        // Each dimension's mask sits where its first part was; others keep their order.
        var merged: [RowFilter] = []
        var municipality: (at: Int, bits: [Bool])?
        var paragraph: (at: Int, bits: [Bool])?
        var period: (at: Int, mask: PeriodMask)?
        func combine(_ into: inout [Bool], _ bits: [Bool]) {
            if isAnd {
                for i in into.indices where !bits[i] { into[i] = false }
            } else {
                for i in into.indices where bits[i] { into[i] = true }
            }
        }
        func add(_ part: RowFilter) -> Bool {
            switch part {
            case .municipality(let bits):
                if municipality == nil { municipality = (merged.count, bits); merged.append(.all) } else { combine(&municipality!.bits, bits) }
            case .paragraph(let bits):
                if paragraph == nil { paragraph = (merged.count, bits); merged.append(.all) } else { combine(&paragraph!.bits, bits) }
            case .period(let periods):
                if period == nil { period = (merged.count, periods); merged.append(.all) } else { combine(&period!.mask.bits, periods.bits) }
            case .all:
                if !isAnd { return false }
            default: merged.append(part)
            }
            return true
        }
        for part in parts {
            switch (part, isAnd) {
            case (.and(let inner), true), (.or(let inner), false):
                for each in inner where !add(each) { return .all }
            default:
                if !add(part) { return .all }
            }
        }
        if let (at, bits) = municipality { merged[at] = .municipality(bits) }
        if let (at, bits) = paragraph { merged[at] = .paragraph(bits) }
        if let (at, mask) = period { merged[at] = .period(mask) }
        if merged.isEmpty { return isAnd ? .all : .not(.all) }
        return merged.count == 1 ? merged[0] : (isAnd ? .and(merged) : .or(merged))
    }
}
