// The persistent columnar store: one binary file holding a data folder's outcome rows, their
// row index and their provenance, so a start maps it instead of parsing every CSV. Versioned, checksummed,
// written atomically, keyed by the source files' fingerprints; anything unexpected is rejected
// (the caller then rebuilds it from the sources, which stay the truth).

import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing store files ("dkq store v4").
///
/// Layout (little-endian; native layout checked by a byte-order mark): a 48-byte header
/// (`DKQSTORE` · UInt32 version · UInt32 0x01020304 · UInt64 file length · UInt64 meta length ·
/// UInt64 meta checksum · UInt64 0), the meta section (key text, datasets, row count, the row
/// index's sizes and years, the counts' width, whether the rollup cells are narrow (4-byte
/// fields), and a table of sections: offset, byte count,
/// checksum), then the sections, each aligned to 8 bytes: the ten fact columns (rows sorted by
/// year, then municipality; the four counts in the narrowest of 1, 2 or 4 bytes that holds them
/// all) and the row index (`FactIndex`). A start maps the file and the columns read
/// straight from the mapping: nothing is parsed or copied. Every section's checksum is verified
/// and the row values checked against the catalog and the index before anything is used (read
/// with `pread`, not through the mapping, on both cores when the file is large, so only pages a
/// query reads become resident), so a flipped, cut or reordered byte is caught and the file rebuilt.
enum StoreFile {
    static let magic: [UInt8] = Array("DKQSTORE".utf8)
    /// Raise whenever the layout changes: older files are then rebuilt, never misread.
    static let version: UInt32 = 4
    static let headerSize = 48

    /// Why a store file was not used.
    enum Rejection: Error, Equatable {
        case missing, foreign, otherVersion, damaged, stale
    }

    /// What a store file holds: the rows (with their index), their datasets, and each dataset's years.
    struct Contents {
        var facts: FactTable
        var datasets: [DatasetInfo]
        var yearsOf: [[Int]]
    }

