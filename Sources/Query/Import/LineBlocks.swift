// The parallel form of `ByteStream.forEachLine`: the file in blocks of whole lines, each cut into
// pieces that two threads parse at once while the file's checksum is computed beside them; the
// same lines, line numbers, line ends and limits as reading line by line.
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A run of whole lines of a file: the number of its first line, and whether its last line ends the
/// file without a newline.
struct LinePiece {
    let bytes: UnsafeBufferPointer<UInt8>
    let firstLine: Int
    let endsFile: Bool

    /// Calls `body` with each line (without its `\n` or `\r\n`), its 1-based number and whether it
    /// is a final line with no newline, until `body` returns false; returns the lines not handed out.
    @discardableResult
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int, Bool) throws(DataError) -> Bool) throws(DataError) -> LinePiece {
        guard let base = bytes.baseAddress else { return self }
        let count = bytes.count
        var (start, number) = (0, firstLine)
        while start < count {
            let found = memchr(base + start, 0x0A, count - start)
            var end = found.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
            let next = end + 1
            if end > start, base[end - 1] == 0x0D { end -= 1 }
            let more = try body(UnsafeBufferPointer(start: base + start, count: end - start), number, found == nil)
            (start, number) = (min(next, count), number + 1)
            if !more { break }
        }
        return LinePiece(bytes: UnsafeBufferPointer(rebasing: bytes[start...]), firstLine: number, endsFile: endsFile)
    }

    /// The piece cut into runs of whole lines of about `size` bytes, each with its first line's
    /// number, and the number of the line after the piece.
    func cut(_ size: Int) -> (pieces: [LinePiece], nextLine: Int) {
        guard let base = bytes.baseAddress else { return ([], firstLine) }
        var pieces: [LinePiece] = []
        var (start, line) = (0, firstLine)
        while start < bytes.count {
            var end = bytes.count
            if start + size < bytes.count, let found = memchr(base + start + size, 0x0A, bytes.count - start - size) {
                end = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            }
            let run = UnsafeBufferPointer(start: base + start, count: end - start)
            pieces.append(LinePiece(bytes: run, firstLine: line, endsFile: endsFile && end == bytes.count))
            line += newlines(in: run)
            start = end
        }
        return (pieces, line)
    }
}

/// The number of `\n` bytes, eight at a time.
private func newlines(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    let (low, newline): (UInt64, UInt64) = (0x7F7F_7F7F_7F7F_7F7F, 0x0A0A_0A0A_0A0A_0A0A)
    var (count, index) = (0, 0)
    while index + 8 <= bytes.count {
        // The high bit of each byte that equals `\n` (exactly: no carries between bytes).
        let x = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ newline
        count &+= (~(((x & low) &+ low) | x | low)).nonzeroBitCount
        index += 8
    }
    while index < bytes.count {
        if base[index] == 0x0A { count &+= 1 }
        index += 1
    }
    return count
}

