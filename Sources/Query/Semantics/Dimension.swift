// The dimensions a query can group and filter by. Region derives from
// municipality; law and area derive from paragraph.

/// A dimension of the outcome data.
public enum Dimension: String, Sendable, Equatable, CaseIterable {
    case municipality, region, paragraph, law, area, year, quarter

    /// One line: what its values are.
    public var definition: String {
        switch self {
        case .municipality: "one of the 98 municipalities: by name (Aarhus), Ankestyrelsen's spelling (Århus), full name (\"Aarhus Kommune\") or code (751)"
        case .region: "one of the five regions, e.g. \"Region Hovedstaden\" or Hovedstaden"
        case .paragraph: "a paragraph-level lovgrundlag: by section (83, §83, \"§§ 95-96\"), label or code (\"1.14\")"
        case .law: "the law: Serviceloven, or Barnets lov (children's provisions from 2024)"
        case .area: "a Danmarkskort area: generelt (socialområdet generelt), børnehandicap, voksenhandicap"
        case .year: "the data year, e.g. 2021"
        case .quarter: "the quarter of the year, 1-4"
        }
    }

    /// Dimensions that describe where, dropped for the national comparison.
    var isGeographic: Bool { self == .municipality || self == .region }
}
