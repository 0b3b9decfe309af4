// The scan: one pass over the fact table summing counts per group. Groups are
// numbered by mixed radix over the grouped dimensions; a dense array holds them
// when the key space is small, a dictionary otherwise. Rows are read cell by cell of the row
// index (a cell's year and municipality are known, so their columns are not read). The common
// scans run as a tight loop over the raw columns (a row's key from three small tables), on two
// threads when large.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Summed counts of one group.
struct Totals: Sendable, Equatable {
    var upheld = 0, changed = 0, remanded = 0, dismissed = 0
    /// Σ(days × decided) in hundredths of a day, and Σ decided, over rows whose days are known:
    /// integers, so the mean is exact (`FactTable.hundredths`).
    var dayHundredths = 0
    var daysWeight = 0
    var rows = 0
    /// Outcome counts that some covered cell lacks (`MissingCell` bits): measures needing them are empty.
    var missing: UInt8 = 0
    /// The prior fitted on all rows of the result (for rate_shrunk) and the reversals expected
    /// from national paragraph rates (for std_ratio), when those measures are asked for.
    var prior: BetaPrior?
    var expected: Double?

    var cases: Int { upheld + changed + remanded }
    var reversed: Int { changed + remanded }
    var decided: Int { cases + dismissed }

    /// The sum of some counts.
    func sum(_ counts: [Count]) -> Int {
        counts.reduce(0) { total, count in
            switch count {
            case .upheld: total + upheld
            case .changed: total + changed
            case .remanded: total + remanded
            case .dismissed: total + dismissed
            }
        }
    }
}

/// The grouped sums of one scan.
struct Aggregate {
    /// Number of values of each grouped dimension, in `groupBy` order.
    var radices: [Int]
    /// Totals per composite key.
    var totals: GroupTotals
    /// Datasets that contributed rows.
    var datasets: Set<Int>
    /// Period numbers (year*4 + quarter - 1) of contributing rows.
    var periods: Set<Int>
    /// Paragraphs and periods present in the data within the scan's periods (whatever the other filters).
    var presentParagraphs: [Bool]
    var presentMunicipalities: [Bool]
    var presentPeriods: Set<Int>
    /// True when rows of yearly data (quarter 0) were counted.
    var yearlyRows: Bool
    /// Years of yearly data left out because only some of their quarters were chosen.
    var yearlySkipped: Set<Int>
    /// Which groups the data covers (see Coverage.swift).
    var coverage: Coverage

    /// The totals of the group whose per-dimension components are `parts` (empty when none).
    func totals(at parts: [Int]) -> Totals {
        var key = 0
        for (part, radix) in zip(parts, radices) { key = key * radix + part }
        return totals[key] ?? Totals()
    }

    /// Splits a composite key into per-dimension components.
    func components(of key: Int) -> [Int] {
        var rest = key
        var result = [Int](repeating: 0, count: radices.count)
        for i in stride(from: radices.count - 1, through: 0, by: -1) {
            result[i] = rest % radices[i]
            rest /= radices[i]
        }
        return result
    }
}

/// Where a row's value of one grouped dimension comes from.
private enum KeyPart {
    case municipality, paragraph, area, year, quarter
    /// A lookup: the value index of each municipality or paragraph.
    case ofMunicipality([Int]), ofParagraph([Int])

    init(_ dimension: Dimension, _ domains: Domains) {
        switch dimension.source {
        case .municipality: self = .municipality
        case .paragraph: self = .paragraph
        case .area: self = .area
        case .year: self = .year
        case .quarter: self = .quarter
        case .lookup(let lookup):
            let of = domains.lookup(dimension).of
            self = lookup.base == .municipality ? .ofMunicipality(of) : .ofParagraph(of)
        }
    }
}

/// A piece of a scan's rows: one year × municipality cell of the row index. A scan reads its
/// rows cell by cell, so it knows each row's year and municipality without reading their columns.
private struct RowWork {
    let yearIndex: Int
    let municipality: Int
}

