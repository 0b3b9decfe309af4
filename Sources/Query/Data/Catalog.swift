// The reference tables every query binds against: municipalities, regions,
// paragraphs (Ankestyrelsen's "lovgrundlag"); the areas are in Schema.swift.

/// One of the 98 municipalities.
public struct Municipality: Sendable, Equatable {
    /// Three-digit kommunekode without the leading zero, e.g. 751.
    public var code: Int
    /// DAWA name, e.g. "Aarhus".
    public var name: String
    /// Ankestyrelsen's talportal spelling, e.g. "Århus".
    public var astName: String
    /// Full name, e.g. "Aarhus Kommune".
    public var fullName: String
    /// Region name, e.g. "Region Midtjylland".
    public var region: String

    public init(code: Int, name: String, astName: String, fullName: String, region: String) {
        self.code = code
        self.name = name
        self.astName = astName
        self.fullName = fullName
        self.region = region
    }
}

/// One paragraph-level "lovgrundlag" value: a label that may group several sections.
public struct Paragraph: Sendable, Equatable {
    /// Sort code, e.g. "1.14" (law number, then position), unique.
    public var code: String
    /// The law, e.g. "Serviceloven" or "Barnets lov".
    public var law: String
    /// Ankestyrelsen-style label, e.g. "Voksne - personlig hjælp og pleje - § 83".
    public var label: String
    /// The section numbers it covers as written, e.g. ["95", "96"] or ["32a"].
    public var sections: [String]
    /// Danmarkskort areas whose maps include it.
    public var areas: [Area]
    /// Code of the paragraph it replaced (Barnets lov § 86 replaced SEL § 41 on 1 January 2024).
    public var formerly: String?

    public init(code: String, law: String, label: String, sections: [String], areas: [Area], formerly: String? = nil) {
        self.code = code
        self.law = law
        self.label = label
        self.sections = sections
        self.areas = areas
        self.formerly = formerly
    }

    /// "§ 83" or "§§ 95-96" style reference built from `sections`.
    /// "§ 83", "§§ 42, 43"; a run of four or more consecutive sections as "§§ 108-123".
    public var sectionText: String {
        if sections.count == 1 { return "§ \(sections[0])" }
        var parts: [String] = []
        var run: [Int] = []
        func flush() {
            parts += run.count >= 4 ? ["\(run[0])-\(run[run.count - 1])"] : run.map(String.init)
            run = []
        }
        for section in sections {
            if let number = Int(section) {
                if let last = run.last, number != last + 1 { flush() }
                run.append(number)
            } else {
                flush()
                parts.append(section)
            }
        }
        flush()
        return "§§ \(parts.joined(separator: ", "))"
    }
}

/// Municipalities and paragraphs, looked up by index in fact rows.
public struct Catalog: Sendable, Equatable {
    public var municipalities: [Municipality]
    public var paragraphs: [Paragraph]

    public init(municipalities: [Municipality], paragraphs: [Paragraph]) {
        self.municipalities = municipalities
        self.paragraphs = paragraphs
    }

    /// Region names in first-seen order.
    public var regions: [String] {
        var seen: [String] = []
        for municipality in municipalities where !seen.contains(municipality.region) {
            seen.append(municipality.region)
        }
        return seen
    }

    /// Law names in first-seen order.
    public var laws: [String] {
        var seen: [String] = []
        for paragraph in paragraphs where !seen.contains(paragraph.law) {
            seen.append(paragraph.law)
        }
        return seen
    }
}
