// Plain input without a line editor: raw bytes from a file descriptor split
// into lines of any length, and the UTF-8 check that names the first bad byte.
import Query
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines (as bytes, without the line break) from a file descriptor.
struct ByteLineReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    /// Start of the unread part of `buffer`.
    private var start = 0
    /// Bytes after `start` already known to hold no newline.
    private var scanned = 0
    private var atEnd = false
    /// Set when a read failed (not at end of input).
    private(set) var failed = false
    /// Set when a line ran past `maxLineBytes`: reading stops there.
    private(set) var tooLong = false
    /// The longest line read (a statement is a few hundred bytes; a script line is no novel).
    static let maxLineBytes = 4 << 20

    init(fd: Int32) { self.fd = fd }

    /// The next line without its `\n` (a trailing `\r` is dropped too), or nil at end.
    mutating func nextLine() -> [UInt8]? {
        while true {
            if let newline = buffer[(start + scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = Array(buffer[start..<end])
                start = newline + 1
                scanned = 0
                return line
            }
            scanned = buffer.count - start
            if atEnd {
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = Array(buffer[start..<end])
                start = buffer.count
                scanned = 0
                return line
            }
            fill()
        }
    }

    /// Everything left, or nil when a read failed.
    mutating func readAll() -> [UInt8]? {
        while !atEnd { fill() }
        return failed ? nil : Array(buffer[start...])
    }

    private mutating func fill() {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        if buffer.count - start > Self.maxLineBytes {
            tooLong = true
            atEnd = true
            buffer.removeAll()
            start = 0
            scanned = 0
            return
        }
        let chunk = 1 << 16
        var got = -1
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: chunk) { scratch in
            repeat {
                got = read(fd, scratch.baseAddress, chunk)
            } while got < 0 && errno == EINTR
            if got > 0 { buffer.append(contentsOf: scratch[0..<got]) }
        }
        if got <= 0 {
            atEnd = true
            failed = got < 0
        }
    }
}

/// Decodes a line, or says where its UTF-8 breaks: "invalid UTF-8 at byte N of the line".
func decodeLine(_ bytes: [UInt8]) -> Result<String, LineError> {
    if let bad = firstInvalidUTF8(bytes) {
        return .failure(LineError(message: "invalid UTF-8 at byte \(bad + 1) of the line"))
    }
    return .success(String(decoding: bytes, as: UTF8.self))
}

/// A line that cannot be used as input.
struct LineError: Error, Equatable {
    var message: String
}