/// A row's group key as the sum of three table entries, by its slot (year index × 5 +
/// quarter), its municipality and its paragraph; an entry of `out` leaves every row with it out.
private struct KeyTables {
    static let out = Int.min / 4
    var slot: [Int], municipality: [Int], paragraph: [Int]

    /// Nil when a row's key is not such a sum: conditions mixing dimensions, or grouping by area
    /// (a row counts under each area of its paragraph).
    init?(_ scan: Scan, _ parts: [KeyPart], _ radices: [Int], _ allowed: [Bool], _ domains: Domains) {
        guard scan.residual == nil else { return nil }
        slot = allowed.map { $0 ? 0 : Self.out }
        municipality = (0..<domains.municipalities).map { scan.municipalities?[$0] ?? true ? 0 : Self.out }
        paragraph = (0..<domains.paragraphs).map { scan.paragraphs?[$0] ?? true ? 0 : Self.out }
        var stride = 1
        for (part, radix) in zip(parts, radices).reversed() {
            switch part {
            case .area: return nil
            case .municipality: for m in municipality.indices { municipality[m] += m * stride }
            case .ofMunicipality(let of): for m in municipality.indices { municipality[m] += of[m] * stride }
            case .paragraph: for p in paragraph.indices { paragraph[p] += p * stride }
            case .ofParagraph(let of): for p in paragraph.indices { paragraph[p] += of[p] * stride }
            case .year: for s in slot.indices { slot[s] += s / 5 * stride }
            case .quarter: for s in slot.indices { slot[s] += s % 5 * stride }
            }
            stride *= radix
        }
    }
}

/// What one thread of a tight scan fills: dense cells by group key, and which datasets and slots it counted.
private final class TightSums {
    let cells: UnsafeMutableBufferPointer<RollupCell>
    let datasetBits: UnsafeMutableBufferPointer<Bool>
    let slotBits: UnsafeMutableBufferPointer<Bool>

    init(cells: UnsafeMutableBufferPointer<RollupCell>, slots: Int) {
        self.cells = cells
        datasetBits = .allocate(capacity: 256)
        datasetBits.initialize(repeating: false)
        slotBits = .allocate(capacity: slots)
        slotBits.initialize(repeating: false)
    }

    deinit {
        datasetBits.deallocate()
        slotBits.deallocate()
    }

    var datasets: [Bool] { Array(datasetBits) }
    var slots: [Bool] { Array(slotBits) }
}

/// The fact columns as raw buffers, for the scan's inner loop.
private struct FactBuffers {
    var year: UnsafeBufferPointer<Int16>
    var quarter, municipality, paragraph, dataset: UnsafeBufferPointer<UInt8>
    var counts: CountBuffers
    var days: UnsafeBufferPointer<Float>
}

/// The four count columns (upheld, changed, remanded, dismissed) in their common width.
private enum CountBuffers {
    case one(UnsafePointer<UInt8>?, UnsafePointer<UInt8>?, UnsafePointer<UInt8>?, UnsafePointer<UInt8>?)
    case two(UnsafePointer<UInt16>?, UnsafePointer<UInt16>?, UnsafePointer<UInt16>?, UnsafePointer<UInt16>?)
    case four(UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?)
}

