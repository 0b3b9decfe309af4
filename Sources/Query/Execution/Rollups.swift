// Pre-aggregated totals for the common query shapes: per (year, quarter) slot × paragraph
// (summed over municipalities) and per slot × municipality (summed over paragraphs). Kept in
// the store file with the rows, or built once per change of the data on the first query that
// can use them; a query then reads a few thousand cells instead of every row of its years.
// Cells are kept in 4-byte fields when every sum fits (half the bytes), else in 8-byte ones.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Summed counts of one rollup cell.
struct RollupCell: Equatable {
    var upheld = 0, changed = 0, remanded = 0, dismissed = 0
    var dayHundredths = 0
    var daysWeight = 0
    var rows = 0
}

/// A rollup cell in half the bytes, when every sum fits 4 bytes (as in nearly all data).
struct NarrowRollupCell: Equatable {
    var upheld: Int32, changed: Int32, remanded: Int32, dismissed: Int32
    var dayHundredths: Int32, daysWeight: Int32, rows: Int32

    /// The cell in 4-byte fields, or nil when a sum does not fit.
    init?(_ cell: RollupCell) {
        guard let upheld = Int32(exactly: cell.upheld), let changed = Int32(exactly: cell.changed),
            let remanded = Int32(exactly: cell.remanded), let dismissed = Int32(exactly: cell.dismissed),
            let dayHundredths = Int32(exactly: cell.dayHundredths), let daysWeight = Int32(exactly: cell.daysWeight),
            let rows = Int32(exactly: cell.rows)
        else { return nil }
        (self.upheld, self.changed, self.remanded, self.dismissed) = (upheld, changed, remanded, dismissed)
        (self.dayHundredths, self.daysWeight, self.rows) = (dayHundredths, daysWeight, rows)
    }

    var cell: RollupCell {
        RollupCell(upheld: Int(upheld), changed: Int(changed), remanded: Int(remanded), dismissed: Int(dismissed),
                   dayHundredths: Int(dayHundredths), daysWeight: Int(daysWeight), rows: Int(rows))
    }
}

/// One rollup's cells: 4-byte fields when every sum fits (`narrow`), else full `RollupCell`s.
struct RollupCells: Sendable, Equatable {
    private var wide = FactColumn<RollupCell>()
    private var narrowCells = FactColumn<NarrowRollupCell>()
    let narrow: Bool

    init(_ cells: FactColumn<RollupCell>) { (wide, narrow) = (cells, false) }
    init(_ cells: FactColumn<NarrowRollupCell>) { (narrowCells, narrow) = (cells, true) }

    /// The cells, in 4-byte fields when they all fit.
    init(_ cells: [RollupCell]) {
        let narrowed = cells.compactMap(NarrowRollupCell.init)
        if narrowed.count == cells.count { self.init(FactColumn(narrowed)) } else { self.init(FactColumn(cells)) }
    }

    var count: Int { narrow ? narrowCells.count : wide.count }

    subscript(position: Int) -> RollupCell { narrow ? narrowCells[position].cell : wide[position] }

    /// The cells' bytes as a store file keeps them: narrow (when `narrow` and they all fit) or wide.
    func withUnsafeBytes<R>(narrow: Bool, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        switch (narrow, self.narrow) {
        case (true, true): narrowCells.withUnsafeBytes(body)
        case (false, false): wide.withUnsafeBytes(body)
        case (true, false): FactColumn((0..<count).map { NarrowRollupCell(self[$0])! }).withUnsafeBytes(body)
        case (false, true): FactColumn((0..<count).map { self[$0] }).withUnsafeBytes(body)
        }
    }

    static func == (a: RollupCells, b: RollupCells) -> Bool {
        a.count == b.count && (0..<a.count).allSatisfy { a[$0] == b[$0] }
    }
}

/// The two rollups of one fact table.
struct Rollups: Sendable, Equatable {
    /// slot × paragraphs + paragraph.
    let byParagraph: RollupCells
    /// slot × municipalities + municipality.
    let byMunicipality: RollupCells
    /// Per slot: the one dataset its rows come from, -1 for none, -2 for several (then the
    /// rollups cannot say which dataset a cell's rows came from, and scans read rows).
    let slotDataset: FactColumn<Int>

    /// Rollups read from a store file.
    init(byParagraph: RollupCells, byMunicipality: RollupCells, slotDataset: FactColumn<Int>) {
        (self.byParagraph, self.byMunicipality, self.slotDataset) = (byParagraph, byMunicipality, slotDataset)
    }

    init(_ facts: FactTable, _ domains: Domains) {
        self.init(facts, domains.index)
    }

    /// Sums `facts` in one pass.
    init(_ facts: FactTable, _ index: FactIndex) {
        let slots = index.slots
        let (p, m, first) = (index.paragraphs, index.municipalities, index.firstYear)
        var byParagraph = [RollupCell](repeating: RollupCell(), count: slots * p)
        var byMunicipality = [RollupCell](repeating: RollupCell(), count: slots * m)
        var slotDataset = [Int](repeating: -1, count: slots)
        for row in 0..<facts.count {
            let slot = (Int(facts.year[row]) - first) * 5 + Int(facts.quarter[row])
            let (upheld, changed) = (Int(facts.upheld[row]), Int(facts.changed[row]))
            let (remanded, dismissed) = (Int(facts.remanded[row]), Int(facts.dismissed[row]))
            let decided = upheld + changed + remanded + dismissed
            let days = facts.days[row]
            let weighted = !days.isNaN && decided > 0
            func add(_ cell: inout RollupCell) {
                cell.upheld += upheld
                cell.changed += changed
                cell.remanded += remanded
                cell.dismissed += dismissed
                if weighted {
                    cell.dayHundredths += FactTable.hundredths(days) * decided
                    cell.daysWeight += decided
                }
                cell.rows += 1
            }
            add(&byParagraph[slot * p + Int(facts.paragraph[row])])
            add(&byMunicipality[slot * m + Int(facts.municipality[row])])
            let dataset = Int(facts.dataset[row])
            if slotDataset[slot] == -1 { slotDataset[slot] = dataset } else if slotDataset[slot] != dataset { slotDataset[slot] = -2 }
        }
        self.byParagraph = RollupCells(byParagraph)
        self.byMunicipality = RollupCells(byMunicipality)
        self.slotDataset = FactColumn(slotDataset)
    }
}

/// Builds the rollups once, on first use, for one `Domains` (shared by its copies), unless they
/// came with the rows from the store file.
final class RollupBox: @unchecked Sendable {
    private var value: Rollups?
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init(_ stored: Rollups? = nil) {
        value = stored
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    func get(_ build: () -> Rollups) -> Rollups {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if let value { return value }
        let built = build()
        value = built
        return built
    }
}
