// Reads a result the way every picture (svg, chart, map, html) needs it: the drawn measure with
// its n, 95 % interval, national value and verdict per row; fixed classes; title, period and notes.

/// A result seen as a picture: one drawn measure (the first numeric one) over the rows.
struct Picture {
    /// Fewer cases than this: the figure is drawn hatched / pale / lower-case and says so in the legend.
    /// At 30 cases a rate near 35 % has a 95 % interval about 34 points wide: more than three classes.
    static let fewCases = 30

    /// The result's title (with its period), as the table shows it; else "rate by municipality, 2021".
    var heading: String
    /// "2021", "2019-2024": from the result's period note.
    var period: String?
    var notes: [String]
    /// The synthetic-data warning, when the result rests on synthetic data.
    var syntheticWarning: String?

    var measure: String
    /// The drawn measure as a header in the language (`omgørelsesprocent`).
    var measureName: String
    var language: Language
    var percent: Bool
    var decimals: Int
    /// Indices of the dimension columns, and each row's label (dimension values joined by " · ").
    var dimensions: [Int]
    var labels: [String]
    var values: [Double?]
    var n: [Int?]
    var low: [Double?]
    var high: [Double?]
    var national: [Double?]
    var verdicts: [Verdict?]
    var scale: ClosedRange<Double>
    var classes: [ValueClass]

    /// One fixed class of the drawn measure: [lower, upper), the last one closed.
    struct ValueClass: Equatable {
        var lower: Double
        var upper: Double
        var label: String
        var colour: String
    }

    /// The comparison's verdict read generically from its words (`above 95%`, `within`, …).
    struct Verdict: Equatable {
        enum Direction: Int, CaseIterable { case above, within, below, other }
        var direction: Direction
        var words: String
    }

    /// Sequential ColorBrewer YlOrBr (colour-blind safe), light = few reversals, dark = many.
    static let sequential = ["#ffffd4", "#fed98e", "#fe9929", "#d95f0e", "#993404"]
    /// Okabe-Ito vermillion / light grey / blue for above / within / below; mid grey for other words.
    static let verdictColours = ["#d55e00", "#e4e4e4", "#0072b2", "#9a9a9a"]
    /// Percentages: fixed classes on 0-100, never stretched to the data (lower bound included).
    static let percentBounds: [Double] = [0, 20, 30, 40, 50, 100]

    init(_ result: ResultSet, language: Language = .en) {
        let columns = result.columns
        let dimensions = columns.indices.filter { columns[$0].kind == .dimension }
        self.dimensions = dimensions
        let numeric = columns.indices.filter { i in
            columns[i].kind == .measure && result.rows.contains { row in
                switch row[i] { case .integer, .number: true; default: false }
            }
        }
        let drawn = numeric.first ?? columns.indices.first(where: { columns[$0].kind == .measure }) ?? 0
        let measure = columns.isEmpty ? "" : columns[drawn].name
        self.measure = measure
        self.language = language
        measureName = Renderer.header(measure, language)
        percent = Self.isPercentage(measure)
        func index(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }
        func number(_ row: [Value], _ i: Int?) -> Double? {
            guard let i, i < row.count else { return nil }
            switch row[i] {
            case .integer(let v): return Double(v)
            case .number(let v, _, _): return v.isFinite ? v : nil
            default: return nil
            }
        }
        let decimals = result.rows.lazy.compactMap { row -> Int? in
            if case .number(_, let d, _) = row[drawn] { return d } else { return nil }
        }.first ?? 0
        self.decimals = decimals
        let casesColumn = index("cases")
        let (lowColumn, highColumn) = (index(measure + "_low"), index(measure + "_high"))
        let nationalColumn = index("national_" + measure)
        let verdictColumn = columns.indices.first { i in
            columns[i].kind == .measure && !numeric.contains(i) && result.rows.contains { if case .text = $0[i] { true } else { false } }
        }
        labels = result.rows.map { row in
            dimensions.map { Renderer.plain(row[$0]) }.joined(separator: " · ")
        }
        let values = result.rows.map { number($0, drawn) }
        let n = result.rows.map { row in number(row, casesColumn).map { Int($0) } }
        (self.values, self.n) = (values, n)
        national = result.rows.map { number($0, nationalColumn) }
        verdicts = result.rows.map { row in
            guard let verdictColumn, case .text(let words) = row[verdictColumn] else { return nil }
            return Verdict(words: words)
        }
        var low = result.rows.map { number($0, lowColumn) }
        var high = result.rows.map { number($0, highColumn) }
        if lowColumn == nil, measure == "rate" {
            // Wilson 95 % from the shown rate and cases: k = rate × n / 100, exact for n < 1000.
            for (i, value) in values.enumerated() {
                guard let value, let cases = n[i], cases > 0,
                      let interval = Statistics.wilson(Int((value * Double(cases) / 100).rounded()), cases) else { continue }
                (low[i], high[i]) = (interval.low * 100, interval.high * 100)
            }
        }
        (self.low, self.high) = (low, high)

        if percent {
            scale = 0...100
            let bounds = Self.percentBounds
            classes = (0..<bounds.count - 1).map { i in
                let label = i == 0 ? "under \(Int(bounds[1])) %"
                    : i == bounds.count - 2 ? "\(Int(bounds[i])) % \(language == .da ? "og derover" : "and over")" : "\(Int(bounds[i]))–\(Int(bounds[i + 1])) %"
                return ValueClass(lower: bounds[i], upper: bounds[i + 1], label: label, colour: Self.sequential[i])
            }
        } else {
            // Other measures: five equal classes from a true zero to the round number above the largest value.
            let top = Self.roundUp(values.compactMap { $0 }.max() ?? 0)
            scale = 0...top
            classes = (0..<5).map { i in
                let (lower, upper) = (top * Double(i) / 5, top * Double(i + 1) / 5)
                let label = Renderer.formatDecimal(lower, Self.labelDecimals(top)) + "–" + Renderer.formatDecimal(upper, Self.labelDecimals(top))
                return ValueClass(lower: lower, upper: upper, label: label, colour: Self.sequential[i])
            }
        }

        let prefixes = ["Years: ", "Quarters: ", "År: ", "Kvartaler: "]
        let periodNote = result.noteLines(language).first { note in note.hasPrefix("Period") || prefixes.contains { note.hasPrefix($0) } }
        period = periodNote.map { note in
            var text = note
            for prefix in prefixes where text.hasPrefix(prefix) { text = String(text.dropFirst(prefix.count)) }
            if text.hasSuffix(".") { text.removeLast() }
            return text
        }
        heading = result.title?.text(language)
            ?? Self.title(result, measure: measure, dimensions: dimensions) + (period.map { ", " + $0 } ?? "")
        notes = result.noteLines(language)
        syntheticWarning = result.noteLines(language).first { $0.contains("SYNTHETIC") || $0.contains("SYNTETISKE") }.map { note in
            // The label itself ("SYNTHETIC DEMO DATA"), without the citation after it.
            (note.firstRange(of: ". ").map { String(note[..<$0.lowerBound]) } ?? note.firstIndex(of: ":").map { String(note[..<$0]) } ?? note)
        }
    }

