// The data folder's small tables (catalogue, citations, population, decisions, published
// figures, map) kept in one binary file in the cache directory, so a start reads them without
// parsing their CSV files. Keyed like the store file: every source file's size, times and inode,
// and the names in decisions/. A stale, damaged or foreign file is parsed again and rewritten.
// The file is mapped, not copied, and the map is decoded only when a picture first needs it.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything a data folder holds besides its outcome rows, as read from its files. Rows'
/// `dataset` numbers are set when they join the store.
struct FolderTables {
    var catalog: Catalog
    var citations: [(pattern: String, citation: Citation)]
    var population: (info: DatasetInfo, rows: [PopulationRow])?
    var decisions: [(info: DatasetInfo, rows: [DecisionRow])]
    var published: [PublishedRate]
    var atlas: LazyAtlas
}

/// The snapshot file of one data folder.
struct SideSnapshot {
    let path: String
    let key: String

    static let magic = Array("dkq side tables v2\n".utf8)

    /// The snapshot of `folder` in `cacheDirectory`, under the key of the folder's files now.
    init(cacheDirectory: String, folder: String, decisionFiles: [String]) {
        let absolute = StoreCache.realPath(folder) ?? folder
        path = cacheDirectory + "/sides-" + fnv1a64Hex(Array(absolute.utf8)) + ".dkq"
        key = StoreCache.key(folder: folder, sources: [
            "municipalities.csv", "paragraphs.csv", CitationsFile.name, PopulationFile.path, "decisions",
            PublishedFigures.national, PublishedFigures.municipal, Atlas.outlineFile, Atlas.tileFile,
        ] + decisionFiles.map { "decisions/" + $0 })
    }

    /// The tables, or nil when the file is missing, of another key or version, or damaged.
    func read() -> FolderTables? {
        guard var reader = SnapshotReader.opened(path: path, magic: Self.magic, key: key),
            let tables = try? reader.folderTables()
        else { return nil }
        return reader.at == reader.end ? tables : nil
    }

    /// Saves `tables` (atomically: a reader sees the old file or the new one); false when it cannot.
    @discardableResult
    func write(_ tables: FolderTables) -> Bool {
        StoreFile.writeAtomically(path, [SnapshotWriter.sealed(magic: Self.magic, key: key) { $0.folderTables(tables) }])
    }
}

extension SnapshotWriter {
    /// A snapshot file's bytes: `magic`, `key`, what `body` writes, then the checksum of all of it.
    static func sealed(magic: [UInt8], key: String, _ body: (inout SnapshotWriter) -> Void) -> [UInt8] {
        var writer = SnapshotWriter()
        writer.bytes = magic
        writer.string(key)
        body(&writer)
        writer.int(Int(bitPattern: UInt(writer.bytes.withUnsafeBytes { SideSnapshot.checksum($0) })))
        return writer.bytes
    }
}

extension SnapshotReader {
    /// A reader of what `SnapshotWriter.sealed` wrote to `path` (mapped, not copied), at the start
    /// of the body; nil when the file is missing, of another magic or key, or fails its checksum.
    static func opened(path: String, magic: [UInt8], key: String) -> SnapshotReader? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) >= magic.count + 16,
            let mapping = FileMapping(descriptor: descriptor, length: Int(info.st_size))
        else { return nil }
        let file = UnsafeRawBufferPointer(start: mapping.address, count: mapping.length)
        var reader = SnapshotReader(file, owner: mapping)
        reader.end = file.count - 8
        guard (try? reader.int(at: reader.end)) == Int(bitPattern: UInt(SideSnapshot.checksum(UnsafeRawBufferPointer(rebasing: file[..<reader.end])))),
            (try? reader.raw(magic.count))?.elementsEqual(magic) == true, (try? reader.string()) == key
        else { return nil }
        return reader
    }
}

extension SideSnapshot {
    /// FNV-1a over 8-byte words (then the last bytes one by one): a damaged file's check, eight
    /// times fewer steps than byte by byte over the map's quarter megabyte.
    static func checksum(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let words = raw.count / 8
        for index in 0..<words {
            hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))) &* 0x0000_0100_0000_01b3
        }
        for byte in raw[(words * 8)...] { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}

/// Appends values as little-endian 64-bit integers, and strings as their length and UTF-8 bytes.
struct SnapshotWriter {
    var bytes: [UInt8] = []

    mutating func int(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func double(_ value: Double) { int(Int(bitPattern: UInt(value.bitPattern))) }
    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }
    @inline(__always)
    mutating func list<T>(_ values: [T], _ each: (inout SnapshotWriter, T) -> Void) {
        int(values.count)
        for value in values { each(&self, value) }
    }

