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
/// Layout (little-endian, native layout checked by a byte-order mark):
/// `DKQSTORE` · UInt32 version · UInt32 0x01020304 · UInt64 payload length · UInt64 payload checksum,
/// then the payload: key text, datasets, row count and ten columns, each section 8-byte aligned.
enum StoreFile {
    static let magic: [UInt8] = Array("DKQSTORE".utf8)
    /// Raise whenever the payload changes shape: older files are then rebuilt, never misread.
    static let version: UInt32 = 1
    static let headerSize = 32

    /// Why a store file was not used (for tests and `DKQ_STORE_DEBUG`).
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
        guard size >= headerSize else { return .failure(.foreign) }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            return .failure(.missing)
        }
        defer { munmap(mapped, size) }
        let bytes = UnsafeRawBufferPointer(start: mapped, count: size)
        guard Array(bytes[0..<8]) == magic else { return .failure(.foreign) }
        guard bytes.loadUnaligned(fromByteOffset: 12, as: UInt32.self) == 0x0102_0304 else { return .failure(.foreign) }
        guard bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self) == version else { return .failure(.otherVersion) }
        let length = bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
        guard length == UInt64(size - headerSize), length % 8 == 0 else { return .failure(.damaged) }
        let payload = UnsafeRawBufferPointer(rebasing: bytes[headerSize...])
        guard checksum(payload) == bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self) else { return .failure(.damaged) }
        var reader = PayloadReader(bytes: payload)
        guard let storedKey = reader.string() else { return .failure(.damaged) }
        guard storedKey == key else { return .failure(.stale) }
        guard let result = reader.contents(catalog: catalog) else { return .failure(.damaged) }
        return .success(result)
    }

    /// Writes the store to a temporary file beside `path`, then renames it over `path`
    /// (readers see the old file or the new one, never half of one). Returns false on failure.
    @discardableResult
    static func write(path: String, key: String, facts: FactTable, datasets: [DatasetInfo]) -> Bool {
        var payload = PayloadWriter()
        payload.string(key)
        payload.integer(datasets.count)
        for d in datasets {
            for text in [d.name, d.path, d.format, d.source, d.checksum] { payload.string(text) }
            payload.integer(d.synthetic ? 1 : 0)
        }
        payload.integer(facts.count)
        payload.column(facts.year)
        payload.column(facts.quarter)
        payload.column(facts.municipality)
        payload.column(facts.paragraph)
        payload.column(facts.upheld)
        payload.column(facts.changed)
        payload.column(facts.remanded)
        payload.column(facts.dismissed)
        payload.column(facts.days)
        payload.column(facts.dataset)

        var header = magic
        withUnsafeBytes(of: version.littleEndian) { header += $0 }
        withUnsafeBytes(of: UInt32(0x0102_0304)) { header += $0 }
        withUnsafeBytes(of: UInt64(payload.bytes.count).littleEndian) { header += $0 }
        let sum = payload.bytes.withUnsafeBytes { checksum($0) }
        withUnsafeBytes(of: sum.littleEndian) { header += $0 }

        let temporary = "\(path).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        let written = writeAll(descriptor, header) && writeAll(descriptor, payload.bytes) && fsync(descriptor) == 0
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

    /// A 64-bit checksum of 8-byte words in four independent lanes (fast enough to verify a
    /// 100 MB store at every start; detects flipped, cut or reordered bytes).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
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
        return hash ^ UInt64(bytes.count)
    }
}

/// `write(2)`, named apart from `StoreFile.write`.
private func writeSome(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

extension UInt64 {
    fileprivate func rotateLeft(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}

/// Builds a payload: every section padded to 8 bytes.
private struct PayloadWriter {
    var bytes: [UInt8] = []

    mutating func integer(_ value: Int) {
        withUnsafeBytes(of: UInt64(value).littleEndian) { bytes += $0 }
    }

    mutating func string(_ text: String) {
        let utf8 = Array(text.utf8)
        integer(utf8.count)
        bytes += utf8
        pad()
    }

    mutating func column<T: BitwiseCopyable>(_ values: [T]) {
        integer(values.count * MemoryLayout<T>.stride)
        values.withUnsafeBytes { bytes += $0 }
        pad()
    }

    private mutating func pad() {
        while bytes.count % 8 != 0 { bytes.append(0) }
    }
}

/// Reads a payload back; nil on anything out of bounds or inconsistent.
private struct PayloadReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    mutating func integer() -> Int? {
        guard offset + 8 <= bytes.count else { return nil }
        let value = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        offset += 8
        return value <= UInt64(Int32.max) * 64 ? Int(value) : nil
    }

    mutating func string() -> String? {
        guard let count = integer(), offset + count <= bytes.count else { return nil }
        let text = String(decoding: bytes[offset..<offset + count], as: UTF8.self)
        offset += (count + 7) / 8 * 8
        return text
    }

    mutating func column<T: BitwiseCopyable>(_: T.Type, rows: Int) -> [T]? {
        guard let count = integer(), count == rows * MemoryLayout<T>.stride, offset + count <= bytes.count else { return nil }
        let start = offset
        offset += (count + 7) / 8 * 8
        return [T](unsafeUninitializedCapacity: rows) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<start + count]))
            initialized = rows
        }
    }

    /// Datasets and rows; indices are checked against the catalog and the datasets.
    mutating func contents(catalog: Catalog) -> (FactTable, [DatasetInfo])? {
        guard let datasetCount = integer(), datasetCount <= 256 else { return nil }
        var datasets: [DatasetInfo] = []
        for _ in 0..<datasetCount {
            guard let name = string(), let path = string(), let format = string(), let source = string(),
                let checksum = string(), let synthetic = integer(), synthetic <= 1
            else { return nil }
            datasets.append(DatasetInfo(name: name, path: path, format: format, synthetic: synthetic == 1,
                                        source: source, checksum: checksum))
        }
        guard let rows = integer() else { return nil }
        var facts = FactTable()
        guard let year = column(Int16.self, rows: rows), let quarter = column(UInt8.self, rows: rows),
            let municipality = column(UInt8.self, rows: rows), let paragraph = column(UInt8.self, rows: rows),
            let upheld = column(Int32.self, rows: rows), let changed = column(Int32.self, rows: rows),
            let remanded = column(Int32.self, rows: rows), let dismissed = column(Int32.self, rows: rows),
            let days = column(Float.self, rows: rows), let dataset = column(UInt8.self, rows: rows),
            offset == bytes.count
        else { return nil }
        // The evaluator indexes arrays with these: a value out of range would crash it.
        guard (quarter.max() ?? 0) <= 4, Int(municipality.max() ?? 0) < max(1, catalog.municipalities.count),
            Int(paragraph.max() ?? 0) < max(1, catalog.paragraphs.count), Int(dataset.max() ?? 0) < max(1, datasets.count),
            year.allSatisfy({ (1900...2999).contains($0) }) || rows == 0
        else { return nil }
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
        return (facts, datasets)
    }
}
