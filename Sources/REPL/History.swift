// The persistent history file (~/.dkq_history): our own format, one entry per
// line with `\`, newline and CR escaped, appended with one write, compacted atomically.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shell history kept in a file that is never truncated or corrupted by us.
struct HistoryFile {
    /// The first line of every history file we write.
    static let header = "#dkq-history v1"

    let path: String
    /// Most entries kept.
    let capacity: Int
    /// Entries, oldest first, at most `capacity`.
    private(set) var entries: [String] = []
    /// False when the file could not be read or is not ours: it is then never written.
    private(set) var writable = true
    /// Why the file is not used, to show the user once.
    private(set) var warning: String?
    /// Entry lines in the file now (may exceed `capacity` until compaction).
    private var linesInFile = 0

    /// Loads `path`; a missing file is an empty history.
    init(path: String, capacity: Int = 10_000) {
        self.path = path
        self.capacity = max(1, capacity)
        load()
    }

    /// The largest history file read (10,000 entries take well under a megabyte).
    static let maxFileBytes = 64 << 20
    /// Longer entries (a pasted file) stay in this session's memory and are not saved.
    static let maxEntryBytes = 64 << 10

    private mutating func load() {
        let bytes: [UInt8]
        switch readHistoryFile(path) {
        case .missing: return
        case .failure(let message): return refuse(message)
        case .success(let read): bytes = read
        }
        switch Self.parse(bytes, path: path) {
        case .failure(let error): refuse(error.message)
        case .success(let decoded):
            linesInFile = decoded.count
            entries = Array(decoded.suffix(capacity))
        }
    }