    /// The contents stored under `key`, or throws why they cannot be used. (Thrown, not a
    /// `Result`: a generic `Result` is instantiated at run time, with a scan of every conformance.)
    static func read(path: String, key: String, catalog: Catalog) throws(Rejection) -> Contents {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .missing }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw .foreign }
        let size = Int(info.st_size)
        guard size >= headerSize, let mapping = FileMapping(descriptor: descriptor, length: size) else { throw .foreign }
        let file = UnsafeRawBufferPointer(start: mapping.address, count: size)
        func field<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T {
            T(littleEndian: file.loadUnaligned(fromByteOffset: offset, as: T.self))
        }
        guard Array(file[0..<8]) == magic, field(12, UInt32.self) == 0x0102_0304 else { throw .foreign }
        guard field(8, UInt32.self) == version else { throw .otherVersion }
        let metaLength = field(24, UInt64.self)
        guard field(16, UInt64.self) == UInt64(size), field(40, UInt64.self) == 0, metaLength % 8 == 0, metaLength <= UInt64(size - headerSize) else {
            throw .damaged
        }
        let meta = UnsafeRawBufferPointer(rebasing: file[headerSize..<headerSize + Int(metaLength)])
        guard checksum(meta) == field(32, UInt64.self) else { throw .damaged }
        var reader = MetaReader(bytes: meta)
        guard let storedKey = reader.string() else { throw .damaged }
        guard storedKey == key else { throw .stale }
        guard let datasets = reader.datasets(), let yearsOf = reader.yearLists(datasets.count), let rows = reader.integer(),
            let municipalities = reader.integer(), let paragraphs = reader.integer(),
            let firstYear = reader.integer(), let years = reader.integer(), let yearCount = reader.integer(), yearCount <= 1200
        else { throw .damaged }
        var yearList: [Int] = []
        for _ in 0..<yearCount {
            guard let year = reader.integer() else { throw .damaged }
            yearList.append(year)
        }
        guard years == 0 || (firstYear >= FactTable.yearLimits.lowerBound && firstYear + years - 1 <= FactTable.yearLimits.upperBound),
            let width = reader.integer(), let countWidth = CountWidth(rawValue: width),
            let narrow = reader.integer(), narrow <= 1
        else { throw .damaged }
        let widths = Widths(counts: countWidth, narrowRollups: narrow == 1)
        guard let sectionCount = reader.integer(), sectionCount == Section.allCases.count else { throw .damaged }
        var sections: [(offset: Int, count: Int, sum: UInt64)] = []
        var end = headerSize + Int(metaLength)
        for _ in 0..<sectionCount {
            guard let offset = reader.integer(), let count = reader.integer(), let sum = reader.unsigned(),
                offset == end, count <= size - offset
            else { throw .damaged }
            sections.append((offset, count, sum))
            end = offset + (count + 7) / 8 * 8
        }
        guard reader.offset == meta.count, end == size else { throw .damaged }
        // Each section must be as long as its values; then every byte is checked.
        let slots = max(1, years) * 5
        let counts = Section.allCases.map { $0.count(rows: rows, years: years, slots: slots, municipalities: municipalities, paragraphs: paragraphs) }
        for (section, expected) in zip(Section.allCases, counts) where sections[section.rawValue].count != expected * section.stride(widths) {
            throw .damaged
        }
        func column<T: BitwiseCopyable>(_ section: Section, _: T.Type) -> FactColumn<T> {
            FactColumn(mapping, offset: sections[section.rawValue].offset, count: counts[section.rawValue])
        }
        var facts = FactTable()
        facts.year = column(.year, Int16.self)
        facts.quarter = column(.quarter, UInt8.self)
        facts.municipality = column(.municipality, UInt8.self)
        facts.paragraph = column(.paragraph, UInt8.self)
        func countColumn(_ section: Section) -> CountColumn {
            switch countWidth {
            case .one: CountColumn(column(section, UInt8.self))
            case .two: CountColumn(column(section, UInt16.self))
            case .four: CountColumn(column(section, Int32.self))
            }
        }
        facts.upheld = countColumn(.upheld)
        facts.changed = countColumn(.changed)
        facts.remanded = countColumn(.remanded)
        facts.dismissed = countColumn(.dismissed)
        facts.days = column(.days, Float.self)
        facts.dataset = column(.dataset, UInt8.self)
        guard municipalities == catalog.municipalities.count, paragraphs == catalog.paragraphs.count,
            var index = FactIndex(municipalities: municipalities, paragraphs: paragraphs, firstYear: firstYear, years: years,
                                  yearList: yearList, rows: rows, cellStart: column(.cellStart, Int32.self),
                                  slotHasRows: column(.slotHasRows, Bool.self), slotParagraphs: column(.slotParagraphs, Bool.self),
                                  slotMunicipalities: column(.slotMunicipalities, Bool.self))
        else { throw .damaged }
        func rollupCells(_ section: Section) -> RollupCells {
            widths.narrowRollups ? RollupCells(column(section, NarrowRollupCell.self)) : RollupCells(column(section, RollupCell.self))
        }
        index.rollups = Rollups(byParagraph: rollupCells(.rollupByParagraph), byMunicipality: rollupCells(.rollupByMunicipality),
                                slotDataset: column(.slotDataset, Int.self))
        // Every byte against its checksum, and every row's values against the catalog and the
        // index (the evaluator indexes arrays with them), read with pread into a small buffer so
        // pages no query touches never become resident; on both cores when there is much to read.
        let datasetCount = datasets.count
        let checks: [(cost: Int, check: Check)] = Section.allCases.map { section in
            let entry = sections[section.rawValue]
            let values = valueCheck(section, index: index, datasets: datasetCount)
            return (entry.count, { buffer in verify(descriptor, entry, stride: section.stride(widths), values, into: buffer) })
        }
        guard runChecks(checks) else { throw .damaged }
        facts.index = index
        return Contents(facts: facts, datasets: datasets, yearsOf: yearsOf)
    }

    /// How narrowly a file keeps its counts and rollup cells.
    struct Widths {
        var counts: CountWidth
        var narrowRollups: Bool
    }

    /// The sections of a store file, in file order.
    enum Section: Int, CaseIterable {
        case year, quarter, municipality, paragraph, upheld, changed, remanded, dismissed, days, dataset
        case cellStart, slotHasRows, slotParagraphs, slotMunicipalities
        case rollupByParagraph, rollupByMunicipality, slotDataset

        /// Bytes per value (counts and rollup cells in the file's widths).
        func stride(_ widths: Widths) -> Int {
            switch self {
            case .year: 2
            case .quarter, .municipality, .paragraph, .dataset, .slotHasRows, .slotParagraphs, .slotMunicipalities: 1
            case .upheld, .changed, .remanded, .dismissed: widths.counts.rawValue
            case .days, .cellStart: 4
            case .slotDataset: MemoryLayout<Int>.stride
            case .rollupByParagraph, .rollupByMunicipality:
                widths.narrowRollups ? MemoryLayout<NarrowRollupCell>.stride : MemoryLayout<RollupCell>.stride
            }
        }

        func count(rows: Int, years: Int, slots: Int, municipalities: Int, paragraphs: Int) -> Int {
            switch self {
            case .cellStart: max(1, years) * municipalities + 1
            case .slotHasRows, .slotDataset: slots
            case .slotParagraphs, .rollupByParagraph: slots * paragraphs
            case .slotMunicipalities, .rollupByMunicipality: slots * municipalities
            default: rows
            }
        }
    }

    /// One section's check, reading through a buffer of `verifyChunk` bytes.
    private typealias Check = (UnsafeMutableRawBufferPointer) -> Bool

    /// Whether every check passes: on two threads when they have much to read (each thread runs
    /// whole checks, the costliest first, on the thread with less work so far). Each thread reads
    /// through one buffer of its own, reused from section to section (a buffer allocated per
    /// section could come back as fresh pages, each a page fault, after malloc trimmed the heap).
    private static func runChecks(_ checks: [(cost: Int, check: Check)]) -> Bool {
        guard checks.reduce(0, { $0 + $1.cost }) > 4 << 20 else {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: verifyChunk, alignment: 64)
            defer { buffer.deallocate() }
            return checks.allSatisfy { $0.check(buffer) }
        }
        var plan: [[Int]] = [[], []], load = [0, 0]
        for i in checks.indices.sorted(by: { checks[$0].cost > checks[$1].cost }) {
            let thread = load[0] <= load[1] ? 0 : 1
            plan[thread].append(i)
            load[thread] += checks[i].cost
        }
        let work = ParallelChecks(checks: checks.map(\.check), plan: plan)
        DispatchQueue.concurrentPerform(iterations: 2) { thread in work.run(thread) }
        return work.passed[0] && work.passed[1]
    }

    /// The two threads' shares of `runChecks`: each writes only its own result.
    private final class ParallelChecks: @unchecked Sendable {
        let checks: [Check]
        let plan: [[Int]]
        let passed = UnsafeMutablePointer<Bool>.allocate(capacity: 2)

        init(checks: [Check], plan: [[Int]]) {
            (self.checks, self.plan) = (checks, plan)
            passed.initialize(repeating: false, count: 2)
        }

        deinit { passed.deallocate() }

        func run(_ thread: Int) {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: verifyChunk, alignment: 64)
            defer { buffer.deallocate() }
            passed[thread] = plan[thread].allSatisfy { checks[$0](buffer) }
        }
    }

    /// Checks one piece of a section's values: its bytes, and the number of the first value in them.
    private typealias ValueCheck = (UnsafeRawBufferPointer, Int) -> Bool

    /// What a section's values must satisfy: row values index what they name, each index cell's
    /// run of rows holds only rows of its year and municipality, slots name a dataset (or -1, -2).
    private static func valueCheck(_ section: Section, index: FactIndex, datasets: Int) -> ValueCheck? {
        func below(_ limit: Int) -> ValueCheck {
            { bytes, _ in
                var top: UInt8 = 0
                for value in bytes { top = Swift.max(top, value) }
                return Int(top) < limit
            }
        }
        let (m, firstYear) = (index.municipalities, index.firstYear)
        switch section {
        case .year:
            return { bytes, first in runsMatch(bytes.bindMemory(to: Int16.self), first, index) { Int16(firstYear + $0 / m) } }
        case .municipality:
            return { bytes, first in runsMatch(bytes.bindMemory(to: UInt8.self), first, index) { UInt8($0 % m) } }
        case .quarter: return below(5)
        case .paragraph: return below(index.paragraphs)
        case .dataset: return below(datasets)
        case .slotDataset:
            return { bytes, _ in bytes.bindMemory(to: Int.self).allSatisfy { $0 >= -2 && $0 < datasets } }
        default: return nil
        }
    }

    /// Whether the values (row `first` on) equal `expected(cell)` for the index cell each row is
    /// in: one branch-free run per cell.
    @inline(__always)
    private static func runsMatch<T: FixedWidthInteger>(_ values: UnsafeBufferPointer<T>, _ first: Int, _ index: FactIndex,
                                                      _ expected: (Int) -> T) -> Bool {
        let end = first + values.count
        return index.cellStart.withUnsafeBufferPointer { start in
            // The cell holding row `first`: the last one starting at or before it.
            var low = 0, high = start.count - 1
            while high - low > 1 {
                let middle = (low + high) / 2
                if Int(start[middle]) <= first { low = middle } else { high = middle }
            }
            var (cell, row, differences) = (low, first, T.zero)
            while row < end {
                let stop = Swift.min(Int(start[cell + 1]), end), want = expected(cell)
                for value in UnsafeBufferPointer(rebasing: values[(row - first)..<(stop - first)]) { differences |= value ^ want }
                (row, cell) = (stop, cell + 1)
            }
            return differences == 0
        }
    }

    /// Bytes read per `pread` when verifying a section (a multiple of 64, the checksum's block).
    private static let verifyChunk = 1 << 16

    /// Whether a section's bytes (padding included) match its checksum and its values pass
    /// `values`: read in pieces into `buffer` (`verifyChunk` bytes), not through the mapping.
    private static func verify(_ descriptor: Int32, _ entry: (offset: Int, count: Int, sum: UInt64), stride: Int,
                               _ values: ValueCheck?, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        let length = (entry.count + 7) / 8 * 8
        var sum = SectionSum()
        var done = 0
        while done < length {
            let want = min(verifyChunk, length - done)
            guard readAll(descriptor, buffer.baseAddress!, want, at: entry.offset + done) else { return false }
            sum.add(UnsafeRawBufferPointer(rebasing: buffer[..<want]))
            if let values {
                // Values only, not the padding; each piece holds whole values (the stride divides the piece).
                let valueBytes = min(want, entry.count - done)
                if valueBytes > 0, !values(UnsafeRawBufferPointer(rebasing: buffer[..<valueBytes]), done / stride) { return false }
            }
            done += want
        }
        return Checksum.sum(of: sum) == entry.sum
    }
    /// Writes the rows (sorted by year and municipality, as `index` describes them) to a
    /// temporary file beside `path`, then renames it over `path` (readers see the old file or the
    /// new one, never half of one). Returns false on failure.
    @discardableResult
    static func write(path: String, key: String, facts: FactTable, index: FactIndex, datasets: [DatasetInfo], yearsOf: [[Int]]) -> Bool {
        var sections: [[UInt8]] = []
        var table: [(offset: Int, count: Int, sum: UInt64)] = []
        func addBytes(_ bytes: UnsafeRawBufferPointer) {
            var section = Array(bytes)
            let count = section.count
            while section.count % 8 != 0 { section.append(0) }
            table.append((0, count, section.withUnsafeBytes { checksum($0) }))  // padding included
            sections.append(section)
        }
        func add<T: BitwiseCopyable>(_ values: FactColumn<T>) { values.withUnsafeBytes { addBytes($0) } }
        let countWidth = CountWidth.narrowest([facts.upheld, facts.changed, facts.remanded, facts.dismissed])
        add(facts.year)
        add(facts.quarter)
        add(facts.municipality)
        add(facts.paragraph)
        for counts in [facts.upheld, facts.changed, facts.remanded, facts.dismissed] {
            counts.narrowed(to: countWidth).withUnsafeBytes { addBytes($0) }
        }
        add(facts.days)
        add(facts.dataset)
        add(index.cellStart)
        add(index.slotHasRows)
        add(index.slotParagraphs)
        add(index.slotMunicipalities)
        let rollups = index.rollups ?? Rollups(facts, index)
        let narrowRollups = rollups.byParagraph.narrow && rollups.byMunicipality.narrow
        rollups.byParagraph.withUnsafeBytes(narrow: narrowRollups) { addBytes($0) }
        rollups.byMunicipality.withUnsafeBytes(narrow: narrowRollups) { addBytes($0) }
        add(rollups.slotDataset)

        var meta = MetaWriter()
        meta.string(key)
        meta.integer(datasets.count)
        for d in datasets {
            for text in [d.name, d.path, d.format, d.source, d.checksum] { meta.string(text) }
            meta.integer(d.synthetic ? 1 : 0)
        }
        for years in yearsOf {
            meta.integer(years.count)
            for year in years { meta.integer(year) }
        }
        for value in [facts.count, index.municipalities, index.paragraphs, index.firstYear, index.years, index.yearList.count] {
            meta.integer(value)
        }
        for year in index.yearList { meta.integer(year) }
        meta.integer(countWidth.rawValue)
        meta.integer(narrowRollups ? 1 : 0)
        meta.integer(table.count)
        // The table's own size is known before its offsets: 3 words a section.
        var offset = headerSize + meta.bytes.count + table.count * 24
        for (i, entry) in table.enumerated() {
            meta.integer(offset)
            meta.integer(entry.count)
            meta.unsigned(entry.sum)
            offset += sections[i].count
        }

        var header = magic
        withUnsafeBytes(of: version.littleEndian) { header += $0 }
        withUnsafeBytes(of: UInt32(0x0102_0304)) { header += $0 }
        withUnsafeBytes(of: UInt64(offset).littleEndian) { header += $0 }
        withUnsafeBytes(of: UInt64(meta.bytes.count).littleEndian) { header += $0 }
        withUnsafeBytes(of: meta.bytes.withUnsafeBytes { checksum($0) }.littleEndian) { header += $0 }
        withUnsafeBytes(of: UInt64(0)) { header += $0 }
        return writeAtomically(path, [header, meta.bytes] + sections)
    }

    /// Writes `sections` to a temporary file beside `path`, syncs it and renames it over `path`:
    /// a reader sees the old file or the whole new one, never part of it.
    static func writeAtomically(_ path: String, _ sections: [[UInt8]]) -> Bool {
        let temporary = "\(path).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        var written = true
        for section in sections where written { written = writeAll(descriptor, section) }
        written = written && fsync(descriptor) == 0
        close(descriptor)
        guard written, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = writeSome(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
    }

    /// The checksum of one buffer (as the file folds each section).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var sum = Checksum()
        sum.fold(bytes)
        return sum.value
    }

    /// Reads `count` bytes at `offset` of the file into `buffer`; false when the file ends first or reading fails.
    private static func readAll(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int, at offset: Int) -> Bool {
        var done = 0
        while done < count {
            let read = pread(descriptor, buffer + done, count - done, off_t(offset + done))
            if read <= 0 { return false }
            done += read
        }
        return true
    }
}