extension FactTable {
    /// The columns' buffers, for tables whose count columns share one width (`countWidth`).
    fileprivate func withBuffers<R>(_ body: (FactBuffers) -> R) -> R {
        func counts<T: BitwiseCopyable>(_ columns: (CountColumn) -> FactColumn<T>,
                                        _ make: (UnsafePointer<T>?, UnsafePointer<T>?, UnsafePointer<T>?, UnsafePointer<T>?) -> CountBuffers,
                                        _ body: (CountBuffers) -> R) -> R {
            columns(upheld).withUnsafeBufferPointer { upheld in
                columns(changed).withUnsafeBufferPointer { changed in
                    columns(remanded).withUnsafeBufferPointer { remanded in
                        columns(dismissed).withUnsafeBufferPointer { dismissed in
                            body(make(upheld.baseAddress, changed.baseAddress, remanded.baseAddress, dismissed.baseAddress))
                        }
                    }
                }
            }
        }
        func withCounts(_ body: (CountBuffers) -> R) -> R {
            switch countWidth {
            case .one: counts(\.one, CountBuffers.one, body)
            case .two: counts(\.two, CountBuffers.two, body)
            case .four, nil: counts(\.four, CountBuffers.four, body)
            }
        }
        return year.withUnsafeBufferPointer { year in
            quarter.withUnsafeBufferPointer { quarter in
                municipality.withUnsafeBufferPointer { municipality in
                    paragraph.withUnsafeBufferPointer { paragraph in
                        dataset.withUnsafeBufferPointer { dataset in
                            days.withUnsafeBufferPointer { days in
                                withCounts { counts in
                                    body(FactBuffers(year: year, quarter: quarter, municipality: municipality,
                                                     paragraph: paragraph, dataset: dataset, counts: counts, days: days))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Runs `first` here and `second` on a new thread at the same time; returns when both are done.
/// (Runs both here, one after the other, if no thread can be started.)
private func inParallel(_ first: () -> Void, _ second: () -> Void) {
    final class Job: @unchecked Sendable {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }
    withoutActuallyEscaping(second) { second in
        let job = Unmanaged.passRetained(Job(second))
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            Unmanaged<Job>.fromOpaque(context!).takeUnretainedValue().run()
            return nil
        }, job.toOpaque()) == 0
        first()
        if started { pthread_join(thread, nil) } else { job.takeUnretainedValue().run() }
        job.release()
    }
}

/// Running sums of one scan: dense storage when the key space is small, else a dictionary.
private final class Sums {
    let dense: UnsafeMutableBufferPointer<RollupCell>?
    var sparse: [Int: RollupCell] = [:]
    /// Outcome counts some cell of a group lacks (`MissingCell` bits), by group key.
    var missing: [Int: UInt8] = [:]

    init(keySpace: Int) {
        dense = keySpace <= 1 << 18 ? Self.cells(keySpace) : nil
    }

    deinit { dense?.deallocate() }

    /// `count` zeroed cells.
    static func cells(_ count: Int) -> UnsafeMutableBufferPointer<RollupCell> {
        let buffer = UnsafeMutableBufferPointer<RollupCell>.allocate(capacity: count)
        buffer.initialize(repeating: RollupCell())
        return buffer
    }

    @inline(__always)
    func add(_ key: Int, _ upheld: Int, _ changed: Int, _ remanded: Int, _ dismissed: Int, days: Float) {
        if let dense {
            RollupCell.add(&dense[key], upheld, changed, remanded, dismissed, days: days)
        } else {
            RollupCell.add(&sparse[key, default: RollupCell()], upheld, changed, remanded, dismissed, days: days)
        }
    }

    /// Adds a rollup cell (the sums of `cell.rows` rows).
    func add(_ key: Int, _ cell: RollupCell) {
        if let dense { dense[key].add(cell) } else { sparse[key, default: RollupCell()].add(cell) }
    }

    /// Marks counts of a group as missing in some cell.
    func markMissing(_ key: Int, _ mask: UInt8) {
        missing[key, default: 0] |= mask
    }

    /// The totals of group `key`, nil when it received no rows and no missing cells.
    @inline(__always)
    func totals(_ key: Int) -> Totals? {
        let mask = missing.isEmpty ? 0 : missing[key] ?? 0
        let cell: RollupCell
        if let dense { cell = dense[key] } else if let found = sparse[key] { cell = found } else { cell = RollupCell() }
        guard cell.rows > 0 || mask != 0 else { return nil }
        return Totals(upheld: cell.upheld, changed: cell.changed, remanded: cell.remanded, dismissed: cell.dismissed,
                      dayHundredths: cell.dayHundredths, daysWeight: cell.daysWeight, rows: cell.rows, missing: mask)
    }

    /// The keys of the groups that received rows or missing cells, ascending.
    var keys: [Int] {
        let counted = dense.map { dense in dense.indices.filter { dense[$0].rows > 0 } } ?? Array(sparse.keys)
        return missing.isEmpty ? counted.sorted() : Set(counted).union(missing.keys).sorted()
    }
}

/// Totals per group key, read in place from a scan's sums (no dictionary of every group), or
/// kept in a dictionary once changed (rolling years pool them).
struct GroupTotals: Sequence {
    private let sums: Sums?
    private var table: [Int: Totals]

    fileprivate init(_ sums: Sums) { (self.sums, table) = (sums, [:]) }
    init(_ table: [Int: Totals]) { (sums, self.table) = (nil, table) }

    subscript(key: Int) -> Totals? { sums.map { $0.totals(key) } ?? table[key] }

    /// The keys with totals, ascending.
    var keys: [Int] { sums?.keys ?? table.keys.sorted() }

    /// Every group's totals by key.
    var dictionary: [Int: Totals] {
        guard let sums else { return table }
        return Dictionary(uniqueKeysWithValues: sums.keys.map { ($0, sums.totals($0)!) })
    }

    /// The groups in ascending key order.
    func makeIterator() -> IndexingIterator<[(key: Int, value: Totals)]> {
        keys.map { (key: $0, value: self[$0]!) }.makeIterator()
    }
}

extension RollupCell {
    /// Adds one row's counts; its days count only when known and some case was decided.
    @inline(__always)
    static func add(_ cell: inout RollupCell, _ upheld: Int, _ changed: Int, _ remanded: Int, _ dismissed: Int, days: Float) {
        cell.upheld &+= upheld
        cell.changed &+= changed
        cell.remanded &+= remanded
        cell.dismissed &+= dismissed
        let decided = upheld &+ changed &+ remanded &+ dismissed
        if !days.isNaN, decided > 0 {
            cell.dayHundredths &+= FactTable.hundredths(days) &* decided
            cell.daysWeight &+= decided
        }
        cell.rows &+= 1
    }

    /// Adds another cell's sums.
    @inline(__always)
    mutating func add(_ other: RollupCell) {
        upheld &+= other.upheld
        changed &+= other.changed
        remanded &+= other.remanded
        dismissed &+= other.dismissed
        dayHundredths &+= other.dayHundredths
        daysWeight &+= other.daysWeight
        rows &+= other.rows
    }
}

extension Evaluator {
    /// Sums the rows a scan selects. Which values each chosen period holds comes from the
    /// index; the rows read are only those of the chosen years and municipalities, cell by cell.
    func aggregate(_ scan: Scan) -> Aggregate {
        let facts = store.facts
        let radices = scan.groupBy.map(domains.radix)
        let sums = Sums(keySpace: radices.reduce(1, *))
        let firstYear = domains.firstYear

        // Which (year, quarter) slots the scan allows, and what they hold.
        let slotCount = max(1, domains.years) * 5
        var allowed = [Bool](repeating: false, count: slotCount)
        var presentParagraphs = [Bool](repeating: false, count: domains.paragraphs)
        var presentMunicipalities = [Bool](repeating: false, count: domains.municipalities)
        var presentPeriods = Set<Int>()
        var yearlySkipped = Set<Int>()
        for slot in 0..<slotCount where domains.slotHasRows[slot] {
            let year = firstYear + slot / 5, quarter = slot % 5
            if let periods = scan.periods, !periods.allows(year: year, quarter: quarter) {
                if quarter == 0, periods.splits(year: year) { yearlySkipped.insert(year) }
                continue
            }
            allowed[slot] = true
            if quarter == 0 { presentPeriods.formUnion(year * 4..<year * 4 + 4) } else { presentPeriods.insert(year * 4 + quarter - 1) }
        }
        Self.markPresent(&presentParagraphs, domains.slotParagraphs, allowed)
        Self.markPresent(&presentMunicipalities, domains.slotMunicipalities, allowed)

        var usedDatasets = [Bool](repeating: false, count: 256)
        var countedSlots = [Bool](repeating: false, count: slotCount)
        let parts = scan.groupBy.map { dimension in KeyPart(dimension, domains) }
        let areaIndex = scan.groupBy.firstIndex(of: .area)
        let areaStride = areaIndex.map { radices[($0 + 1)...].reduce(1, *) } ?? 0

        /// The group key of a cell, or nil when the scan leaves it out.
        func groupKey(_ slot: Int, _ municipality: Int, _ paragraph: Int) -> Int? {
            guard allowed[slot] else { return nil }
            if let mask = scan.municipalities, !mask[municipality] { return nil }
            if let mask = scan.paragraphs, !mask[paragraph] { return nil }
            if let residual = scan.residual,
                !matches(residual, year: firstYear + slot / 5, quarter: slot % 5, municipality: municipality, paragraph: paragraph) {
                return nil
            }
            return cellKey(parts, radices, municipality: municipality, paragraph: paragraph, slot: slot)
        }

        let readDays = scan.days
        func visit(_ row: Int, _ cell: RowWork) {
            let slot = cell.yearIndex * 5 + Int(facts.quarter[row])
            let municipality = cell.municipality, paragraph = Int(facts.paragraph[row])
            guard let key = groupKey(slot, municipality, paragraph) else { return }
            let (upheld, changed) = (Int(facts.upheld[row]), Int(facts.changed[row]))
            let (remanded, dismissed) = (Int(facts.remanded[row]), Int(facts.dismissed[row]))
            if areaIndex != nil {
                // A row counts under each allowed area of its paragraph.
                for area in domains.areasOf[paragraph] where scan.areas[area] {
                    sums.add(key + area * areaStride, upheld, changed, remanded, dismissed, days: readDays ? facts.days[row] : .nan)
                }
            } else {
                sums.add(key, upheld, changed, remanded, dismissed, days: readDays ? facts.days[row] : .nan)
            }
            usedDatasets[Int(facts.dataset[row])] = true
            countedSlots[slot] = true
        }

        let chosen = scan.municipalities.map { mask in mask.indices.filter { mask[$0] } }
        if let byParagraph = rollup(for: scan, allowed: allowed) {
            // Pre-aggregated cells: per slot × paragraph, or per slot × municipality.
            let rollups = self.rollups
            let (cells, width) = byParagraph
                ? (rollups.byParagraph, domains.paragraphs) : (rollups.byMunicipality, domains.municipalities)
            let mask = byParagraph ? scan.paragraphs : scan.municipalities
            let values = mask.map { mask in mask.indices.filter { mask[$0] } } ?? Array(0..<width)
            for slot in 0..<slotCount where allowed[slot] {
                var counted = false
                for value in values where cells[slot * width + value].rows > 0 {
                    let cell = cells[slot * width + value]
                    let (municipality, paragraph) = byParagraph ? (0, value) : (value, 0)
                    let key = cellKey(parts, radices, municipality: municipality, paragraph: paragraph, slot: slot)
                    if areaIndex != nil {
                        for area in domains.areasOf[paragraph] where scan.areas[area] { sums.add(key + area * areaStride, cell) }
                    } else {
                        sums.add(key, cell)
                    }
                    counted = true
                }
                if counted {
                    countedSlots[slot] = true
                    usedDatasets[rollups.slotDataset[slot]] = true
                }
            }
        } else {
            // The rows to read: the cells of the chosen municipalities (all when not filtered) in
            // each chosen year.
            var work: [RowWork] = []
            let municipalities = chosen ?? Array(0..<domains.municipalities)
            for yearIndex in 0..<max(1, domains.years) where (0..<5).contains(where: { allowed[yearIndex * 5 + $0] }) {
                work += municipalities.map { RowWork(yearIndex: yearIndex, municipality: $0) }
            }
            if tightScans, facts.countWidth != nil, let keys = KeyTables(scan, parts, radices, allowed, domains), let cells = sums.dense {
                let counted = sumTightly(work, keys, days: scan.days, into: cells)
                for (i, used) in counted.datasets.enumerated() where used { usedDatasets[i] = true }
                for (slot, used) in counted.slots.enumerated() where used { countedSlots[slot] = true }
            } else {
                for cell in work {
                    if cancel?.isRaised == true { break }
                    for row in domains.rows(yearIndex: cell.yearIndex, municipality: cell.municipality) { visit(row, cell) }
                }
            }
        }

        // Cells the source marks missing: their group's figures that need them become empty.
        for cell in store.missing where cell.year >= firstYear && cell.year < firstYear + max(1, domains.years) {
            let slot = (cell.year - firstYear) * 5 + cell.quarter
            guard let key = groupKey(slot, cell.municipality, cell.paragraph) else { continue }
            if areaIndex != nil {
                for area in domains.areasOf[cell.paragraph] where scan.areas[area] { sums.markMissing(key + area * areaStride, cell.mask) }
            } else {
                sums.markMissing(key, cell.mask)
            }
            usedDatasets[cell.dataset] = true
        }

        var periods = Set<Int>()
        for slot in 0..<slotCount where countedSlots[slot] {
            let year = firstYear + slot / 5, quarter = slot % 5
            if quarter == 0 { periods.formUnion(year * 4..<year * 4 + 4) } else { periods.insert(year * 4 + quarter - 1) }
        }
        return Aggregate(
            radices: radices, totals: GroupTotals(sums),
            datasets: Set(usedDatasets.indices.filter { usedDatasets[$0] }), periods: periods,
            presentParagraphs: presentParagraphs, presentMunicipalities: presentMunicipalities, presentPeriods: presentPeriods,
            yearlyRows: (0..<max(1, domains.years)).contains { countedSlots[$0 * 5] }, yearlySkipped: yearlySkipped,
            coverage: Coverage(scan, domains, allowed: allowed))
    }

    /// Marks each value that some allowed slot holds (`slots`: slot × values + value).
    private static func markPresent(_ present: inout [Bool], _ slots: FactColumn<Bool>, _ allowed: [Bool]) {
        let width = present.count
        slots.withUnsafeBufferPointer { held in
            present.withUnsafeMutableBufferPointer { present in
                for slot in allowed.indices where allowed[slot] {
                    let row = UnsafeBufferPointer(rebasing: held[slot * width..<(slot + 1) * width])
                    for value in 0..<width where row[value] { present[value] = true }
                }
            }
        }
    }

    /// Sums the rows of `work` into `cells` through the key tables: on two threads when there are
    /// many rows (each half into its own cells, added together after; integer sums, so the
    /// result is the same). Stops between cells when the statement is cancelled.
    private func sumTightly(_ work: [RowWork], _ keys: KeyTables, days: Bool, into cells: UnsafeMutableBufferPointer<RollupCell>)
        -> (datasets: [Bool], slots: [Bool]) {
        let index = domains.index
        let rows = index.cellStart.withUnsafeBufferPointer { start in
            work.map { cell in
                let number = cell.yearIndex * index.municipalities + cell.municipality
                return Int(start[number + 1] - start[number])
            }
        }
        let estimate = rows.reduce(0, +)
        // A year whose slots each hold one dataset's rows (as the stored rollups say) has its
        // datasets marked by slot after the scan, without reading the dataset column.
        let slotDataset = index.rollups?.slotDataset
        let byRow = (0..<max(1, domains.years)).map { year in
            slotDataset.map { slotDataset in (0..<5).contains { slotDataset[year * 5 + $0] == -2 } } ?? true
        }
        let first = TightSums(cells: cells, slots: keys.slot.count)
        var counted: (datasets: [Bool], slots: [Bool])
        if estimate < splitRows || work.count < 2 {
            sumRows(work[...], keys, days: days, datasetsByRow: byRow, first)
            counted = (first.datasets, first.slots)
        } else {
            // Halves of about equal rows.
            var half = 0, taken = 0
            while half < work.count, taken * 2 < estimate {
                taken += rows[half]
                half += 1
            }
            let second = TightSums(cells: Sums.cells(cells.count), slots: keys.slot.count)
            defer { second.cells.deallocate() }
            inParallel({ sumRows(work[..<half], keys, days: days, datasetsByRow: byRow, first) },
                       { sumRows(work[half...], keys, days: days, datasetsByRow: byRow, second) })
            for key in cells.indices where second.cells[key].rows > 0 { cells[key].add(second.cells[key]) }
            counted = (zip(first.datasets, second.datasets).map { $0 || $1 }, zip(first.slots, second.slots).map { $0 || $1 })
        }
        if let slotDataset {
            for (slot, used) in counted.slots.enumerated() where used && slotDataset[slot] >= 0 { counted.datasets[slotDataset[slot]] = true }
        }
        return counted
    }

    /// The inner loop: each row's key is the sum of three table entries (its cell's municipality's
    /// and its slot's and paragraph's), its counts go into a dense cell; its days too when
    /// `readDays`, its dataset when `datasetsByRow` says so for its year (else those columns are not read).
    private func sumRows(_ work: ArraySlice<RowWork>, _ keys: KeyTables, days readDays: Bool, datasetsByRow: [Bool], _ out: TightSums) {
        store.facts.withBuffers { f in
            keys.slot.withUnsafeBufferPointer { slotKey in
                keys.municipality.withUnsafeBufferPointer { municipalityKey in
                    keys.paragraph.withUnsafeBufferPointer { paragraphKey in
                        // Base addresses in locals, so the loop keeps them in registers.
                        let (cells, datasets, slots) = (out.cells.baseAddress!, out.datasetBits.baseAddress!, out.slotBits.baseAddress!)
                        let (slotKey, paragraphKey) = (slotKey.baseAddress!, paragraphKey.baseAddress)
                        let (quarter, paragraph, days, dataset) = (f.quarter.baseAddress, f.paragraph.baseAddress, f.days.baseAddress, f.dataset.baseAddress)
                        // One loop per count width (a store keeps counts in 1, 2 or 4 bytes).
                        @inline(__always) func sumCounts<Rows: Sequence, Count: FixedWidthInteger>(
                            _ rows: Rows, slotBase: Int, municipalityKey: Int, readDataset: Bool,
                            _ upheld: UnsafePointer<Count>?, _ changed: UnsafePointer<Count>?,
                            _ remanded: UnsafePointer<Count>?, _ dismissed: UnsafePointer<Count>?
                        ) where Rows.Element: BinaryInteger {
                            for number in rows {
                                let row = Int(number)
                                let slot = slotBase &+ Int(quarter![row])
                                let key = slotKey[slot] &+ municipalityKey &+ paragraphKey![Int(paragraph![row])]
                                guard key >= 0 else { continue }
                                RollupCell.add(&cells[key], Int(upheld![row]), Int(changed![row]), Int(remanded![row]),
                                               Int(dismissed![row]), days: readDays ? days![row] : .nan)
                                if readDataset { datasets[Int(dataset![row])] = true }
                                slots[slot] = true
                            }
                        }
                        func sum<Rows: Sequence>(_ rows: Rows, _ cell: RowWork, municipalityKey: Int) where Rows.Element: BinaryInteger {
                            let (slotBase, readDataset) = (cell.yearIndex * 5, datasetsByRow[cell.yearIndex])
                            switch f.counts {
                            case .one(let upheld, let changed, let remanded, let dismissed):
                                sumCounts(rows, slotBase: slotBase, municipalityKey: municipalityKey, readDataset: readDataset, upheld, changed, remanded, dismissed)
                            case .two(let upheld, let changed, let remanded, let dismissed):
                                sumCounts(rows, slotBase: slotBase, municipalityKey: municipalityKey, readDataset: readDataset, upheld, changed, remanded, dismissed)
                            case .four(let upheld, let changed, let remanded, let dismissed):
                                sumCounts(rows, slotBase: slotBase, municipalityKey: municipalityKey, readDataset: readDataset, upheld, changed, remanded, dismissed)
                            }
                        }
                        let index = domains.index
                        for cell in work {
                            if cancel?.isRaised == true { break }
                            // A municipality the scan leaves out: none of the cell's rows count.
                            let placeKey = municipalityKey[cell.municipality]
                            guard placeKey >= 0 else { continue }
                            let rows = index.rows(cell: cell.yearIndex * index.municipalities + cell.municipality)
                            if rows.order == nil {
                                sum(rows.position..<rows.end, cell, municipalityKey: placeKey)
                            } else {
                                sum(rows, cell, municipalityKey: placeKey)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The group key of a row (or rollup cell) in mixed radix over the grouped dimensions.
    @inline(__always)
    private func cellKey(_ parts: [KeyPart], _ radices: [Int], municipality: Int, paragraph: Int, slot: Int) -> Int {
        var key = 0
        for (i, part) in parts.enumerated() {
            let value: Int
            switch part {
            case .municipality: value = municipality
            case .paragraph: value = paragraph
            case .ofMunicipality(let of): value = of[municipality]
            case .ofParagraph(let of): value = of[paragraph]
            case .area: value = 0
            case .year: value = slot / 5
            case .quarter: value = slot % 5
            }
            key = key * radices[i] + value
        }
        return key
    }

    /// Which rollup answers a scan, if any: the paragraph rollup when nothing is filtered or
    /// grouped by municipality, the municipality rollup when nothing is by paragraph, and only
    /// when each chosen slot's rows come from one dataset (so the footer can name it). A rollup
    /// cell sums a slot's rows of one value, so it never reads more than the rows would.
    /// Returns true for the paragraph rollup, false for the municipality rollup.
    func rollup(for scan: Scan, allowed: [Bool]) -> Bool? {
        guard useRollups, scan.residual == nil else { return nil }
        // Which base each grouped dimension reads: nil for period dimensions.
        let bases: [Bool?] = scan.groupBy.map { dimension in
            switch dimension.source {
            case .municipality: false
            case .paragraph, .area: true
            case .year, .quarter: nil
            case .lookup(let lookup): lookup.base == .paragraph
            }
        }
        let byParagraph = scan.municipalities == nil && !bases.contains(false)
        let byMunicipality = scan.paragraphs == nil && !bases.contains(true)
        guard byParagraph || byMunicipality else { return nil }
        let useParagraphs = byParagraph && !(byMunicipality && domains.municipalities < domains.paragraphs)
        let rollups = self.rollups
        for slot in allowed.indices where allowed[slot] && rollups.slotDataset[slot] == -2 { return nil }
        return useParagraphs
    }

    /// The rollups of this store, built on first use.
    var rollups: Rollups {
        domains.rollups.get { Rollups(store.facts, domains) }
    }

    func matches(_ filter: RowFilter, year: Int, quarter: Int, municipality: Int, paragraph: Int) -> Bool {
        switch filter {
        case .all: true
        case .municipality(let bits): bits[municipality]
        case .paragraph(let bits): bits[paragraph]
        case .period(let mask): mask.allows(year: year, quarter: quarter)
        case .and(let parts): parts.allSatisfy { matches($0, year: year, quarter: quarter, municipality: municipality, paragraph: paragraph) }
        case .or(let parts): parts.contains { matches($0, year: year, quarter: quarter, municipality: municipality, paragraph: paragraph) }
        case .not(let inner): !matches(inner, year: year, quarter: quarter, municipality: municipality, paragraph: paragraph)
        }
    }
}
