// Reads a file in 1 MB chunks with Glibc `read`, never holding the whole file,
// and hands out complete lines (as byte buffers) while computing the FNV-1a checksum of what it hands out.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// FNV-1a 64-bit hash, updated chunk by chunk.
struct FNV1a: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        value = hash
    }

    /// Sixteen lower-case hex digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// A file opened for chunked reading. Only regular files and pipes (a FIFO, `<(…)`) are
/// read; a pipe can be read only once, so the first bytes `peek` looks at are kept and
/// handed out again instead of opening the file a second time.
struct ByteStream: ~Copyable {
    let path: String
    private let descriptor: Int32
    /// The checksum of the bytes `readChunk` has handed out.
    var checksum = FNV1a()
    /// False while a reader hashes what `readChunk` hands out itself (on another thread) and sets `checksum`.
    var hashesChunks = true
    private(set) var totalBytes = 0
    /// One chunk's room, not zero-filled: `read` writes it, and pages never written (a small
    /// file's) are never touched.
    private let scratch: UnsafeMutableRawPointer
    private var peeked: [UInt8] = []
    /// Checked before each chunk: Ctrl-C ends a long load with an error.
    var cancel: CancellationFlag?
    static let chunkSize = 1 << 20
    /// The longest line (or PC-Axis cell) any importer accepts.
    static let maxLineBytes = 16 << 20
    /// The largest file any importer reads.
    static let maxFileBytes = 4 << 30

    init(path: String) throws(DataError) {
        self.path = path
        descriptor = try openForReading(path)
        scratch = UnsafeMutableRawPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
    }

    deinit {
        close(descriptor)
        scratch.deallocate()
    }

    /// The file's size when it is a regular file (0 for a pipe): a hint for sizing buffers.
    var fileBytes: Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return 0 }
        return Int(info.st_size)
    }

    /// At least the first `count` bytes (fewer at end of file), read once and handed out again by `readChunk`.
    mutating func peek(_ count: Int) throws(DataError) -> [UInt8] {
        var head: [UInt8] = []
        while head.count < count, try readFromFile(into: &head) > 0 {}
        peeked = head
        return head
    }

    /// The rest of the file in one array (for readers that need it whole).
    mutating func readAll() throws(DataError) -> [UInt8] {
        var all: [UInt8] = []
        while try readChunk(into: &all) > 0 {}
        return all
    }

    /// Appends up to `chunkSize` bytes to `buffer`; returns how many were read (0 at end of file).
    mutating func readChunk(into buffer: inout [UInt8]) throws(DataError) -> Int {
        let start = buffer.count
        if !peeked.isEmpty {
            buffer.append(contentsOf: peeked)
            peeked = []
        } else {
            _ = try readFromFile(into: &buffer)
        }
        if hashesChunks { buffer.withUnsafeBytes { checksum.update(UnsafeRawBufferPointer(rebasing: $0[start...])) } }
        return buffer.count - start
    }

    private mutating func readFromFile(into buffer: inout [UInt8]) throws(DataError) -> Int {
        if cancel?.isRaised == true { throw DataError(file: path, "cancelled (Ctrl-C)") }
        var got: Int
        repeat {
            got = read(descriptor, scratch, Self.chunkSize)
        } while got < 0 && errno == EINTR && cancel?.isRaised != true
        if got < 0, cancel?.isRaised == true { throw DataError(file: path, "cancelled (Ctrl-C)") }
        if got < 0 { throw DataError(file: path, "cannot read file: \(String(cString: strerror(errno)))") }
        let chunk = UnsafeRawBufferPointer(start: scratch, count: got)
        buffer.append(contentsOf: chunk)
        totalBytes += got
        if totalBytes > Self.maxFileBytes {
            throw DataError(file: path, "file is larger than \(Self.maxFileBytes >> 30) GB; dkq reads tables up to that size")
        }
        return got
    }

    /// Calls `body` with each line (without its `\n` or `\r\n`), its 1-based number, and whether
    /// it is a final line with no newline (a truncation hint). Returns the number of lines.
    @discardableResult
    mutating func forEachLine(
        _ body: (UnsafeBufferPointer<UInt8>, Int, Bool) throws(DataError) -> Void
    ) throws(DataError) -> Int {
        var buffer: [UInt8] = []
        var lineNumber = 0
        var lastHadNewline = true
        var atEnd = false
        var first = true
        while !atEnd {
            let got = try readChunk(into: &buffer)
            if got == 0 { atEnd = true }
            var consumed = 0
            try buffer.withUnsafeBufferPointer { (all: UnsafeBufferPointer<UInt8>) throws(DataError) in
                guard let base = all.baseAddress else { return }
                var start = 0
                if first, all.count >= 3, all[0] == 0xEF, all[1] == 0xBB, all[2] == 0xBF { start = 3 }
                first = false
                let count = all.count
                while start < count {
                    let found = memchr(base + start, 0x0A, count - start)
                    var end: Int
                    if let found {
                        end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    } else {
                        if !atEnd {
                            if count - start > Self.maxLineBytes {
                                throw DataError(file: path, line: lineNumber + 1, column: 1,
                                                "line is longer than \(Self.maxLineBytes >> 20) MB; not a table dkq can read")
                            }
                            break
                        }
                        end = count
                        lastHadNewline = false
                    }
                    let next = end + 1
                    if end > start, all[end - 1] == 0x0D { end -= 1 }
                    lineNumber += 1
                    try body(UnsafeBufferPointer(rebasing: all[start..<end]), lineNumber, !lastHadNewline)
                    start = next
                }
                consumed = min(start, count)
            }
            if consumed > 0 { buffer.removeFirst(consumed) }
        }
        return lineNumber
    }
}

/// Opens `path` for reading if it is a regular file or a pipe; devices, directories and
/// sockets are refused at once (a device such as /dev/zero never ends).
func openForReading(_ path: String) throws(DataError) -> Int32 {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    if descriptor < 0 { throw DataError(file: path, "cannot open file: \(String(cString: strerror(errno)))") }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
        let reason = String(cString: strerror(errno))
        close(descriptor)
        throw DataError(file: path, "cannot read file: \(reason)")
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG, S_IFIFO:
        return descriptor
    case S_IFDIR:
        close(descriptor)
        throw DataError(file: path, "is a directory, expected a file")
    default:
        close(descriptor)
        throw DataError(file: path, "is not a regular file (a device or socket); dkq reads files and pipes")
    }
}
