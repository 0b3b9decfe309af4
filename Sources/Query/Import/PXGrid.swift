// A dense PC-Axis table read straight into the rows of the fact table being built: a cell's row is
// the sum of one offset per dimension value, in the engine's order (by year, then municipality),
// so no page store and no reordering copy are needed; the leaf rows are then closed up in place.
#if canImport(Glibc)
import Glibc
#endif

/// Where the cells of a dense table go. There is one row per period × place value × paragraph
/// value. Rows are grouped by year, then place value (the municipalities in catalogue order, then
/// the totals), then period and paragraph value. Each year has room for the most periods any year has.
struct PXGrid {
    /// Rows in all, padding included.
    let rows: Int
    /// Per dimension, the row offset of each of its values (0 for the outcome and ignored dimensions).
    let offsets: [[Int]]
    /// The time values of each year, years ascending, each year's in file order.
    let years: [[Int]]
    /// The municipality values in catalogue order: the first places of every year.
    let municipalities: [Int]
    /// Rows per place value within a year, and per year.
    let perPlace: Int, perYear: Int
    /// Where each kind's cells go (0-3 the outcome counts, 4 the total, 5 realitetsbehandlede; nil
    /// when the table lacks the kind), and the days (kind 6).
    var counts: [UnsafeMutablePointer<Int32>?] = Array(repeating: nil, count: 6)
    var days: UnsafeMutablePointer<Float>?

    /// A cell's row.
    func row(_ coords: [Int]) -> Int {
        var row = 0
        for dim in coords.indices { row += offsets[dim][coords[dim]] }
        return row
    }
}

extension PXCellReader {
    /// The grid of a dense table in a file of `fileBytes` bytes, or nil: for the sparse KEYS form, a
    /// pipe, dimensions more cells than the file could hold (each takes two bytes at least), two place
    /// values of one municipality, or years with so uneven a number of periods that the padding would
    /// double the rows.
    func gridLayout(fileBytes: Int) -> PXGrid? {
        guard keyDims.isEmpty, fileBytes > 0, totalCells <= fileBytes / 2 + 1 else { return nil }
        let dims = table.dimensions
        let places = dims[placeDim].places
        var municipalities: [(municipality: Int, value: Int)] = []
        for (value, place) in places.enumerated() {
            if case .municipality(let municipality) = place { municipalities.append((municipality, value)) }
        }
        municipalities.sort { $0.municipality < $1.municipality }
        for index in municipalities.indices.dropFirst() where municipalities[index].municipality == municipalities[index - 1].municipality {
            return nil
        }
        let periods = dims[timeDim].periods
        let years = Dictionary(grouping: 0..<sizes[timeDim]) { periods[$0].year }.sorted { $0.key < $1.key }.map(\.value)
        let slots = years.map(\.count).max() ?? 0
        guard slots * years.count <= 2 * sizes[timeDim] else { return nil }
        let perPlace = slots * sizes[paragraphDim], perYear = sizes[placeDim] * perPlace
        var offsets = sizes.map { [Int](repeating: 0, count: $0) }
        for (year, times) in years.enumerated() {
            for (slot, t) in times.enumerated() { offsets[timeDim][t] = year * perYear + slot * sizes[paragraphDim] }
        }
        let totals = places.indices.filter { if case .municipality = places[$0] { false } else { true } }
        for (rank, value) in (municipalities.map(\.value) + totals).enumerated() { offsets[placeDim][value] = rank * perPlace }
        for p in 0..<sizes[paragraphDim] { offsets[paragraphDim][p] = p }
        return PXGrid(rows: years.count * perYear, offsets: offsets, years: years, municipalities: municipalities.map(\.value),
                      perPlace: perPlace, perYear: perYear)
    }

    /// Reads plain-integer cells into the grid from `start` (as `scanPlainCells` does into pages) until
    /// a token it does not handle (a quote, `;`, `..`, a sign, a decimal, the cell after the last) or a
    /// token cut off at the end of `buffer`; returns where it stopped.
    mutating func scanGridCells(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, grid: PXGrid) -> Int {
        guard let base = buffer.baseAddress, !coords.isEmpty else { return start }
        let count = buffer.count
        let innerDim = coords.count - 1
        let innerSize = sizes[innerDim]
        var coords = self.coords
        var line = self.line
        var lineStart = self.lineStartOffset
        var cellCount = self.cellCount
        let totalCells = self.totalCells
        let offset = self.offset
        let counts = grid.counts
        let days = grid.days
        let kindOf = self.kindOf
        var runRow = 0, runKind = 0
        func startRun() {
            runRow = 0
            for dim in 0..<innerDim { runRow += grid.offsets[dim][coords[dim]] }
            runKind = innerDim == outcomeDim ? -1 : kindOf[coords[outcomeDim]]
        }
        startRun()
        var inner = coords[innerDim]
        var index = start
        grid.offsets[innerDim].withUnsafeBufferPointer { innerRow in
            while index < count {
                let byte = base[index]
                if byte == 0x20 || byte == 0x09 || byte == 0x2C || byte == 0x0D { index += 1; continue }
                if byte == 0x0A { line += 1; lineStart = offset + index + 1; index += 1; continue }
                // A token of up to 9 digits, ended by a blank, comma or `;` inside the buffer.
                var end = index
                var number = 0
                while end < count {
                    let digit = base[end] &- 0x30
                    if digit > 9 { break }
                    number = number &* 10 &+ Int(digit)
                    end += 1
                }
                if end == index || end - index > 9 || end == count || cellCount >= totalCells { return }
                let after = base[end]
                guard after == 0x20 || after == 0x0A || after == 0x2C || after == 0x09 || after == 0x0D || after == 0x3B else { return }
                let kind = runKind < 0 ? kindOf[inner] : runKind
                let row = runRow + innerRow[inner]
                if kind == 6 {
                    days.unsafelyUnwrapped[row] = Float(number)
                } else {
                    counts[kind].unsafelyUnwrapped[row] = Int32(truncatingIfNeeded: number)
                }
                index = end
                cellCount += 1
                inner += 1
                if inner == innerSize {
                    // Carry into the outer dimensions.
                    inner = 0
                    _ = Self.step(&coords, sizes, last: innerDim - 1)
                    startRun()
                }
            }
        }
        coords[innerDim] = inner
        self.coords = coords
        self.line = line
        self.lineStartOffset = lineStart
        self.cellCount = cellCount
        return index
    }