    /// The entries of a history file's bytes. A last line without its newline was torn by a
    /// crash in the middle of a write: it is skipped (and cut off before the next append).
    static func parse(_ bytes: [UInt8], path: String) -> Result<[String], LineError> {
        if bytes.isEmpty { return .success([]) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(LineError(message: "history file \(path) is not UTF-8 text"))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()  // the part after the last newline: empty, or a torn line
        if lines.isEmpty { return .success([]) }
        guard lines.first == Substring(Self.header) else {
            return .failure(LineError(message: "\(path) is not a dkq history file"))
        }
        var decoded: [String] = []
        decoded.reserveCapacity(lines.count - 1)
        for (index, line) in lines.dropFirst().enumerated() {
            guard let entry = Self.decode(line) else {
                return .failure(LineError(message: "history file \(path) line \(index + 2) is damaged"))
            }
            decoded.append(entry)
        }
        return .success(decoded)
    }

    private mutating func refuse(_ message: String) {
        writable = false
        warning = "warning: \(message); it is left untouched and history will not be saved this session"
    }

    /// Adds an entry (skipping blanks and repeats of the last one) and saves it.
    /// Returns a warning when saving failed.
    @discardableResult
    mutating func append(_ entry: String) -> String? {
        if entry.allSatisfy(\.isWhitespace) || entry == entries.last { return nil }
        entries.append(entry)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        guard writable, entry.utf8.count <= Self.maxEntryBytes else { return nil }
        let line = Self.encode(entry) + "\n"
        let result = withLockedFile { fd throws(HistoryFailure) in
            // One write of a whole line, under the lock: the header goes in only once,
            // and a torn last line left by a crash is cut off first.
            let size = try cutTornTail(fd)
            guard writeAll((size == 0 ? Self.header + "\n" : "") + line, to: fd) else {
                throw HistoryFailure("cannot write history file \(path)")
            }
        }
        if let result { return failed(result) }
        linesInFile += 1
        return linesInFile > capacity + capacity / 10 ? compact() : nil
    }

    /// Rewrites the file with its last `capacity` entries, under the lock: the file is read
    /// again (other shells' entries included), written to a new file beside it and renamed
    /// over it. A symlinked history keeps its link: the file it points to is replaced.
    private mutating func compact() -> String? {
        var kept = 0
        let result = withLockedFile { fd throws(HistoryFailure) in
            _ = try cutTornTail(fd)
            guard let bytes = readAll(fd), case .success(let all) = Self.parse(bytes, path: path) else {
                throw HistoryFailure("cannot compact history file \(path)")
            }
            let newest = all.suffix(capacity)
            var text = Self.header + "\n"
            for entry in newest { text += Self.encode(entry) + "\n" }
            let target = resolvedPath(path)
            let directory = target.lastIndex(of: "/").map { String(target[..<$0]) } ?? "."
            var template = Array((directory + "/.dkq_history.XXXXXX").utf8CString)
            let temporary = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard temporary >= 0 else { throw HistoryFailure("cannot write beside history file \(path)") }
            let temporaryPath = String(cString: template)
            let ok = writeAll(text, to: temporary) && fchmod(temporary, 0o600) == 0 && fsync(temporary) == 0
            close(temporary)
            guard ok, rename(temporaryPath, target) == 0 else {
                unlink(temporaryPath)
                throw HistoryFailure("cannot replace history file \(path)")
            }
            kept = newest.count
        }
        if let result { return failed(result) }
        linesInFile = kept
        return nil
    }

    /// Opens the file for appending, takes its lock, and runs `body`; if another shell
    /// replaced the file while we waited for the lock, tries again on the new one.
    private func withLockedFile(_ body: (Int32) throws(HistoryFailure) -> Void) -> HistoryFailure? {
        for _ in 0..<20 {
            let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0o600)
            guard fd >= 0 else { return HistoryFailure("cannot write history file \(path)") }
            defer { close(fd) }
            var opened = stat(), named = stat()
            guard fstat(fd, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else {
                return HistoryFailure("history file \(path) is not a regular file")
            }
            while flock(fd, LOCK_EX) != 0 {
                if errno != EINTR { return HistoryFailure("cannot lock history file \(path)") }
            }
            guard stat(path, &named) == 0, named.st_dev == opened.st_dev, named.st_ino == opened.st_ino else { continue }
            do throws(HistoryFailure) {
                try body(fd)
                return nil
            } catch {
                return error
            }
        }
        return HistoryFailure("history file \(path) keeps being replaced")
    }

    /// Cuts a last line without its newline (torn by a crash); returns the size after.
    private func cutTornTail(_ fd: Int32) throws(HistoryFailure) -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw HistoryFailure("cannot read history file \(path)") }
        var end = Int(info.st_size)
        var last: UInt8 = 0
        guard end > 0, pread(fd, &last, 1, off_t(end - 1)) == 1, last != UInt8(ascii: "\n") else { return end }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while end > 0 {
            let from = max(0, end - chunk.count)
            let got = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, end - from, off_t(from)) }
            guard got == end - from else { throw HistoryFailure("cannot read history file \(path)") }
            if let newline = chunk[0..<got].lastIndex(of: UInt8(ascii: "\n")) {
                end = from + newline + 1
                break
            }
            end = from
        }
        guard ftruncate(fd, off_t(end)) == 0 else { throw HistoryFailure("cannot repair history file \(path)") }
        return end
    }

    private mutating func failed(_ failure: HistoryFailure) -> String {
        writable = false
        return "warning: \(failure.message): \(String(cString: strerror(failure.errorNumber))); history will not be saved"
    }

    /// One entry as one line: `\` → `\\`, newline → `\n`, CR → `\r`.
    static func encode(_ entry: String) -> String {
        var out = ""
        out.reserveCapacity(entry.utf8.count)
        for scalar in entry.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The inverse of `encode`; nil for an unknown escape or a lone trailing `\`.
    static func decode(_ line: Substring) -> String? {
        var out = ""
        var escaped = false
        for scalar in line.unicodeScalars {
            if escaped {
                switch scalar {
                case "\\": out += "\\"
                case "n": out += "\n"
                case "r": out += "\r"
                default: return nil
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return escaped ? nil : out
    }
}

/// Why saving history failed, with the `errno` of the call that failed.
struct HistoryFailure: Error {
    var message: String
    var errorNumber: Int32
    init(_ message: String) {
        self.message = message
        errorNumber = errno
    }
}

enum HistoryRead {
    case missing
    case failure(String)
    case success([UInt8])
}

/// The history file's bytes: only a regular file (not /dev/zero, a FIFO or a directory),
/// and only up to `HistoryFile.maxFileBytes`.
func readHistoryFile(_ path: String) -> HistoryRead {
    let fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else {
        if errno == ENOENT { return .missing }
        return .failure("cannot read history file \(path): \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .failure("cannot read history file \(path): \(String(cString: strerror(errno)))") }
    guard info.st_mode & S_IFMT == S_IFREG else { return .failure("history file \(path) is not a regular file") }
    guard Int(info.st_size) <= HistoryFile.maxFileBytes else {
        return .failure("history file \(path) is larger than \(HistoryFile.maxFileBytes >> 20) MB")
    }
    guard let bytes = readAll(fd) else { return .failure("cannot read history file \(path): \(String(cString: strerror(errno)))") }
    return .success(bytes)
}

/// A regular file's bytes from the start, up to `HistoryFile.maxFileBytes`; nil with `errno` set.
func readAll(_ fd: Int32) -> [UInt8]? {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var offset = 0
    while bytes.count <= HistoryFile.maxFileBytes {
        let got = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
        if got < 0 { if errno == EINTR { continue }; return nil }
        if got == 0 { return bytes }
        bytes.append(contentsOf: chunk[0..<got])
        offset += got
    }
    errno = EFBIG
    return nil
}

/// The file a path names, symlinks followed (the path itself when it does not exist yet).
func resolvedPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
}
