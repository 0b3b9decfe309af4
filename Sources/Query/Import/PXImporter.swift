// PC-Axis import: reads the header up to `DATA=`, then streams the cells chunk by
// chunk into flat per-group arrays (no big string), then checks totals and emits rows.

/// Loads one `.px` file.
struct PXImporter {
    let file: String
    let catalog: Catalog
    /// The longest header (everything before DATA=) accepted; real headers are a few hundred KB.
    static let maxHeaderBytes = 8 << 20
    /// Whether a dense table is read into its rows directly (`PXGrid`); tests compare it with the pages.
    var usesGrid = true

    func load(stream: inout ByteStream, info: DatasetInfo) throws(DataError) -> ImportedData {
        var buffer: [UInt8] = []
        var scanned = 0
        var inQuote = false
        var entryStart = true
        var dataAt: Int?
        // Find `DATA=` at the start of an entry, outside quotes.
        while dataAt == nil {
            if buffer.count > Self.maxHeaderBytes {
                throw DataError(file: file, "no DATA= in the first \(Self.maxHeaderBytes >> 20) MB: not a PC-Axis table dkq can read")
            }
            let got = try stream.readChunk(into: &buffer)
            if got == 0 { break }
            while scanned < buffer.count {
                let byte = buffer[scanned]
                if byte == 0x22 { inQuote.toggle(); entryStart = false }
                else if !inQuote {
                    if byte == 0x3B { entryStart = true }
                    else if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {}
                    else if entryStart {
                        if byte == 0x44, buffer.count - scanned >= 5, buffer[scanned..<(scanned + 4)].elementsEqual("DATA".utf8) {
                            var after = scanned + 4
                            while after < buffer.count, buffer[after] == 0x20 { after += 1 }
                            if after < buffer.count, buffer[after] == 0x3D { dataAt = scanned; break }
                        }
                        entryStart = false
                    }
                }
                scanned += 1
            }
        }
        guard let dataAt else {
            if buffer.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                throw DataError(file: file, "file is empty")
            }
            throw DataError(file: file, "truncated file: the PC-Axis file has no DATA= section")
        }
        var headerBytes = Array(buffer[..<dataAt])
        var bomUTF8 = false
        if headerBytes.starts(with: [0xEF, 0xBB, 0xBF]) { headerBytes.removeFirst(3); bomUTF8 = true }
        var parser = PXHeaderParser(file: file, bytes: headerBytes)
        let entries = try parser.parse()
        let table = try PXTable(file: file, entries: entries, catalog: catalog, bomUTF8: bomUTF8)
        // Where DATA's cells begin: line and column of the byte after '='.
        var line = 1 + headerBytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        var equals = dataAt
        while buffer[equals] != 0x3D { equals += 1 }
        let lineStartOffset = (buffer[..<equals].lastIndex(of: 0x0A) ?? -1) + 1
        if bomUTF8 { line = 1 + buffer[..<equals].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        var pending = Array(buffer[(equals + 1)...])
        buffer = []
        var cells = PXCellReader(file: file, table: table, catalog: catalog)
        cells.line = line
        cells.lineStartOffset = lineStartOffset - (equals + 1)
        let facts: FactTable, missing: [MissingCell]
        if usesGrid, let grid = cells.gridLayout(fileBytes: stream.fileBytes) {
            // A dense table: cells straight into the rows, checked, then closed up in place.
            let totalKinds = (4...5).filter { cells.slotOfKind[$0] >= 0 }.count
            let totals = totalKinds == 0 ? nil : UnsafeMutablePointer<Int32>.allocate(capacity: totalKinds * grid.rows)
            defer { totals?.deallocate() }
            var failure: DataError?
            var found: [MissingCell] = []
            facts = FactTable.filled(capacity: grid.rows) { columns in
                cells.attach(grid, to: columns, totals: totals)
                do throws(DataError) {
                    try cells.read(&pending, from: &stream)
                    try cells.checkTotals()
                    let (rows, gaps) = cells.closeUp(columns)
                    found = gaps
                    return rows
                } catch {
                    failure = error
                    return 0
                }
            }
            if let failure { throw failure }
            missing = found
        } else {
            cells.reserve(fileBytes: stream.fileBytes)
            try cells.read(&pending, from: &stream)
            (facts, missing) = try cells.factTable()
        }
        var data = ImportedData(facts: facts, info: info)
        data.missing = missing
        data.info.source = table.source.isEmpty ? "PC-Axis file" : table.source
        data.info.citation = table.citation
        data.warnings = table.warnings + cells.warnings
        return data
    }
}