/// A 64-bit checksum folded over sections. Each section's 8-byte words feed eight lanes of
/// Fletcher-style sums (each lane sums its words, and sums those running sums, so a word's place
/// counts): additions only, which the compiler turns into vector code, fast enough to verify a
/// 100 MB store at every start. The lanes, the tail bytes and the section's length are then
/// mixed by multiplication into the running value.
struct Checksum {
    private(set) var value: UInt64 = 0x6463_6B71_7374_6F72

    mutating func fold(_ bytes: UnsafeRawBufferPointer) {
        var section = SectionSum()
        section.add(bytes)
        fold(section)
    }

    /// Mixes in one section's sums.
    mutating func fold(_ section: SectionSum) {
        let prime: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = value
        for lane in 0..<8 {
            hash = (hash ^ section.sums[lane]) &* prime
            hash = (hash ^ section.running[lane] ^ (hash >> 29)) &* prime
        }
        for byte in section.tail { hash = (hash ^ UInt64(byte)) &* prime }
        value = ((hash ^ UInt64(section.length)) &* prime).rotateLeft(17)
    }

    /// The checksum of one section, as the file keeps it.
    static func sum(of section: SectionSum) -> UInt64 {
        var sum = Checksum()
        sum.fold(section)
        return sum.value
    }
}

