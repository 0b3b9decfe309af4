// The persistent columnar store: one binary file holding a data folder's outcome rows and
// their provenance, so a start maps it instead of parsing every CSV. Versioned, checksummed,
// written atomically, keyed by the source files' fingerprints; anything unexpected is rejected
// (the caller then rebuilds it from the sources, which stay the truth).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing store files ("dkq store v1").
///
/// Layout (little-endian; native layout checked by a byte-order mark):
/// `DKQSTORE` · UInt32 version · UInt32 0x01020304 · UInt64 payload length · UInt64 checksum ·
/// UInt64 meta length, then the meta section (key text, datasets, row count) and ten columns,
/// each a UInt64 byte count and the raw values, padded to 8 bytes. Columns are read straight
/// into the engine's arrays (no parsing, no second copy); the checksum folds the meta section
/// and every column, so any flipped, cut or reordered byte is caught before the data is used.
enum StoreFile {
    static let magic: [UInt8] = Array("DKQSTORE".utf8)
    /// Raise whenever the layout changes: older files are then rebuilt, never misread.
    static let version: UInt32 = 1
    static let headerSize = 40

    /// Why a store file was not used.
    enum Rejection: Error, Equatable {
        case missing, foreign, otherVersion, damaged, stale
    }

    /// The outcome rows and datasets stored under `key`, or why they cannot be used.
    static func read(path: String, key: String, catalog: Catalog) -> Result<(FactTable, [DatasetInfo]), Rejection> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(.missing) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.foreign) }
        let size = Int(info.st_size)
        var file = FileReader(descriptor: descriptor)
        guard size >= headerSize, let header = file.bytes(headerSize) else { return .failure(.foreign) }
        func field<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T {
            header.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
        }
        guard Array(header[0..<8]) == magic, field(12, UInt32.self) == 0x0102_0304 else { return .failure(.foreign) }
        guard field(8, UInt32.self) == version else { return .failure(.otherVersion) }
        let (length, expected, metaLength) = (field(16, UInt64.self), field(24, UInt64.self), Int(field(32, UInt64.self)))
        guard length == UInt64(size - headerSize), metaLength % 8 == 0, metaLength <= size - headerSize,
            let meta = file.bytes(metaLength)
        else { return .failure(.damaged) }
        var sum = Checksum()
        meta.withUnsafeBytes { sum.fold($0) }
        var reader = MetaReader(bytes: meta)
        guard let storedKey = reader.string() else { return .failure(.damaged) }
        guard storedKey == key else { return .failure(.stale) }
        guard let datasets = reader.datasets(), let rows = reader.integer(), reader.offset == meta.count else { return .failure(.damaged) }
        func column<T: BitwiseCopyable>(_: T.Type) -> [T]? { file.column(T.self, rows: rows, sum: &sum) }
        var facts = FactTable()
        guard let year = column(Int16.self), let quarter = column(UInt8.self),
            let municipality = column(UInt8.self), let paragraph = column(UInt8.self),
            let upheld = column(Int32.self), let changed = column(Int32.self),
            let remanded = column(Int32.self), let dismissed = column(Int32.self),
            let days = column(Float.self), let dataset = column(UInt8.self),
            file.offset == size, sum.value == expected
        else { return .failure(.damaged) }
        // The evaluator indexes arrays with these: a value out of range would crash it.
        guard (quarter.max() ?? 0) <= 4, Int(municipality.max() ?? 0) < max(1, catalog.municipalities.count),
            Int(paragraph.max() ?? 0) < max(1, catalog.paragraphs.count), Int(dataset.max() ?? 0) < max(1, datasets.count),
            (year.min() ?? 1900) >= 1900, (year.max() ?? 2999) <= 2999
        else { return .failure(.damaged) }
        facts.year = year
        facts.quarter = quarter
        facts.municipality = municipality
        facts.paragraph = paragraph
        facts.upheld = upheld
        facts.changed = changed
        facts.remanded = remanded
        facts.dismissed = dismissed
        facts.days = days
        facts.dataset = dataset
        return .success((facts, datasets))
    }

    /// Writes the store to a temporary file beside `path`, then renames it over `path`
    /// (readers see the old file or the new one, never half of one). Returns false on failure.
    @discardableResult
    static func write(path: String, key: String, facts: FactTable, datasets: [DatasetInfo]) -> Bool {
        var meta = MetaWriter()
        meta.string(key)
        meta.integer(datasets.count)
        for d in datasets {
            for text in [d.name, d.path, d.format, d.source, d.checksum] { meta.string(text) }
            meta.integer(d.synthetic ? 1 : 0)
        }
        meta.integer(facts.count)
        var sum = Checksum()
        meta.bytes.withUnsafeBytes { sum.fold($0) }
        var columns: [[UInt8]] = []
        func add<T: BitwiseCopyable>(_ values: [T]) {
            var count = MetaWriter()
            count.integer(values.count * MemoryLayout<T>.stride)
            count.bytes.withUnsafeBytes { sum.fold($0) }
            values.withUnsafeBytes { sum.fold($0) }
            var section = count.bytes
            values.withUnsafeBytes { section += $0 }
            while section.count % 8 != 0 { section.append(0) }
            columns.append(section)
        }
        add(facts.year)
        add(facts.quarter)
        add(facts.municipality)
        add(facts.paragraph)
        add(facts.upheld)
        add(facts.changed)
        add(facts.remanded)
        add(facts.dismissed)
        add(facts.days)
        add(facts.dataset)

        var header = magic
        let length = meta.bytes.count + columns.reduce(0) { $0 + $1.count }
        withUnsafeBytes(of: version.littleEndian) { header += $0 }
        withUnsafeBytes(of: UInt32(0x0102_0304)) { header += $0 }
        withUnsafeBytes(of: UInt64(length).littleEndian) { header += $0 }
        withUnsafeBytes(of: sum.value.littleEndian) { header += $0 }
        withUnsafeBytes(of: UInt64(meta.bytes.count).littleEndian) { header += $0 }

        return writeAtomically(path, [header, meta.bytes] + columns)
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
}

