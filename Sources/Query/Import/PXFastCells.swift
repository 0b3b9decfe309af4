// The hot loop of a dense PC-Axis DATA section: plain unsigned integers separated by blanks,
// stored straight into the slot pages through raw pointers; anything else goes back to `feed`.

extension PXCellReader {
    /// Per value of the innermost dimension: its page-key step, in-page slot step and outcome kind (-1 if not outcomes).
    static func innerSteps(
        sizes: [Int], placeDim: Int, paragraphDim: Int, timeDim: Int, outcomeDim: Int, rowWidth: Int, slotOf: [Int], kindOf: [Int]
    ) -> (page: [Int], slot: [Int], kind: [Int]) {
        let innerDim = sizes.count - 1
        let size = innerDim >= 0 ? sizes[innerDim] : 0
        var page = [Int](repeating: 0, count: size)
        var slot = [Int](repeating: 0, count: size)
        var kind = [Int](repeating: -1, count: size)
        for value in 0..<size {
            switch innerDim {
            case placeDim: page[value] = value * sizes[paragraphDim]
            case paragraphDim: page[value] = value
            case timeDim: slot[value] = value * rowWidth
            case outcomeDim: slot[value] = slotOf[value]; kind[value] = kindOf[value]
            default: break
            }
        }
        return (page, slot, kind)
    }

    /// Reads plain-integer cells from `start` until a token it does not handle (a quote, `;`, `..`,
    /// a sign, a decimal, a cell that needs a new page, the cell after the last) or a token cut off at
    /// the end of `buffer`; returns where it stopped. The odometer, line and counts stay in sync.
    mutating func scanPlainCells(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, atEnd: Bool) -> Int {
        guard let base = buffer.baseAddress, !coords.isEmpty else { return start }
        let count = buffer.count
        let innerDim = coords.count - 1
        let innerSize = sizes[innerDim]
        var coords = self.coords
        var store = self.store
        self.store = []
        defer { self.store = store }
        var line = self.line
        var lineStart = self.lineStartOffset
        var cellCount = self.cellCount
        let totalCells = self.totalCells
        let offset = self.offset
        let innerPage = self.innerPage, innerSlot = self.innerSlot, innerKind = self.innerKind
        var pageBase = 0, slotBase = 0, runKind = 0
        func startRun() {
            pageBase = (innerDim == placeDim ? 0 : coords[placeDim] * sizes[paragraphDim]) + (innerDim == paragraphDim ? 0 : coords[paragraphDim])
            slotBase = (innerDim == timeDim ? 0 : coords[timeDim] * rowWidth) + (innerDim == outcomeDim ? 0 : slotOf[coords[outcomeDim]])
            runKind = innerDim == outcomeDim ? -1 : kindOf[coords[outcomeDim]]
        }
        startRun()
        var inner = coords[innerDim]
        var index = start
        store.withUnsafeMutableBufferPointer { slots in
            pages.withUnsafeBufferPointer { pages in
                leafPage.withUnsafeBufferPointer { leafPage in
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
                        let kind = runKind < 0 ? innerKind[inner] : runKind
                        let pageKey = pageBase + innerPage[inner]
                        let page = pages[pageKey]
                        if kind == 6 {
                            if page < 0 { return }
                            slots[page + slotBase + innerSlot[inner]] = Int32(bitPattern: Float(number).bitPattern)
                        } else if page >= 0 {
                            slots[page + slotBase + innerSlot[inner]] = Int32(truncatingIfNeeded: number)
                        } else if number != 0 || !leafPage[pageKey] {
                            return
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
            }
        }
        coords[innerDim] = inner
        self.coords = coords
        self.line = line
        self.lineStartOffset = lineStart
        self.cellCount = cellCount
        return index
    }
}
