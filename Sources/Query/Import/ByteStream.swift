// Reads a file in 1 MB chunks with Glibc `read`, never holding the whole file, and hands
// out complete lines (as byte buffers); the FNV-1a checksum is computed inline or on a second thread.
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

/// The checksum thread's input and result: it `pread`s the whole file (the offset `read` uses is untouched).
private struct ChecksumJob {
    var descriptor: Int32
    var checksum = FNV1a()
}

/// A file opened for chunked reading.
struct ByteStream: ~Copyable {
    let path: String
    private let descriptor: Int32
    private var inlineChecksum = FNV1a()
    private(set) var totalBytes = 0
    private var scratch = [UInt8](repeating: 0, count: 1 << 20)
    /// Set while a second thread computes the checksum (then `readChunk` does not).
    private var job: UnsafeMutablePointer<ChecksumJob>?
    private var thread = pthread_t()
    static let chunkSize = 1 << 20
    /// Files at least this large get their checksum on a second thread when asked for.
    static let parallelChecksumBytes = 8 << 20

    /// Opens `path`; with `parallelChecksum`, a large file's checksum is computed on a second thread
    /// that reads the same open file, so the FNV-1a pass overlaps the parsing.
    init(path: String, parallelChecksum: Bool = false) throws(DataError) {
        self.path = path
        descriptor = open(path, O_RDONLY)
        if descriptor < 0 {
            let reason = String(cString: strerror(errno))
            throw DataError(file: path, "cannot open file: \(reason)")
        }
        var info = stat()
        guard parallelChecksum, fstat(descriptor, &info) == 0, Int(info.st_size) >= Self.parallelChecksumBytes else { return }
        let job = UnsafeMutablePointer<ChecksumJob>.allocate(capacity: 1)
        job.initialize(to: ChecksumJob(descriptor: descriptor))
        let started = pthread_create(&thread, nil, { raw in
            guard let job = raw?.assumingMemoryBound(to: ChecksumJob.self) else { return nil }
            job.pointee.checksum = checksumOfWholeFile(job.pointee.descriptor)
            return nil
        }, job)
        if started == 0 { self.job = job } else { job.deallocate() }
    }

    deinit {
        if let job {
            pthread_join(thread, nil)
            job.deallocate()
        }
        close(descriptor)
    }

    /// The FNV-1a checksum of the whole file (waits for the checksum thread, if any).
    mutating func checksum() -> FNV1a {
        guard let job else { return inlineChecksum }
        pthread_join(thread, nil)
        let result = job.pointee.checksum
        job.deallocate()
        self.job = nil
        inlineChecksum = result
        return result
    }

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
            if job == nil { inlineChecksum.update(chunk) }
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

/// FNV-1a of everything `pread` returns from offset 0 to the end of the file (runs on the checksum thread).
private func checksumOfWholeFile(_ descriptor: Int32) -> FNV1a {
    var checksum = FNV1a()
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: ByteStream.chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    guard let base = buffer.baseAddress else { return checksum }
    var offset = 0
    while true {
        let count = pread(descriptor, base, ByteStream.chunkSize, off_t(offset))
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { break }
        checksum.update(UnsafeRawBufferPointer(start: base, count: count))
        offset += count
    }
    return checksum
}
