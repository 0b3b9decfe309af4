// Streams a PC-Axis DATA section (dense or sparse KEYS form) chunk by chunk, parsing each
// cell in place, into pages of outcome slots allocated per (municipality, paragraph) with data.

/// A raw slot that no cell has set.
let pxAbsent: Int32 = -1
/// A raw slot holding `..` (not available).
let pxMissing: Int32 = -2

struct PXCellReader {
    let file: String
    let table: PXTable
    let catalog: Catalog
    var line = 1
    /// Byte offset (in the stream of fed bytes) where the current line starts.
    var lineStartOffset = 0
    var warnings: [String] = []

    /// Bytes consumed so far.
    var offset = 0
    let sizes: [Int]
    var coords: [Int]
    let cellStride: [Int]
    let outcomeDim: Int
    let timeDim: Int, placeDim: Int, paragraphDim: Int
    /// Per outcome value: its kind (0-3 outcomes, 4 total, 5 realitetsbehandlede, 6 days) and its slot in a page row.
    let kindOf: [Int]
    let slotOf: [Int]
    /// Per kind 0...6: its slot in a page row, or -1 when the table lacks it.
    let slotOfKind: [Int]
    /// Slots per (time) row of a page, and Int32s per page (one row per time value).
    let rowWidth: Int
    let pageSize: Int
    /// Per value of the innermost dimension (see `innerSteps`).
    let innerPage: [Int], innerSlot: [Int], innerKind: [Int]
    /// Page start in `store` per municipality × paragraph value (-1: no page yet).
    var pages: [Int]
    /// Whether a page's municipality and paragraph are both leaves (not totals).
    let leafPage: [Bool]
    var store: [Int32] = []
    /// Where the cells of a dense table go instead of pages, when it has one (see `PXGrid`).
    var grid: PXGrid?
    let totalCells: Int
    var cellCount = 0
    var done = false
    var missingCells = 0
    private var tokenLine = 0
    private var tokenColumn = 0
    private var quotedToken: [UInt8] = []
    // KEYS form.
    let keyDims: [Int]
    private var keyLookup: [[String: Int]] = []
    private var recordPosition = 0
    private let headingCells: Int

    init(file: String, table: PXTable, catalog: Catalog) {
        self.file = file
        self.table = table
        self.catalog = catalog
        let dims = table.dimensions
        sizes = dims.map { $0.values.count }
        coords = Array(repeating: 0, count: dims.count)
        outcomeDim = dims.firstIndex { $0.role == .outcome } ?? 0
        timeDim = dims.firstIndex { $0.role == .time } ?? 0
        placeDim = dims.firstIndex { $0.role == .municipality } ?? 0
        paragraphDim = dims.firstIndex { $0.role == .paragraph } ?? 0
        var cells = [Int](repeating: 1, count: dims.count)
        for index in stride(from: dims.count - 2, through: 0, by: -1) { cells[index] = cells[index + 1] * sizes[index + 1] }
        cellStride = cells
        totalCells = sizes.reduce(1, *)
        let kinds = dims[outcomeDim].outcomes.map { outcome in
            switch outcome {
            case .upheld: 0
            case .changed: 1
            case .remanded: 2
            case .dismissed: 3
            case .total: 4
            case .onMerits: 5
            case .days, .unknown: 6
            }
        }
        kindOf = kinds
        var slotOfKind = [Int](repeating: -1, count: 7)
        var width = 0
        for kind in kinds where slotOfKind[kind] < 0 { slotOfKind[kind] = width; width += 1 }
        self.slotOfKind = slotOfKind
        slotOf = kinds.map { slotOfKind[$0] }
        rowWidth = width
        pageSize = width * sizes[timeDim]
        (innerPage, innerSlot, innerKind) = Self.innerSteps(
            sizes: sizes, placeDim: placeDim, paragraphDim: paragraphDim, timeDim: timeDim, outcomeDim: outcomeDim,
            rowWidth: width, slotOf: slotOf, kindOf: kinds)
        let places = dims[placeDim].places
        let paragraphs = dims[paragraphDim].paragraphs
        pages = Array(repeating: -1, count: sizes[placeDim] * sizes[paragraphDim])
        var leaf: [Bool] = []
        for m in 0..<sizes[placeDim] {
            let leafPlace = if case .municipality = places[m] { true } else { false }
            for p in 0..<sizes[paragraphDim] {
                leaf.append(leafPlace && { if case .paragraph = paragraphs[p] { true } else { false } }())
            }
        }
        leafPage = leaf
        keyDims = (0..<table.stubCount).filter { table.keys[$0] != nil }
        headingCells = sizes[table.stubCount...].reduce(1, *)
        for dim in keyDims {
            let source = table.keys[dim] == true ? dims[dim].codes : dims[dim].values
            var lookup: [String: Int] = [:]
            for (index, value) in source.enumerated() { lookup[value] = index }
            keyLookup.append(lookup)
        }
    }

