// A dense table's DATA section read on two threads: each block of the file is split in two; one
// thread reads the first part's cells and then hashes the block, while the other counts the first
// part's cells and line ends (to know where its own part starts) and reads the second part.
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where reading some bytes cell by cell stops when they are all it is given: before a cell they cut
/// off (at the end), after the cells, line ends and `;` before that.
struct PXCut {
    /// The bytes read: up to the start of a cell the bytes cut off, or all of them.
    var at = 0
    var cells = 0
    var lineEnds = 0
    /// The position of the last line end read, if any.
    var lastLineEnd: Int?
    /// Whether a `;` ended the DATA section.
    var done = false

    init() {}

    /// Finds the cut of `bytes`, read from the start of a cell (or separator), after `;` if `done`;
    /// exactly the cells `PXCellReader.feed` reads of them (a quote runs to the next, line ends in it counted).
    init(_ bytes: UnsafeBufferPointer<UInt8>, done: Bool) {
        self.done = done
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var index = 0
        var cellStart = -1
        var atCellStart = (lineEnds: 0, lastLineEnd: Int?.none)
        var quoted = false
        while index < count {
            if !self.done, !quoted {
                // Cell bytes and blanks (nearly all of them), without a branch per byte.
                var (outside, lastStart, ended) = (cellStart < 0 ? 1 : 0, cellStart, 0)
                pxByteKinds.withUnsafeBufferPointer { kinds in
                    while index < count {
                        let kind = Int(kinds[Int(base[index])])
                        if kind > 1 { break }
                        ended += (1 - outside) & kind  // a blank after a cell ends it
                        if outside & (1 - kind) != 0 { lastStart = index }  // a cell byte after a blank starts one
                        outside = kind
                        index += 1
                    }
                }
                cells += ended
                if outside == 0, lastStart != cellStart { atCellStart = (lineEnds, lastLineEnd) }
                cellStart = outside == 0 ? lastStart : -1
                if index == count { break }
            }
            let byte = base[index]
            if self.done || quoted {
                if byte == 0x0A { lineEnds += 1; lastLineEnd = index } else if byte == 0x22, quoted { quoted = false }
                index += 1
                continue
            }
            switch byte {
            case 0x20, 0x09, 0x2C, 0x0D, 0x0A, 0x3B:
                if cellStart >= 0 { cells += 1; cellStart = -1 }
                if byte == 0x0A { lineEnds += 1; lastLineEnd = index }
                if byte == 0x3B { self.done = true }
            default:
                if cellStart < 0 { cellStart = index; atCellStart = (lineEnds, lastLineEnd) }
                if byte == 0x22 { quoted = true }
            }
            index += 1
        }
        at = count
        if cellStart >= 0 { (at, lineEnds, lastLineEnd) = (cellStart, atCellStart.lineEnds, atCellStart.lastLineEnd) }
    }
}

