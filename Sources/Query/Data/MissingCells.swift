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

extension Measure {
    /// The outcome counts a measure's value needs (`MissingCell` bits); a group missing any of them has no value.
    var countsNeeded: UInt8 {
        let merits = MissingCell.upheld | MissingCell.changed | MissingCell.remanded
        switch self {
        case .upheld: return MissingCell.upheld
        case .changed: return MissingCell.changed
        case .remanded: return MissingCell.remanded
        case .dismissed: return MissingCell.dismissed
        case .reversed: return MissingCell.changed | MissingCell.remanded
        case .decided, .dismissedShare, .decidedPer10k: return merits | MissingCell.dismissed
        case .population, .recipients, .days: return 0
        default: return merits
        }
    }
}