    /// Reserves the slot pages a dense table of a `fileBytes`-byte file can fill (each cell takes two
    /// bytes at least), so they are not copied as they grow.
    mutating func reserve(fileBytes: Int) {
        guard keyDims.isEmpty, fileBytes > 0 else { return }
        store.reserveCapacity(min(pages.count * pageSize, fileBytes / 2 + pageSize))
    }

    private var column: Int { offset - lineStartOffset + 1 }

    /// Feeds the DATA section: `pending` (the bytes after `DATA=` read with the header), then the rest
    /// of `stream` chunk by chunk (a cell cut at a chunk's end waits for the next), and checks the count.
    mutating func read(_ pending: inout [UInt8], from stream: inout ByteStream) throws(DataError) {
        var atEnd = false
        while true {
            let consumed = try pending.withUnsafeBufferPointer { (bytes: UnsafeBufferPointer<UInt8>) throws(DataError) in
                try feed(bytes, atEnd: atEnd)
            }
            pending.removeFirst(consumed)
            if atEnd { break }
            if pending.count > ByteStream.maxLineBytes {
                throw DataError(file: file, line: line, column: 1,
                                "a DATA cell longer than \(ByteStream.maxLineBytes >> 20) MB: not a PC-Axis table dkq can read")
            }
            if try stream.readChunk(into: &pending) == 0 { atEnd = true }
        }
        try finish()
    }

    /// Feeds the next bytes of the DATA section; returns how many were consumed. A token cut off
    /// at the end of `buffer` is left unconsumed (unless `atEnd`) to be fed again with more bytes.
    mutating func feed(_ buffer: UnsafeBufferPointer<UInt8>, atEnd: Bool) throws(DataError) -> Int {
        let count = buffer.count
        var index = 0
        let fast = keyDims.isEmpty
        scan: while index < count {
            if fast, !done {
                index = if let grid { scanGridCells(buffer, from: index, grid: grid) } else { scanPlainCells(buffer, from: index, atEnd: atEnd) }
                if index >= count { break }
            }
            if done {
                while index < count {
                    if buffer[index] == 0x0A { line += 1; lineStartOffset = offset + index + 1 }
                    index += 1
                }
                break
            }
            let byte = buffer[index]
            switch byte {
            case 0x20, 0x09, 0x2C, 0x0D:
                index += 1
                continue scan
            case 0x0A:
                line += 1
                lineStartOffset = offset + index + 1
                index += 1
                continue scan
            case 0x3B:
                done = true
                index += 1
                continue scan
            default:
                break
            }
            let start = index
            var end = index
            var quote = false
            while end < count {
                let next = buffer[end]
                if next == 0x20 || next == 0x0A || next == 0x2C || next == 0x09 || next == 0x0D || next == 0x3B { break }
                if next == 0x22 { quote = true; break }
                end += 1
            }
            if quote {
                guard let after = try quotedTokenEnd(buffer, from: start, atEnd: atEnd) else { break scan }
                index = after
                continue scan
            }
            if end == count && !atEnd { break scan }
            tokenLine = line
            tokenColumn = offset + start - lineStartOffset + 1
            try endToken(UnsafeBufferPointer(rebasing: buffer[start..<end]))
            index = end
        }
        offset += index
        return index
    }

