// Maps imported "lovgrundlag"/"Sagsemne" values onto catalog paragraphs: by code
// prefix ("1.9 …"), else by label, else by section numbers; law-level values
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

    /// Section numbers written after `§`/`§§`: "§§ 68 og 76" -> ["68", "76"], "§§ 95-96" -> ["95", "96"].
    static func sections(in text: String) -> Set<String> {
        guard let mark = text.firstIndex(of: "§") else { return [] }
        var found = Set<String>()
        var current = ""
        for character in text[mark...] {
            if character.isNumber || (!current.isEmpty && character.isLetter && character.isLowercase && current.last?.isNumber == true) {
                current.append(character)
            } else {
                if !current.isEmpty, current.first?.isNumber == true { found.insert(current) }
                current = ""
            }
        }
        if !current.isEmpty, current.first?.isNumber == true { found.insert(current) }
        // Words like "og" glued to numbers are not sections; keep tokens that start with a digit.
        return found
    }

    /// The catalog's sections for a paragraph, ranges split the same way.
    private func catalogSections(_ paragraph: Paragraph) -> Set<String> {
        var set = Set<String>()
        for section in paragraph.sections {
            for part in section.split(separator: "-") { set.insert(String(part).trimmed) }
        }
        return set
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
    func resolve(_ text: String, sectionsText: String? = nil, law: String? = nil) -> ParagraphValue {
        let (code, rest) = Self.splitCode(text)
        if let code {
            if let index = byCode[code] { return .paragraph(index) }
            if !code.contains(".") {
                let members = members(ofLaw: code)
                if !members.isEmpty { return .law(name: text.trimmed, members: members) }
            }
        }
        let normalized = Self.normalize(rest)
        if let index = byLabel[normalized] { return .paragraph(index) }
        if ["i alt", "alle", "lovgrundlag i alt", "alle lovgrundlag", "total", "sagsemner i alt"].contains(normalized) {
            return .total
        }
        if catalog.laws.contains(where: { foldName($0) == foldName(rest) }) {
            return .law(name: text.trimmed, members: members(ofLaw: rest))
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
        }
        return .unknown(suggestion: nearest(text.trimmed, in: candidates) ?? nearest(rest, in: catalog.paragraphs.map(\.label)))
    }

    /// "unknown paragraph 'X' (did you mean 'Y'?)".
    static func unknownMessage(_ text: String, _ suggestion: String?) -> String {
        var message = "unknown paragraph '\(text)'"
        if let suggestion { message += " (did you mean '\(suggestion)'?)" }
        return message + "; add it to datasets/paragraphs.csv or fix the value"
    }
}
