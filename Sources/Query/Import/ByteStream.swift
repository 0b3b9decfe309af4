// Reads a file in 1 MB chunks with Glibc `read`, never holding the whole file,
// and hands out complete lines (as byte buffers) while computing the FNV-1a checksum.
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

/// A file opened for chunked reading.
struct ByteStream: ~Copyable {
    let path: String
    private let descriptor: Int32
    private(set) var checksum = FNV1a()
    private(set) var totalBytes = 0
    private var scratch = [UInt8](repeating: 0, count: 1 << 20)
    static let chunkSize = 1 << 20

    init(path: String) throws(DataError) {
        self.path = path
        descriptor = open(path, O_RDONLY)
        if descriptor < 0 {
            let reason = String(cString: strerror(errno))
            throw DataError(file: path, "cannot open file: \(reason)")
        }
    }

    deinit { close(descriptor) }

    /// Appends up to `chunkSize` bytes to `buffer`; returns how many were read (0 at end of file).
    mutating func readChunk(into buffer: inout [UInt8]) throws(DataError) -> Int {
        let descriptor = self.descriptor
        let got = scratch.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            while true {
                let count = read(descriptor, base, Self.chunkSize)
                if count < 0 && errno == EINTR { continue }
                return count
            }
        }
        if got < 0 { throw DataError(file: path, "cannot read file: \(String(cString: strerror(errno)))") }
        scratch.withUnsafeBytes { raw in
            let chunk = UnsafeRawBufferPointer(rebasing: raw[0..<got])
            checksum.update(chunk)
            buffer.append(contentsOf: chunk)
        }
        totalBytes += got
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
                        if !atEnd { break }
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