/// The lane sums of one section, fed in pieces: every piece but the last a multiple of 64 bytes long.
struct SectionSum {
    fileprivate var sums = SIMD8<UInt64>(repeating: 0), running = SIMD8<UInt64>(repeating: 0)
    /// The bytes after the last whole 64-byte block.
    fileprivate var tail: [UInt8] = []
    fileprivate var length = 0

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        precondition(tail.isEmpty, "only the last piece of a section may end in part of a block")
        let blocks = bytes.count / 64
        var (sums, running) = (self.sums, self.running)
        for block in 0..<blocks {
            sums &+= bytes.loadUnaligned(fromByteOffset: block * 64, as: SIMD8<UInt64>.self)
            running &+= sums
        }
        (self.sums, self.running) = (sums, running)
        if blocks * 64 < bytes.count { tail = Array(bytes[(blocks * 64)...]) }
        length += bytes.count
    }
}

/// Builds the meta section: integers as UInt64, strings padded to 8 bytes.
private struct MetaWriter {
    var bytes: [UInt8] = []

    mutating func integer(_ value: Int) {
        unsigned(UInt64(bitPattern: Int64(value)))
    }

    mutating func unsigned(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    mutating func string(_ text: String) {
        let utf8 = Array(text.utf8)
        integer(utf8.count)
        bytes += utf8
        while bytes.count % 8 != 0 { bytes.append(0) }
    }
}

/// Reads the meta section back; nil on anything out of bounds.
private struct MetaReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    /// A count, size or year: 0 up to Int32.max, else nil.
    mutating func integer() -> Int? {
        guard let value = unsigned(), value <= UInt64(Int32.max) else { return nil }
        return Int(value)
    }