    /// A token with quotes (`".."`, `"12"`): quotes removed, newlines inside quotes counted.
    /// Returns the index after it, or nil when the buffer ends inside it (and more bytes will come).
    private mutating func quotedTokenEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, atEnd: Bool) throws(DataError) -> Int? {
        let savedLine = line
        let savedLineStart = lineStartOffset
        tokenLine = line
        tokenColumn = offset + start - lineStartOffset + 1
        quotedToken.removeAll(keepingCapacity: true)
        var quoted = false
        var index = start
        while index < buffer.count {
            let byte = buffer[index]
            if quoted {
                if byte == 0x22 { quoted = false } else { quotedToken.append(byte) }
                if byte == 0x0A { line += 1; lineStartOffset = offset + index + 1 }
            } else {
                if byte == 0x20 || byte == 0x0A || byte == 0x2C || byte == 0x09 || byte == 0x0D || byte == 0x3B { break }
                if byte == 0x22 { quoted = true } else { quotedToken.append(byte) }
            }
            index += 1
        }
        if index == buffer.count && !atEnd {
            line = savedLine
            lineStartOffset = savedLineStart
            return nil
        }
        let token = quotedToken
        try token.withUnsafeBufferPointer { (bytes: UnsafeBufferPointer<UInt8>) throws(DataError) in try endToken(bytes) }
        return index
    }

    private mutating func endToken(_ token: UnsafeBufferPointer<UInt8>) throws(DataError) {
        if !keyDims.isEmpty, recordPosition < keyDims.count {
            let key = table.dimensions[keyDims[recordPosition]]
            let text = TextEncoding.utf8.decode(token)
            guard let index = keyLookup[recordPosition][text] ?? keyLookup[recordPosition][text.trimmed] else {
                throw DataError(
                    file: file, line: tokenLine, column: tokenColumn,
                    "KEYS value '\(text)' is not among the \(key.name) values")
            }
            coords[keyDims[recordPosition]] = index
            recordPosition += 1
            if recordPosition == keyDims.count {
                for dim in table.stubCount..<coords.count { coords[dim] = 0 }
            }
            return
        }
        try storeCell(token)
    }

    private func describeCell() -> String {
        let number = coords.indices.reduce(0) { $0 + coords[$1] * cellStride[$1] } + 1
        let place = coords.indices.map { table.dimensions[$0].values[coords[$0]] }
        return "cell \(groupedThousands(number)) (\(place.joined(separator: ", ")))"
    }

    private mutating func storeCell(_ token: UnsafeBufferPointer<UInt8>) throws(DataError) {
        if keyDims.isEmpty, cellCount >= totalCells {
            throw DataError(
                file: file, line: tokenLine, column: tokenColumn,
                "DATA has more cells than the dimensions imply (\(sizes.map(String.init).joined(separator: " × ")) = \(groupedThousands(totalCells)))")
        }
        // Plain digits (the common case) are read in place; anything else goes through parseCellNumber.
        var value = CellNumber.invalid
        if token.count <= 9 {
            var number = 0
            var plain = true
            for byte in token {
                let digit = byte &- 0x30
                if digit > 9 { plain = false; break }
                number = number &* 10 &+ Int(digit)
            }
            value = plain && !token.isEmpty ? .integer(number) : parseCellNumber(token, decimalComma: false)
        } else {
            value = parseCellNumber(token, decimalComma: false)
        }
        let outcome = coords[outcomeDim]
        let kind = kindOf[outcome]
        var stored: Int32
        var days = Float.nan
        switch value {
        case .integer(let number) where number >= 0 && number <= FactTable.maxCount: stored = Int32(number)
        case .dash: stored = 0
        case .missing, .empty: stored = pxMissing; missingCells += 1
        case .decimal(let number) where kind == 6 && number >= 0: stored = 0; days = Float(number)
        case .decimal(let number) where number >= 0 && number == number.rounded() && number <= Double(FactTable.maxCount):
            stored = Int32(number)
        case .integer, .decimal:
            let text = String(decoding: token, as: UTF8.self)
            let tooLarge: Bool
            switch value {
            case .integer(let number): tooLarge = number > FactTable.maxCount
            case .decimal(let number): tooLarge = number == number.rounded() && number > Double(FactTable.maxCount)
            default: tooLarge = false
            }
            let problem = text.hasPrefix("-") ? "negative count \(text)"
                : tooLarge ? "count \(text) is too large (at most \(FactTable.maxCount))"
                : "count must be a whole number, got '\(text)'"
            throw DataError(file: file, line: tokenLine, column: tokenColumn, "\(problem) in \(describeCell())")
        case .invalid:
            throw DataError(
                file: file, line: tokenLine, column: tokenColumn,
                "'\(String(decoding: token, as: UTF8.self))' is not a number, '..' or '-' in \(describeCell())")
        }
        if kind == 6, case .integer(let number) = value { days = Float(number) }
        if let grid {
            let row = grid.row(coords)
            if kind == 6 { grid.days.unsafelyUnwrapped[row] = days } else { grid.counts[kind].unsafelyUnwrapped[row] = stored }
            cellCount += 1
            advance()
            return
        }
        let pageKey = coords[placeDim] * sizes[paragraphDim] + coords[paragraphDim]
        var page = pages[pageKey]
        if page < 0 {
            // Zero leaf cells of the dense form need no page: an absent slot reads as 0.
            let needed = kind == 6 ? !days.isNaN : stored != 0 || !keyDims.isEmpty || !leafPage[pageKey]
            if needed {
                page = store.count
                pages[pageKey] = page
                store.append(contentsOf: repeatElement(pxAbsent, count: pageSize))
            }
        }
        if page >= 0 {
            let index = page + coords[timeDim] * rowWidth + slotOf[outcome]
            if kind == 6 {
                if !days.isNaN { store[index] = Int32(bitPattern: days.bitPattern) }
            } else {
                if !keyDims.isEmpty, store[index] != pxAbsent {
                    throw DataError(file: file, line: tokenLine, column: tokenColumn, "duplicate KEYS row for \(describeCell())")
                }
                store[index] = stored
            }
        }
        cellCount += 1
        advance()
    }

    /// Moves the odometer to the next cell (over the heading only in KEYS form).
    private mutating func advance() {
        let first = keyDims.isEmpty ? 0 : table.stubCount
        let moved = Self.step(&coords, sizes, first: first, last: coords.count - 1)
        if !keyDims.isEmpty, moved < first { recordPosition = 0 }
    }

    /// The odometer: steps `coords` over dimensions `first...last` (the last fastest) and returns
    /// the dimension that moved, `first - 1` when all of them wrapped round.
    @inline(__always)
    static func step(_ coords: inout [Int], _ sizes: [Int], first: Int = 0, last: Int) -> Int {
        var dim = last
        while dim >= first {
            coords[dim] += 1
            if coords[dim] < sizes[dim] { break }
            coords[dim] = 0
            dim -= 1
        }
        return dim
    }

    /// Checks the cell count once all bytes are fed.
    mutating func finish() throws(DataError) {
        if !done {
            throw DataError(
                file: file, line: line, column: column,
                "truncated file: DATA ends after \(groupedThousands(cellCount)) of \(groupedThousands(totalCells)) cells without ';'")
        }
        if !keyDims.isEmpty {
            if recordPosition != 0 || cellCount % headingCells != 0 {
                throw DataError(file: file, line: line, column: column, "the last KEYS row is incomplete")
            }
        } else if cellCount != totalCells {
            throw DataError(
                file: file, line: line, column: column,
                "DATA has \(groupedThousands(cellCount)) cells but the dimensions imply \(groupedThousands(totalCells)) (\(sizes.map(String.init).joined(separator: " × ")))")
        }
        if missingCells > 0 { warnings.append("\(groupedThousands(missingCells)) cells marked '..' (not available) stay missing: figures that need them are left empty, never read as 0") }
    }
}