    /// Points the grid at `columns` (a table of `grid.rows` rows) and `totals` (room for the
    /// total and realitetsbehandlede cells, `grid.rows` each, when the table has them); the counts
    /// of outcomes the table lacks read 0, and days NaN when it has none.
    mutating func attach(_ grid: PXGrid, to columns: FactColumns, totals: UnsafeMutablePointer<Int32>?) {
        var grid = grid
        let outcomes = [columns.upheld, columns.changed, columns.remanded, columns.dismissed]
        for kind in 0..<4 {
            if slotOfKind[kind] >= 0 { grid.counts[kind] = outcomes[kind].baseAddress } else { outcomes[kind].initialize(repeating: 0) }
        }
        var next = totals
        for kind in 4...5 where slotOfKind[kind] >= 0 {
            grid.counts[kind] = next
            next = next.map { $0 + grid.rows }
        }
        if slotOfKind[6] < 0 { columns.days.initialize(repeating: .nan) }
        grid.days = columns.days.baseAddress
        // The cells of one run of periods land a year apart: on 2 MB pages they miss the TLB far less.
        for column in outcomes { adviseHugePages(UnsafeMutableRawBufferPointer(column)) }
        adviseHugePages(UnsafeMutableRawBufferPointer(columns.days))
        if let totals { adviseHugePages(UnsafeMutableRawBufferPointer(start: totals, count: 4 * (next.map { totals.distance(to: $0) } ?? 0))) }
        self.grid = grid
    }

    /// Closes the leaf rows up in place (dropping those with no case and no days) and writes their
    /// year, quarter, municipality and paragraph; returns how many there are, and the leaf cells marked
    /// missing (`..`) in the order the pages gave them.
    func closeUp(_ columns: FactColumns) -> (rows: Int, missing: [MissingCell]) {
        guard let grid else { return (0, []) }
        let dims = table.dimensions
        let places = dims[placeDim].places, paragraphs = dims[paragraphDim].paragraphs, periods = dims[timeDim].periods
        var leafParagraphs: [(value: Int, paragraph: Int)] = []
        for (value, mapped) in paragraphs.enumerated() {
            if case .paragraph(let paragraph) = mapped { leafParagraphs.append((value, paragraph)) }
        }
        let sizeM = sizes[placeDim], sizeP = sizes[paragraphDim]
        var missing: [(at: Int, cell: MissingCell)] = []
        var rows = 0
        for (yearIndex, times) in grid.years.enumerated() {
            for (rank, m) in grid.municipalities.enumerated() {
                guard case .municipality(let municipality) = places[m] else { continue }
                for (slot, t) in times.enumerated() {
                    let period = periods[t]
                    let year = Int16(truncatingIfNeeded: period.year), quarter = UInt8(truncatingIfNeeded: period.quarter)
                    let first = yearIndex * grid.perYear + rank * grid.perPlace + slot * sizeP
                    for (p, paragraph) in leafParagraphs {
                        let row = first + p
                        let raw0 = columns.upheld[row], raw1 = columns.changed[row], raw2 = columns.remanded[row], raw3 = columns.dismissed[row]
                        let days = columns.days[row]
                        let mask = (raw0 == pxMissing ? MissingCell.upheld : 0) | (raw1 == pxMissing ? MissingCell.changed : 0)
                            | (raw2 == pxMissing ? MissingCell.remanded : 0) | (raw3 == pxMissing ? MissingCell.dismissed : 0)
                        if mask != 0 {
                            missing.append(((t * sizeM + m) * sizeP + p, MissingCell(
                                year: Int(year), quarter: Int(quarter), municipality: municipality, paragraph: paragraph, mask: mask)))
                        }
                        let part0 = max(raw0, 0), part1 = max(raw1, 0), part2 = max(raw2, 0), part3 = max(raw3, 0)
                        if part0 | part1 | part2 | part3 == 0 && days.isNaN { continue }
                        columns.year[rows] = year
                        columns.quarter[rows] = quarter
                        columns.municipality[rows] = UInt8(truncatingIfNeeded: municipality)
                        columns.paragraph[rows] = UInt8(truncatingIfNeeded: paragraph)
                        columns.upheld[rows] = part0
                        columns.changed[rows] = part1
                        columns.remanded[rows] = part2
                        columns.dismissed[rows] = part3
                        columns.days[rows] = days
                        rows += 1
                    }
                }
            }
        }
        return (rows, missing.sorted { $0.at < $1.at }.map(\.cell))
    }
}

/// Asks for transparent huge pages over the whole 2 MB pages inside `buffer` (Linux; a hint only).
func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
    #if os(Linux)
    guard let base = buffer.baseAddress else { return }
    let huge = 2 << 20
    let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
    let end = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
    if end > start, let address = UnsafeMutableRawPointer(bitPattern: start) { _ = madvise(address, end - start, MADV_HUGEPAGE) }
    #endif
}
