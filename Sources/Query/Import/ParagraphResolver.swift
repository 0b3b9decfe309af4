// Maps imported "lovgrundlag"/"Sagsemne" values onto catalog paragraphs: by section
// numbers, else by label, else (a bare code only) by code; law-level values
// ("1 Serviceloven") and "I alt" are totals kept only for checking.

/// What an imported paragraph value stands for.
enum ParagraphValue: Sendable, Equatable {
    case paragraph(Int)
    /// A law-level total; `members` are the catalog paragraphs it contains.
    case law(name: String, members: [Int])
    /// All paragraphs.
    case total
    case unknown(suggestion: String?)
}

/// Resolves paragraph values against a catalog.
struct ParagraphResolver: Sendable {
    private let catalog: Catalog
    private var byCode: [String: Int] = [:]
    private var byLabel: [String: Int] = [:]
    private let candidates: [String]

    init(catalog: Catalog) {
        self.catalog = catalog
        var candidates: [String] = []
        for (index, paragraph) in catalog.paragraphs.enumerated() {
            byCode[paragraph.code] = index
            byLabel[Self.normalize(paragraph.label)] = index
            candidates.append("\(paragraph.code) \(paragraph.label)")
        }
        self.candidates = candidates
    }

    /// Folded, with dashes, commas and repeated spaces reduced to single spaces.
    static func normalize(_ text: String) -> String {
        foldName(text).split { $0 == " " || $0 == "-" || $0 == "," || $0 == "–" || $0 == "\t" }.joined(separator: " ")
    }

    /// Splits a leading sort code: "1.9 Børn …" -> ("1.9", "Børn …").
    static func splitCode(_ text: String) -> (code: String?, rest: String) {
        let trimmed = text.trimmed
        let code = trimmed.prefix { ($0.isASCII && $0.isNumber) || $0 == "." }
        guard let first = code.first, first.isNumber else { return (nil, trimmed) }
        let rest = trimmed.dropFirst(code.count)
        guard rest.isEmpty || rest.first == " " else { return (nil, trimmed) }
        var cleanCode = String(code)
        while cleanCode.hasSuffix(".") { cleanCode.removeLast() }
        return (cleanCode, String(rest).trimmed)
    }

    /// Section numbers written after `§`/`§§`: "§§ 68 og 76" -> ["68", "76"], "§§ 102-104" -> ["102", "103", "104"].
    static func sections(in text: String) -> Set<String> {
        guard let mark = text.firstIndex(of: "§") else { return [] }
        let after = String(text[mark...].drop { $0 == "§" || $0 == " " })
        return Set(Binder.sectionList(after).filter { $0.first?.isNumber == true })
    }

    /// The catalog's sections for a paragraph, ranges expanded the same way.
    private func catalogSections(_ paragraph: Paragraph) -> Set<String> {
        Set(Binder.sectionList(paragraph.sections.joined(separator: ",")))
    }

    /// Catalog paragraphs of a law, by law number ("1") or law name ("Serviceloven").
    func members(ofLaw key: String) -> [Int] {
        let folded = foldName(key)
        return catalog.paragraphs.indices.filter { index in
            let paragraph = catalog.paragraphs[index]
            return paragraph.code.hasPrefix(key + ".") || foldName(paragraph.law) == folded
        }
    }

    /// Resolves `text`; `sectionsText`/`law` are extra hints (a Sagsemne table's Paragraffer/Lovgivning).
    ///
    /// Section numbers decide first, then the label: dkq's sort codes are its own, so an
    /// imported "1.9 Børn - efterværn - §§ 68 og 76" must match by its sections, not by
    /// whatever dkq numbers 1.9. A bare code matches only when nothing else is written.
    func resolve(_ text: String, sectionsText: String? = nil, law: String? = nil) -> ParagraphValue {
        let (code, rest) = Self.splitCode(text)
        let normalized = Self.normalize(rest)
        if ["i alt", "alle", "lovgrundlag i alt", "alle lovgrundlag", "total", "sagsemner i alt"].contains(normalized) {
            return .total
        }
        if catalog.laws.contains(where: { foldName($0) == foldName(rest) }) {
            return .law(name: text.trimmed, members: members(ofLaw: rest))
        }
        if let code, !code.contains("."), rest.isEmpty {
            let members = members(ofLaw: code)
            if !members.isEmpty { return .law(name: text.trimmed, members: members) }
        }
        let wanted = Self.sections(in: sectionsText ?? rest)
        if !wanted.isEmpty {
            let lawName = law.map(foldName)
            let matches = catalog.paragraphs.indices.filter { index in
                let paragraph = catalog.paragraphs[index]
                if let lawName, !lawName.isEmpty, foldName(paragraph.law) != lawName { return false }
                return catalogSections(paragraph) == wanted
            }
            if matches.count == 1 { return .paragraph(matches[0]) }
            // The same number in two laws (SEL § 83, Barnets lov § 83): the law named in the text decides.
            let named = matches.filter { foldName(text).contains(foldName(catalog.paragraphs[$0].law)) }
            if named.count == 1 { return .paragraph(named[0]) }
            // No exact match: one catalogue group that holds all the sections (Barnets lov § 114 in the
            // kapitel 13 group whose single sections are not confirmed; SEL § 42 in §§ 42-43).
            if matches.isEmpty {
                let containing = catalog.paragraphs.indices.filter { index in
                    let paragraph = catalog.paragraphs[index]
                    if let lawName, !lawName.isEmpty, foldName(paragraph.law) != lawName { return false }
                    return wanted.isSubset(of: catalogSections(paragraph))
                }
                if containing.count == 1 { return .paragraph(containing[0]) }
            }
        }
        if let index = byLabel[normalized] { return .paragraph(index) }
        if let code, rest.isEmpty, let index = byCode[code] { return .paragraph(index) }
        return .unknown(suggestion: nearest(text.trimmed, in: candidates) ?? nearest(rest, in: catalog.paragraphs.map(\.label)))
    }

    /// "unknown paragraph 'X' (did you mean 'Y'?)".
    static func unknownMessage(_ text: String, _ suggestion: String?) -> String {
        var message = "unknown paragraph '\(text)'"
        if let suggestion { message += " (did you mean '\(suggestion)'?)" }
        return message + "; add it to datasets/paragraphs.csv or fix the value"
    }
}