/// A 64-bit checksum folded over sections: 8-byte words in four independent lanes (fast enough
/// to verify a 100 MB store at every start), each section's length mixed in.
struct Checksum {
    private(set) var value: UInt64 = 0x6463_6B71_7374_6F72

    mutating func fold(_ bytes: UnsafeRawBufferPointer) {
        let prime: UInt64 = 0x9E37_79B9_7F4A_7C15
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (1, 2, 3, 4)
        let words = bytes.count / 8
        var i = 0
        while i + 4 <= words {
            lanes.0 = (lanes.0 ^ bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* prime
            lanes.1 = (lanes.1 ^ bytes.loadUnaligned(fromByteOffset: i * 8 + 8, as: UInt64.self)) &* prime
            lanes.2 = (lanes.2 ^ bytes.loadUnaligned(fromByteOffset: i * 8 + 16, as: UInt64.self)) &* prime
            lanes.3 = (lanes.3 ^ bytes.loadUnaligned(fromByteOffset: i * 8 + 24, as: UInt64.self)) &* prime
            lanes.0 ^= lanes.0 >> 29
            lanes.1 ^= lanes.1 >> 29
            lanes.2 ^= lanes.2 >> 29
            lanes.3 ^= lanes.3 >> 29
            i += 4
        }
        var hash = lanes.0 &+ lanes.1.rotateLeft(7) &+ lanes.2.rotateLeft(13) &+ lanes.3.rotateLeft(19)
        while i < words {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* prime
            i += 1
        }
        for j in (words * 8)..<bytes.count { hash = (hash ^ UInt64(bytes[j])) &* prime }
        value = ((value ^ hash ^ UInt64(bytes.count)) &* prime).rotateLeft(17)
    }
}

/// Sequential reads from a store file.
private struct FileReader {
    let descriptor: Int32
    var offset = 0

    /// Exactly `count` bytes, or nil.
    mutating func bytes(_ count: Int) -> [UInt8]? {
        var result = [UInt8](repeating: 0, count: count)
        return result.withUnsafeMutableBytes { fill($0) } ? result : nil
    }

    private mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Bool {
        var done = 0
        while done < buffer.count {
            let count = readSome(descriptor, buffer.baseAddress! + done, buffer.count - done)
            if count <= 0 { return false }
            done += count
        }
        offset += buffer.count
        return true
    }

    /// One column: its byte count (which must fit `rows`), its values read straight into the
    /// array, and the padding (which must be zeros).
    mutating func column<T: BitwiseCopyable>(_: T.Type, rows: Int, sum: inout Checksum) -> [T]? {
        guard let countBytes = bytes(8) else { return nil }
        let count = countBytes.withUnsafeBytes { Int(UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self))) }
        guard count == rows * MemoryLayout<T>.stride else { return nil }
        countBytes.withUnsafeBytes { sum.fold($0) }
        var ok = true
        let values = [T](unsafeUninitializedCapacity: rows) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            ok = fill(UnsafeMutableRawBufferPointer(rebasing: raw[0..<count]))
            if ok { sum.fold(UnsafeRawBufferPointer(rebasing: raw[0..<count])) } else { raw.initializeMemory(as: UInt8.self, repeating: 0) }
            initialized = rows
        }
        guard ok, let padding = bytes((8 - count % 8) % 8), padding.allSatisfy({ $0 == 0 }) else { return nil }
        return values
    }
}

/// Builds the meta section: integers as UInt64, strings padded to 8 bytes.
private struct MetaWriter {
    var bytes: [UInt8] = []

    mutating func integer(_ value: Int) {
        withUnsafeBytes(of: UInt64(value).littleEndian) { bytes += $0 }
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
    let bytes: [UInt8]
    var offset = 0

    mutating func integer() -> Int? {
        guard offset + 8 <= bytes.count else { return nil }
        let value = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        offset += 8
        return value <= UInt64(Int32.max) ? Int(value) : nil
    }

    mutating func string() -> String? {
        guard let count = integer(), offset + count <= bytes.count else { return nil }
        let text = String(decoding: bytes[offset..<offset + count], as: UTF8.self)
        offset += (count + 7) / 8 * 8
        return text
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

/// `read(2)`, named apart from the readers' methods.
private func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// `write(2)`, named apart from `StoreFile.write`.
private func writeSome(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

extension UInt64 {
    fileprivate func rotateLeft(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}