    mutating func unsigned() -> UInt64? {
        guard offset + 8 <= bytes.count else { return nil }
        let value = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        offset += 8
        return value
    }

    mutating func string() -> String? {
        guard let count = integer(), offset + count <= bytes.count else { return nil }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
        offset += (count + 7) / 8 * 8
        return text
    }

    /// `count` lists of years (each dataset's), each at most the years dkq accepts.
    mutating func yearLists(_ count: Int) -> [[Int]]? {
        var lists: [[Int]] = []
        for _ in 0..<count {
            guard let length = integer(), length <= FactTable.yearLimits.count else { return nil }
            var years: [Int] = []
            for _ in 0..<length {
                guard let year = integer() else { return nil }
                years.append(year)
            }
            lists.append(years)
        }
        return lists
    }

    mutating func datasets() -> [DatasetInfo]? {
        guard let count = integer(), count <= 256 else { return nil }
        var datasets: [DatasetInfo] = []
        for _ in 0..<count {
            guard let name = string(), let path = string(), let format = string(), let source = string(),
                let checksum = string(), let synthetic = integer(), synthetic <= 1
            else { return nil }
            datasets.append(DatasetInfo(name: name, path: path, format: format, synthetic: synthetic == 1,
                                        source: source, checksum: checksum))
        }
        return datasets
    }
}

/// `write(2)`, named apart from `StoreFile.write`.
private func writeSome(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

extension UInt64 {
    fileprivate func rotateLeft(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}
