// Streams a PC-Axis DATA section byte by byte (dense or sparse KEYS form) into
// flat arrays indexed by (time, municipality, paragraph) group and outcome slot.

/// Slots per group: the four outcomes, the total, realitetsbehandlede.
private let slotCount = 6
private let absent: Int32 = -1
private let missingMark: Int32 = -2

struct PXCellReader {
    let file: String
    let table: PXTable
    let catalog: Catalog
    var line = 1
    /// Byte offset (in the stream of fed bytes) where the current line starts.
    var lineStartOffset = 0
    var warnings: [String] = []

    private var offset = 0
    private let sizes: [Int]
    private var coords: [Int]
    private let groupStride: [Int]
    private let cellStride: [Int]
    private let slotOf: [Int]
    private let outcomeDim: Int
    private let timeDim: Int, placeDim: Int, paragraphDim: Int
    private var values: [Int32]
    private var days: [Float]
    private let totalCells: Int
    private var cellCount = 0
    private var done = false
    private var missingCells = 0
    // Token state.
    private var token: [UInt8] = []
    private var inToken = false
    private var quoted = false
    private var tokenLine = 0
    private var tokenColumn = 0
    // KEYS form.
    private let keyDims: [Int]
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
        var strides = [Int](repeating: 0, count: dims.count)
        strides[paragraphDim] = 1
        strides[placeDim] = sizes[paragraphDim]
        strides[timeDim] = sizes[paragraphDim] * sizes[placeDim]
        groupStride = strides
        var cells = [Int](repeating: 1, count: dims.count)
        for index in stride(from: dims.count - 2, through: 0, by: -1) { cells[index] = cells[index + 1] * sizes[index + 1] }
        cellStride = cells
        totalCells = sizes.reduce(1, *)
        slotOf = dims[outcomeDim].outcomes.map { outcome in
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
        let groups = sizes[timeDim] * sizes[placeDim] * sizes[paragraphDim]
        values = Array(repeating: absent, count: groups * slotCount)
        days = dims[outcomeDim].outcomes.contains(.days) ? Array(repeating: .nan, count: groups) : []
        keyDims = (0..<table.stubCount).filter { table.keys[$0] != nil }
        headingCells = sizes[table.stubCount...].reduce(1, *)
        for dim in keyDims {
            let source = table.keys[dim] == true ? dims[dim].codes : dims[dim].values
            var lookup: [String: Int] = [:]
            for (index, value) in source.enumerated() { lookup[value] = index }
            keyLookup.append(lookup)
        }
    }

    private var column: Int { offset - lineStartOffset + 1 }