    mutating func folderTables(_ t: FolderTables) {
        list(t.catalog.municipalities) { w, m in
            w.int(m.code)
            for text in [m.name, m.astName, m.fullName, m.region] { w.string(text) }
        }
        list(t.catalog.paragraphs) { w, p in
            for text in [p.code, p.law, p.label] { w.string(text) }
            w.list(p.sections) { $0.string($1) }
            w.list(p.areas) { $0.int($1.index) }
            w.bool(p.formerly != nil)
            w.string(p.formerly ?? "")
        }
        list(t.citations) { w, c in
            w.string(c.pattern)
            w.citation(c.citation)
        }
        bool(t.population != nil)
        if let population = t.population {
            dataset(population.info)
            list(population.rows) { w, r in
                w.int(r.municipality)
                w.int(r.year)
                w.double(r.value)
                w.bool(r.unconfirmed)
            }
        }
        list(t.decisions) { w, file in
            w.dataset(file.info)
            w.list(file.rows) { w, r in
                for number in [r.municipality, r.year, r.area.index, r.decisions, r.grants ?? -1] { w.int(number) }
            }
        }
        list(t.published) { w, p in
            for number in [p.year, p.area.index, p.municipality ?? -1] { w.int(number) }
            w.double(p.rate)
            w.string(p.source)
        }
        let atlas = t.atlas.atlas
        bool(atlas != nil)
        if let atlas {
            // The map as one block with its length first, so a start can step over it undecoded.
            var block = SnapshotWriter()
            block.list(atlas.outlines.sorted { $0.key < $1.key }) { w, outline in
                w.int(outline.key)
                w.string(outline.value)
            }
            block.list(atlas.tiles.sorted { $0.key < $1.key }) { w, tile in
                for number in [tile.key, tile.value.row, tile.value.column] { w.int(number) }
                w.string(tile.value.abbreviation)
            }
            block.string(atlas.outlineSource)
            int(block.bytes.count)
            bytes.append(contentsOf: block.bytes)
        }
    }

    mutating func dataset(_ info: DatasetInfo) {
        for text in [info.name, info.path, info.format, info.source, info.checksum] { string(text) }
        bool(info.synthetic)
        citation(info.citation)
    }

    mutating func citation(_ c: Citation) {
        for text in [c.publisher, c.table, c.title, c.date, c.dateKind.rawValue, c.url, c.given] { string(text) }
        list(c.years) { $0.int($1) }
        bool(c.synthetic)
    }
}

/// Reads what `SnapshotWriter` wrote; throws at anything out of range.
struct SnapshotReader: @unchecked Sendable {
    struct Damaged: Error {}
    /// The file's bytes, valid while `owner` (the file's mapping) lives; never written.
    let bytes: UnsafeRawBufferPointer
    let owner: FileMapping
    var at = 0
    var end: Int

    init(_ bytes: UnsafeRawBufferPointer, owner: FileMapping) {
        self.bytes = bytes
        self.owner = owner
        end = bytes.count
    }