    /// The picture's title: the drawn measure by the result's dimensions ("rate by municipality").
    static func title(_ result: ResultSet, measure: String, dimensions: [Int]) -> String {
        let by = dimensions.map { result.columns[$0].name }
        return measure + (by.isEmpty ? "" : " by " + by.joined(separator: ", "))
    }

    /// Measures on a 0-100 percent scale.
    static func isPercentage(_ name: String) -> Bool {
        name == "rate" || name.hasPrefix("rate_") || name.hasSuffix("_share")
    }

    /// 1, 2 or 5 times a power of ten, at least `value` (1 for nothing).
    static func roundUp(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        while power > value { power /= 10 }
        for step in [1.0, 2, 5, 10] where step * power >= value { return step * power }
        return 10 * power
    }

    static func labelDecimals(_ top: Double) -> Int { top >= 5 ? 0 : top >= 0.5 ? 1 : 2 }

    /// The class a shown value falls in (the value rounded as the table shows it).
    func classIndex(_ value: Double) -> Int {
        let shown = (Double(Renderer.formatDecimal(value, decimals)) ?? value)
        return classes.lastIndex { shown >= $0.lower } ?? 0
    }

    /// Rows resting on fewer than `fewCases` cases (but some).
    func isFew(_ row: Int) -> Bool {
        guard let cases = n[row] else { return false }
        return cases < Self.fewCases
    }

    /// Whether the picture colours by verdict: yes whenever the result has a `vs national` verdict,
    /// because a colour for the raw rate invites ranking municipalities on chance differences,
    /// while the verdict already says which differences the data support.
    var byVerdict: Bool { verdicts.contains { $0 != nil } }
}

extension Picture.Verdict {
    init(words: String) {
        let folded = words.lowercased()
        self.words = words
        if folded.hasPrefix("above") || folded.hasPrefix("over") || folded.contains("higher") || folded.contains("højere") {
            direction = .above
        } else if folded.hasPrefix("below") || folded.hasPrefix("under") || folded.contains("lower") || folded.contains("lavere") {
            direction = .below
        } else if folded.hasPrefix("within") || folded.hasPrefix("inden") || folded.hasPrefix("as expected") || folded.hasPrefix("som forventet") {
            direction = .within
        } else {
            direction = .other
        }
    }

    static func label(_ direction: Direction, words: String = "", _ language: Language = .en) -> String {
        let da = language == .da
        switch direction {
        case .above: return da ? "over landsplan" : "above national"
        case .within: return da ? "inden for tilfældigheder" : "within chance"
        case .below: return da ? "under landsplan" : "below national"
        case .other: return words
        }
    }
}

extension Picture {
    /// Text for a terminal that is not UTF-8: æ ø å as ae oe aa, dashes and dots plain, anything else `?`.
    /// `short` keeps one letter per letter (for the three-letter tile names).
    static func ascii(_ text: String, short: Bool = false) -> String {
        var out = ""
        for character in text {
            if character.isASCII { out.append(character); continue }
            switch character {
            case "æ": out += short ? "a" : "ae"
            case "ø": out += short ? "o" : "oe"
            case "å": out += short ? "a" : "aa"
            case "Æ": out += short ? "A" : "Ae"
            case "Ø": out += short ? "O" : "Oe"
            case "Å": out += short ? "A" : "Aa"
            case "é": out += "e"
            case "ü": out += "u"
            case "–", "—": out += "-"
            case "…": out += "..."
            case "·": out += "|"
            case "×": out += "x"
            case "φ": out += "phi"
            case "τ": out += "tau"
            case "χ": out += "chi"
            case "≥": out += ">="
            case "≤": out += "<="
            default: out += "?"
            }
        }
        return out
    }

    /// Wraps text into lines of at most `width` characters at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