extension ByteStream {
    /// Hands out the rest of the file in blocks of whole lines of about `blockBytes` (one line at
    /// least). `lead` sees each block first, on this thread, and returns the lines it leaves (a
    /// header, say, is read there). Those are cut into pieces of about `pieceBytes`, and `parse`
    /// reads each piece on one of two threads (`lane` 0 or 1: a lane's pieces come in file order);
    /// `collect` then gets the block's parts in file order, on this thread. A read that fails (or
    /// Ctrl-C) is reported after the lines read before it; a line longer than `maxLineBytes` is an error.
    mutating func forEachBlock<Part>(
        blockBytes: Int, pieceBytes: Int,
        lead: (LinePiece) throws(DataError) -> LinePiece,
        parse: (_ lane: Int, LinePiece) -> Part,
        collect: ([Part]) throws(DataError) -> Void
    ) throws(DataError) {
        let hashes = hashesChunks
        hashesChunks = false
        defer { hashesChunks = hashes }
        var hasher = checksum
        var buffer: [UInt8] = []
        var (hashed, searched, lines, first, atEnd) = (0, 0, 1, true, false)
        while true {
            // Read until the buffer holds a block and a line end (or the file ends).
            var failure: DataError?
            var lineEnd: Int?
            while true {
                lineEnd = buffer.withUnsafeBufferPointer { all in
                    all.baseAddress.flatMap { memchr($0 + searched, 0x0A, all.count - searched) }
                        .map { all.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
                }
                if atEnd || (buffer.count >= blockBytes && lineEnd != nil) { break }
                if lineEnd == nil, buffer.count > Self.maxLineBytes {
                    failure = DataError(file: path, line: lines, column: 1,
                                        "line is longer than \(Self.maxLineBytes >> 20) MB; not a table dkq can read")
                    break
                }
                searched = lineEnd == nil ? buffer.count : searched
                let before = buffer.count
                do {
                    if try readChunk(into: &buffer) == 0 { atEnd = true }
                } catch {
                    buffer.removeSubrange(before...)
                    failure = error
                    break
                }
            }
            // The block: whole lines up to about `blockBytes` (all that is left at the end of the file).
            var end = 0
            buffer.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress else { return }
                if atEnd, failure == nil { end = all.count; return }
                guard let lineEnd else { return }
                end = max(lineEnd + 1, min(blockBytes, all.count))
                while base[end - 1] != 0x0A { end -= 1 }
            }
            try buffer.withUnsafeBufferPointer { (all: UnsafeBufferPointer<UInt8>) throws(DataError) in
                var start = 0
                if first, all.count >= 3, all[0] == 0xEF, all[1] == 0xBB, all[2] == 0xBF { start = 3 }
                let block = LinePiece(bytes: UnsafeBufferPointer(rebasing: all[min(start, end)..<end]), firstLine: lines,
                                      endsFile: atEnd && failure == nil)
                let (pieces, nextLine) = try lead(block).cut(pieceBytes)
                let unhashed = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(all)[hashed...])
                try collect(runInTwoLanes(pieces, hash: { hasher.update(unhashed) }, parse: parse))
                lines = nextLine
            }
            first = false
            hashed = buffer.count - end
            searched = 0
            buffer.removeSubrange(..<end)
            if let failure { throw failure }
            if atEnd, buffer.isEmpty { break }
        }
        checksum = hasher
    }
}

/// Runs `hash` and `parse` on every piece, on two threads when there is more than one piece;
/// returns the parts in the pieces' order.
private func runInTwoLanes<Part>(_ pieces: [LinePiece], hash: () -> Void, parse: (Int, LinePiece) -> Part) -> [Part] {
    guard pieces.count > 1 else {
        hash()
        return pieces.map { parse(0, $0) }
    }
    return withoutActuallyEscaping(hash) { hash in
        withoutActuallyEscaping(parse) { parse in
            let work = TwoLanes(pieces: pieces, hash: hash, parse: parse)
            DispatchQueue.concurrentPerform(iterations: 2) { lane in work.run(lane: lane) }
            return work.parts.map { $0! }
        }
    }
}

/// The shared state of `runInTwoLanes`: the next task (0 is the hash, then the pieces), and each
/// piece's part, written by the lane that parsed it.
private final class TwoLanes<Part>: @unchecked Sendable {
    let pieces: [LinePiece]
    let hash: () -> Void
    let parse: (Int, LinePiece) -> Part
    let parts: UnsafeMutableBufferPointer<Part?>
    let next = Atomic<Int>(0)

    init(pieces: [LinePiece], hash: @escaping () -> Void, parse: @escaping (Int, LinePiece) -> Part) {
        (self.pieces, self.hash, self.parse) = (pieces, hash, parse)
        parts = .allocate(capacity: pieces.count)
        parts.initialize(repeating: nil)
    }

    deinit {
        _ = parts.deinitialize()
        parts.deallocate()
    }

    func run(lane: Int) {
        while true {
            let task = next.add(1, ordering: .relaxed).oldValue
            if task == 0 { hash(); continue }
            guard task <= pieces.count else { return }
            parts[task - 1] = parse(lane, pieces[task - 1])
        }
    }
}