extension PXCellReader {
    /// Like `read`, on two threads (see the file's head): blocks of about `blockBytes`, the first
    /// `split` of each read by one thread, the rest by the other. The same cells, counts, line numbers,
    /// limits, checksum and first error as reading them one after another.
    mutating func readInLanes(_ pending: inout [UInt8], from stream: inout ByteStream, blockBytes: Int, split: Double) throws(DataError) {
        let hashes = stream.hashesChunks
        stream.hashesChunks = false
        defer { stream.hashesChunks = hashes }
        var hasher = stream.checksum
        var hashed = pending.count  // read with the header, and hashed then
        var (atEnd, readMore) = (false, true)
        var failure: DataError?
        while true {
            // Read (a chunk at least after the whole buffer was fed) until a block is there, the file ends or a read fails.
            while !atEnd, failure == nil, readMore || pending.count < blockBytes {
                readMore = false
                let before = pending.count
                do throws(DataError) {
                    if try stream.readChunk(into: &pending) == 0 { atEnd = true }
                } catch {
                    pending.removeSubrange(before...)
                    failure = error
                }
            }
            let whole = atEnd || failure != nil
            var block = whole ? pending.count : min(blockBytes, pending.count)
            var consumed = 0
            try pending.withUnsafeBufferPointer { (all: UnsafeBufferPointer<UInt8>) throws(DataError) in
                let fresh = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: all[hashed...]))
                consumed = try feedInLanes(UnsafeBufferPointer(rebasing: all[..<block]), atEnd: atEnd && failure == nil && block == all.count,
                                           split: split, hash: { hasher.update(fresh) })
                if consumed == 0, block < all.count {
                    // A cell longer than the block: the whole buffer, as one thread reads it.
                    block = all.count
                    consumed = try feedInLanes(all, atEnd: false, split: split, hash: {})
                }
            }
            hashed = pending.count - consumed
            pending.removeFirst(consumed)
            if block < hashed + consumed { continue }  // more blocks are in the buffer
            readMore = true
            if let failure { throw failure }
            if atEnd { break }
            if pending.count > ByteStream.maxLineBytes {
                throw DataError(file: file, line: line, column: 1,
                                "a DATA cell longer than \(ByteStream.maxLineBytes >> 20) MB: not a PC-Axis table dkq can read")
            }
        }
        stream.checksum = hasher
        try finish()
    }

    /// Feeds `bytes` (see `feed`) on two threads, `hash` beside; returns how many were consumed.
    private mutating func feedInLanes(_ bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool, split: Double,
                                      hash: () -> Void) throws(DataError) -> Int {
        let middle = min(bytes.count, max(0, Int(Double(bytes.count) * split)))
        let head = UnsafeBufferPointer(rebasing: bytes[..<middle])
        var (first, second) = (self, self)
        (first.missingCells, second.missingCells) = (0, 0)
        var firstRead: Result<Int, DataError> = .success(0), secondRead: Result<Int, DataError> = .success(0)
        var cut = PXCut()
        bothAtOnce({
            firstRead = Result { () throws(DataError) in try first.feed(head, atEnd: false) }
            hash()
        }, {
            cut = PXCut(head, done: second.done)
            second.resume(after: cut)
            secondRead = Result { () throws(DataError) in try second.feed(UnsafeBufferPointer(rebasing: bytes[cut.at...]), atEnd: atEnd) }
        })
        _ = try firstRead.get()
        assert(first.offset == offset + cut.at && first.cellCount == cellCount + cut.cells && first.line == line + cut.lineEnds
               && first.lineStartOffset == cut.lastLineEnd.map { offset + $0 + 1 } ?? lineStartOffset && first.done == cut.done,
               "the cut is where reading the first part stopped")
        let consumed = try secondRead.get()
        let missing = missingCells + first.missingCells + second.missingCells
        self = second
        missingCells = missing
        return cut.at + consumed
    }

    /// Moves to where reading the bytes `cut` describes (from here) stops, without reading them.
    private mutating func resume(after cut: PXCut) {
        if let lastLineEnd = cut.lastLineEnd { lineStartOffset = offset + lastLineEnd + 1 }
        offset += cut.at
        line += cut.lineEnds
        cellCount += cut.cells
        done = cut.done
        var rest = cellCount
        for dim in coords.indices.reversed() {
            coords[dim] = rest % sizes[dim]
            rest /= sizes[dim]
        }
    }
}

/// Per byte: 0 a cell byte, 1 a blank, comma or CR, 2 a line end, `;` or `"`.
private let pxByteKinds: [UInt8] = (0..<256).map { byte in
    switch byte {
    case 0x20, 0x09, 0x2C, 0x0D: 1
    case 0x0A, 0x3B, 0x22: 2
    default: 0
    }
}

/// Runs `first` and `second` at once, on two threads.
func bothAtOnce(_ first: () -> Void, _ second: () -> Void) {
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            let work = BothAtOnce(first, second)
            DispatchQueue.concurrentPerform(iterations: 2) { work.run($0) }
        }
    }
}

/// The two tasks of `bothAtOnce`.
private final class BothAtOnce: @unchecked Sendable {
    let first: () -> Void, second: () -> Void
    init(_ first: @escaping () -> Void, _ second: @escaping () -> Void) { (self.first, self.second) = (first, second) }
    func run(_ task: Int) { if task == 0 { first() } else { second() } }
}
