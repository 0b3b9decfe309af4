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

    private mutating func load() {
        guard let bytes = readWholeFile(path) else {
            if errno == ENOENT { return }
            let reason = String(cString: strerror(errno))
            refuse("cannot read history file \(path): \(reason)")
            return
        }
        if bytes.isEmpty { return }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            refuse("history file \(path) is not UTF-8 text")
            return
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.first == Substring(Self.header) else {
            refuse("\(path) is not a dkq history file")
            return
        }
        var decoded: [String] = []
        decoded.reserveCapacity(lines.count - 1)
        for (index, line) in lines.dropFirst().enumerated() {
            guard let entry = Self.decode(line) else {
                refuse("history file \(path) line \(index + 2) is damaged")
                return
            }
            decoded.append(entry)
        }
        linesInFile = decoded.count
        entries = Array(decoded.suffix(capacity))
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
        guard writable else { return nil }
        linesInFile += 1
        if linesInFile > capacity + capacity / 10 { return compact() }
        let isNew = access(path, F_OK) != 0 || fileSize(path) == 0
        let text = (isNew ? Self.header + "\n" : "") + Self.encode(entry) + "\n"
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard fd >= 0 else { return failed("cannot write history file \(path)") }
        defer { close(fd) }
        return writeAll(text, to: fd) ? nil : failed("cannot write history file \(path)")
    }

    /// Rewrites the file with the last `capacity` entries: temp file, then rename.
    private mutating func compact() -> String? {
        let temporary = "\(path).tmp\(getpid())"
        var text = Self.header + "\n"
        for entry in entries { text += Self.encode(entry) + "\n" }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return failed("cannot write \(temporary)") }
        let ok = writeAll(text, to: fd) && fsync(fd) == 0
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            return failed("cannot replace history file \(path)")
        }
        linesInFile = entries.count
        return nil
    }

    private mutating func failed(_ message: String) -> String {
        writable = false
        return "warning: \(message): \(String(cString: strerror(errno))); history will not be saved"
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

/// The bytes of a file, or nil with `errno` set.
func readWholeFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var reader = ByteLineReader(fd: fd)
    return reader.readAll()
}

private func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
}