    mutating func raw(_ count: Int) throws(Damaged) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= end - at else { throw Damaged() }
        defer { at += count }
        return UnsafeRawBufferPointer(rebasing: bytes[at..<(at + count)])
    }

    mutating func int() throws(Damaged) -> Int {
        guard end - at >= 8 else { throw Damaged() }
        defer { at += 8 }
        return Int(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: Int64.self)))
    }

    /// The integer at byte `offset` (the trailer's checksum, past `end`).
    func int(at offset: Int) throws(Damaged) -> Int {
        guard offset >= 0, bytes.count - offset >= 8 else { throw Damaged() }
        return Int(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self)))
    }
    mutating func int(in range: ClosedRange<Int>) throws(Damaged) -> Int {
        let value = try int()
        guard range.contains(value) else { throw Damaged() }
        return value
    }
    mutating func bool() throws(Damaged) -> Bool { try raw(1).first == 1 }
    mutating func double() throws(Damaged) -> Double { Double(bitPattern: UInt64(UInt(bitPattern: try int()))) }
    mutating func string() throws(Damaged) -> String { String(decoding: try raw(int()), as: UTF8.self) }
    mutating func area() throws(Damaged) -> Area { Area.allCases[try int(in: 0...(Area.allCases.count - 1))] }
    @inline(__always)
    mutating func list<T>(_ each: (inout SnapshotReader) throws(Damaged) -> T) throws(Damaged) -> [T] {
        let count = try int(in: 0...(end - at))  // every element takes at least a byte
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try each(&self)) }
        return values
    }

    mutating func folderTables() throws(Damaged) -> FolderTables {
        let municipalities = try list { (r: inout SnapshotReader) throws(Damaged) in
            Municipality(code: try r.int(), name: try r.string(), astName: try r.string(), fullName: try r.string(), region: try r.string())
        }
        let paragraphs = try list { (r: inout SnapshotReader) throws(Damaged) in
            let (code, law, label) = (try r.string(), try r.string(), try r.string())
            let sections = try r.list { (r: inout SnapshotReader) throws(Damaged) in try r.string() }
            let areas = try r.list { (r: inout SnapshotReader) throws(Damaged) in try r.area() }
            let hasFormerly = try r.bool()
            let formerly = try r.string()
            return Paragraph(code: code, law: law, label: label, sections: sections, areas: areas, formerly: hasFormerly ? formerly : nil)
        }
        guard !municipalities.isEmpty else { throw Damaged() }
        let municipality = 0...(municipalities.count - 1)
        var tables = FolderTables(catalog: Catalog(municipalities: municipalities, paragraphs: paragraphs),
                                citations: [], population: nil, decisions: [], published: [], atlas: LazyAtlas(nil))
        tables.citations = try list { (r: inout SnapshotReader) throws(Damaged) in (try r.string(), try r.citation()) }
        if try bool() {
            let info = try dataset()
            let rows = try list { (r: inout SnapshotReader) throws(Damaged) in
                PopulationRow(municipality: try r.int(in: municipality), year: try r.int(), value: try r.double(), unconfirmed: try r.bool())
            }
            tables.population = (info, rows)
        }
        tables.decisions = try list { (r: inout SnapshotReader) throws(Damaged) in
            let info = try r.dataset()
            let rows = try r.list { (r: inout SnapshotReader) throws(Damaged) in
                let (place, year, area, decisions, grants) = (try r.int(in: municipality), try r.int(), try r.area(), try r.int(), try r.int())
                return DecisionRow(municipality: place, year: year, area: area, decisions: decisions, grants: grants < 0 ? nil : grants)
            }
            return (info, rows)
        }
        tables.published = try list { (r: inout SnapshotReader) throws(Damaged) in
            let (year, area, place) = (try r.int(), try r.area(), try r.int(in: -1...municipality.upperBound))
            return PublishedRate(year: year, area: area, municipality: place < 0 ? nil : place, rate: try r.double(), source: try r.string())
        }
        if try bool() {
            // The map's block, decoded when a picture first asks for the map (its length is checked now).
            let length = try int()
            guard length >= 0, length <= end - at else { throw Damaged() }
            var block = self
            (block.at, block.end) = (at, at + length)
            at += length
            tables.atlas = LazyAtlas(decoding: block, municipalities: municipalities)
        }
        return tables
    }

    /// The map block `SnapshotWriter.folderTables` wrote, all of it.
    mutating func atlas(municipalities: [Municipality]) throws(Damaged) -> Atlas {
        var atlas = Atlas(outlines: [:], tiles: [:], names: [:], codeByName: [:], outlineSource: "")
        let outlines = try list { (r: inout SnapshotReader) throws(Damaged) in (try r.int(), try r.string()) }
        atlas.outlines.reserveCapacity(outlines.count)
        for (code, outline) in outlines { atlas.outlines[code] = outline }
        let tiles = try list { (r: inout SnapshotReader) throws(Damaged) in
            (try r.int(), Atlas.Tile(row: try r.int(), column: try r.int(), abbreviation: try r.string()))
        }
        atlas.tiles.reserveCapacity(tiles.count)
        for (code, tile) in tiles { atlas.tiles[code] = tile }
        atlas.outlineSource = try string()
        atlas.names.reserveCapacity(municipalities.count)
        atlas.codeByName.reserveCapacity(municipalities.count)
        for m in municipalities {
            atlas.names[m.code] = m.name
            atlas.codeByName[m.name] = m.code
        }
        guard at == end else { throw Damaged() }
        return atlas
    }

    mutating func dataset() throws(Damaged) -> DatasetInfo {
        let (name, path, format, source, checksum) = (try string(), try string(), try string(), try string(), try string())
        return DatasetInfo(name: name, path: path, format: format, synthetic: try bool(), source: source, checksum: checksum,
                           citation: try citation())
    }

    mutating func citation() throws(Damaged) -> Citation {
        let (publisher, table, title, date, kind, url, given) =
            (try string(), try string(), try string(), try string(), try string(), try string(), try string())
        guard let dateKind = Citation.DateKind(rawValue: kind) else { throw Damaged() }
        return Citation(publisher: publisher, table: table, title: title, years: try list { (r: inout SnapshotReader) throws(Damaged) in try r.int() },
                        date: date, dateKind: dateKind, url: url, synthetic: try bool(), given: given)
    }
}
