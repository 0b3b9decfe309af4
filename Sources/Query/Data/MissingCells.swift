// Cells a source marks as not available (PC-Axis `..`): kept apart from the fact
// rows so that no sum treats them as 0. A group whose rows include one has no value
// for the measures that need the missing count (see docs/IMPORT.md, "Missing cells").

/// One (year, quarter, municipality, paragraph) cell with some outcome counts missing.
public struct MissingCell: Sendable, Equatable {
    public var year: Int
    /// 1-4, or 0 for a whole year.
    public var quarter: Int
    public var municipality: Int
    public var paragraph: Int
    /// Which counts are missing: `MissingCell.upheld | .changed | …`.
    public var mask: UInt8
    /// Index into `OutcomeStore.datasets`.
    public var dataset: Int

    public static let upheld: UInt8 = 1, changed: UInt8 = 2, remanded: UInt8 = 4, dismissed: UInt8 = 8

    public init(year: Int, quarter: Int, municipality: Int, paragraph: Int, mask: UInt8, dataset: Int = 0) {
        self.year = year
        self.quarter = quarter
        self.municipality = municipality
        self.paragraph = paragraph
        self.mask = mask
        self.dataset = dataset
    }
}

extension MissingCell {
    /// The bit of one outcome count.
    static func bit(_ count: Count) -> UInt8 {
        switch count {
        case .upheld: upheld
        case .changed: changed
        case .remanded: remanded
        case .dismissed: dismissed
        }
    }
}

extension Measure {
    /// The outcome counts a measure's value needs (`MissingCell` bits); a group missing any of them has no value.
    /// Statistics other than days (the Wilson limits) need the cases decided on the merits.
    var countsNeeded: UInt8 {
        let counts: [Count]
        switch computation {
        case .count(let c), .sideRatio(let c, _, _): counts = c
        case .ratio(let part, let whole, _): counts = part + whole
        case .sideTable: counts = []
        case .statistic: counts = unit == .days ? [] : [.upheld, .changed, .remanded]
        }
        return counts.reduce(0) { $0 | MissingCell.bit($1) }
    }
}