    /// Feeds the next bytes of the DATA section.
    mutating func feed(_ bytes: [UInt8]) throws(DataError) {
        try bytes.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(DataError) in
            for byte in buffer {
                if done {
                    if byte == 0x0A { line += 1; lineStartOffset = offset + 1 }
                    offset += 1
                    continue
                }
                if quoted {
                    if byte == 0x22 { quoted = false } else { token.append(byte) }
                    if byte == 0x0A { line += 1; lineStartOffset = offset + 1 }
                } else {
                    switch byte {
                    case 0x20, 0x09, 0x2C, 0x0D, 0x0A, 0x3B:
                        if inToken { try endToken() }
                        if byte == 0x0A { line += 1; lineStartOffset = offset + 1 }
                        if byte == 0x3B { done = true }
                    case 0x22:
                        if !inToken { startToken() }
                        quoted = true
                    default:
                        if !inToken { startToken() }
                        token.append(byte)
                    }
                }
                offset += 1
            }
        }
    }

    private mutating func startToken() {
        inToken = true
        token.removeAll(keepingCapacity: true)
        tokenLine = line
        tokenColumn = column
    }

    private mutating func endToken() throws(DataError) {
        inToken = false
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
        try storeCell()
    }

    private func describeCell() -> String {
        let number = coords.indices.reduce(0) { $0 + coords[$1] * cellStride[$1] } + 1
        let place = coords.indices.map { table.dimensions[$0].values[coords[$0]] }
        return "cell \(groupedThousands(number)) (\(place.joined(separator: ", ")))"
    }

    private mutating func storeCell() throws(DataError) {
        if keyDims.isEmpty, cellCount >= totalCells {
            throw DataError(
                file: file, line: tokenLine, column: tokenColumn,
                "DATA has more cells than the dimensions imply (\(sizes.map(String.init).joined(separator: " × ")) = \(groupedThousands(totalCells)))")
        }
        let value = token.withUnsafeBufferPointer { parseCellNumber($0, decimalComma: false) }
        let group = coords[timeDim] * groupStride[timeDim] + coords[placeDim] * groupStride[placeDim]
            + coords[paragraphDim] * groupStride[paragraphDim]
        let slot = slotOf[coords[outcomeDim]]
        var stored: Int32
        switch value {
        case .integer(let number) where number >= 0 && number <= Int(Int32.max): stored = Int32(number)
        case .dash: stored = 0
        case .missing, .empty: stored = missingMark; missingCells += 1
        case .decimal(let number) where slot == 6 && number >= 0: stored = 0; days[group] = Float(number)
        case .decimal(let number) where number >= 0 && number == number.rounded() && number <= Double(Int32.max):
            stored = Int32(number)
        case .integer, .decimal:
            let text = String(decoding: token, as: UTF8.self)
            let problem = text.hasPrefix("-") ? "negative count \(text)" : "count must be a whole number, got '\(text)'"
            throw DataError(file: file, line: tokenLine, column: tokenColumn, "\(problem) in \(describeCell())")
        case .invalid:
            throw DataError(
                file: file, line: tokenLine, column: tokenColumn,
                "'\(String(decoding: token, as: UTF8.self))' is not a number, '..' or '-' in \(describeCell())")
        }
        if slot == 6 {
            if case .integer(let number) = value { days[group] = Float(number) }
        } else {
            let index = group * slotCount + slot
            if !keyDims.isEmpty, values[index] != absent {
                throw DataError(file: file, line: tokenLine, column: tokenColumn, "duplicate KEYS row for \(describeCell())")
            }
            values[index] = stored
        }
        cellCount += 1
        // Advance the odometer (heading only in KEYS form).
        let first = keyDims.isEmpty ? 0 : table.stubCount
        var dim = coords.count - 1
        while dim >= first {
            coords[dim] += 1
            if coords[dim] < sizes[dim] { break }
            coords[dim] = 0
            dim -= 1
        }
        if !keyDims.isEmpty, dim < first { recordPosition = 0 }
    }

    /// Checks the cell count once all bytes are fed.
    mutating func finish() throws(DataError) {
        if inToken { try endToken() }
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
        if missingCells > 0 { warnings.append("\(groupedThousands(missingCells)) cells marked '..' (not available) were read as 0") }
    }

    /// Value of one slot of a group; nil when missing.
    private func slot(_ group: Int, _ slot: Int) -> Int? {
        let value = values[group * slotCount + slot]
        if value == missingMark { return nil }
        return value == absent ? 0 : Int(value)
    }

    /// Checks totals (I alt, Hele landet, regions, law level) and returns the leaf rows.
    func factTable() throws(DataError) -> FactTable {
        let dims = table.dimensions
        let places = dims[placeDim].places
        let paragraphs = dims[paragraphDim].paragraphs
        let outcomes = dims[outcomeDim].outcomes
        let leafPlaces = places.indices.filter { if case .municipality = places[$0] { true } else { false } }
        let leafParagraphs = paragraphs.indices.filter { if case .paragraph = paragraphs[$0] { true } else { false } }
        var present = Set<Int>()
        for index in leafPlaces { if case .municipality(let m) = places[index] { present.insert(m) } }
        var facts = FactTable()
        var scratch = PXCellReader.Position(coords: coords)
        for t in 0..<sizes[timeDim] {
            let period = dims[timeDim].periods[t]
            for m in 0..<sizes[placeDim] {
                let memberPlaces: [Int]
                switch places[m] {
                case .municipality: memberPlaces = [m]
                case .national:
                    memberPlaces = present.count == catalog.municipalities.count ? leafPlaces : []
                case .region(let name):
                    let wanted = Set(catalog.municipalities.indices.filter { catalog.municipalities[$0].region == name })
                    memberPlaces = !wanted.isEmpty && wanted.isSubset(of: present)
                        ? leafPlaces.filter { if case .municipality(let i) = places[$0] { wanted.contains(i) } else { false } } : []
                case .unknown: memberPlaces = []
                }
                for p in 0..<sizes[paragraphDim] {
                    let group = t * groupStride[timeDim] + m * groupStride[placeDim] + p * groupStride[paragraphDim]
                    scratch.coords[timeDim] = t
                    scratch.coords[placeDim] = m
                    scratch.coords[paragraphDim] = p
                    let parts = (0..<4).map { slot(group, $0) }
                    // The outcome total of this group.
                    if let total = slot(group, 4), values[group * slotCount + 4] != absent, !parts.contains(nil) {
                        let sum = parts.reduce(0) { $0 + ($1 ?? 0) }
                        if sum != total {
                            scratch.coords[outcomeDim] = slotOf.firstIndex(of: 4) ?? 0
                            throw mismatch(scratch, total, sum)
                        }
                    }
                    if let merits = slot(group, 5), values[group * slotCount + 5] != absent, !parts[0..<3].contains(nil) {
                        let sum = (parts[0] ?? 0) + (parts[1] ?? 0) + (parts[2] ?? 0)
                        if sum != merits {
                            scratch.coords[outcomeDim] = slotOf.firstIndex(of: 5) ?? 0
                            throw mismatch(scratch, merits, sum)
                        }
                    }
                    let memberParagraphs: [Int]
                    switch paragraphs[p] {
                    case .paragraph: memberParagraphs = [p]
                    case .law(_, let members):
                        memberParagraphs = leafParagraphs.filter { if case .paragraph(let i) = paragraphs[$0] { members.contains(i) } else { false } }
                    case .total: memberParagraphs = leafParagraphs
                    case .unknown: memberParagraphs = []
                    }
                    let isLeaf = memberPlaces == [m] && memberParagraphs == [p]
                        && { if case .municipality = places[m] { true } else { false } }()
                    if isLeaf {
                        if case .municipality(let municipality) = places[m], case .paragraph(let paragraph) = paragraphs[p] {
                            let counts = OutcomeCounts(
                                upheld: parts[0] ?? 0, changed: parts[1] ?? 0, remanded: parts[2] ?? 0, dismissed: parts[3] ?? 0)
                            let dayValue = days.isEmpty ? Float.nan : days[group]
                            if counts != OutcomeCounts() || !dayValue.isNaN {
                                facts.append(
                                    year: period.year, quarter: period.quarter, municipality: municipality,
                                    paragraph: paragraph, counts: counts, days: dayValue, dataset: 0)
                            }
                        }
                        continue
                    }
                    if memberPlaces.isEmpty || memberParagraphs.isEmpty { continue }
                    // A total over municipalities and/or paragraphs: compare each outcome with its parts.
                    for part in 0..<4 {
                        guard values[group * slotCount + part] != absent, let total = slot(group, part) else { continue }
                        var sum = 0
                        var complete = true
                        for mm in memberPlaces {
                            for pp in memberParagraphs {
                                let g = t * groupStride[timeDim] + mm * groupStride[placeDim] + pp * groupStride[paragraphDim]
                                if let value = slot(g, part) { sum += value } else { complete = false }
                            }
                        }
                        if complete, sum != total {
                            scratch.coords[outcomeDim] = slotOf.firstIndex(of: part) ?? 0
                            throw mismatch(scratch, total, sum)
                        }
                    }
                }
            }
        }
        _ = outcomes
        return facts
    }

    struct Position { var coords: [Int] }

    private func mismatch(_ position: Position, _ total: Int, _ sum: Int) -> DataError {
        let number = position.coords.indices.reduce(0) { $0 + position.coords[$1] * cellStride[$1] } + 1
        let names = position.coords.indices.map { table.dimensions[$0].values[position.coords[$0]] }
        return DataError(
            file: file,
            "total disagrees with its parts: cell \(groupedThousands(number)) (\(names.joined(separator: ", "))) is \(total) but its parts add up to \(sum)")
    }
}
