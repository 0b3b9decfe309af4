// The downloads a data folder's sessions loaded (`load "file"`), listed in the cache directory
// so the next start loads them again from their files (which stay the truth: a changed file is
// read again and reported, a removed one reported); `unload "file"` takes one off the list.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One loaded file: where it is, the citation given with it, and the checksums of what it loaded.
struct LoadedFile: Sendable, Equatable {
    /// The path as the user typed it.
    var given: String
    /// The absolute path (resolved when loaded); the manifest's identity of the file.
    var path: String
    var citation: String?
    /// FNV-1a checksums of the datasets it added (to tell whether the file changed since).
    var checksums: [String]
    /// Listed in the manifest (loaded by a `load` statement while a cache is in use).
    var kept = false
    /// Loaded again at this start from an earlier session's list.
    var restored = false
    /// False when, at this start, the file was gone or no longer loaded: listed, nothing loaded.
    var present = true

    /// Whether `text` (as typed to `unload`) names this file.
    func isNamed(_ text: String) -> Bool {
        text == given || text == path || StoreCache.realPath(text) == path
    }
}

/// The list of loaded files for one data folder ("dkq loads v1"), one file per line:
/// path, checksums (comma-separated) and citation, tab-separated, with `\`, tab and newline escaped.
struct LoadManifest: Sendable {
    let path: String
    let cache: StoreCache

    init(cacheDirectory: String, folder: String) {
        cache = StoreCache(directory: cacheDirectory)
        let absolute = StoreCache.realPath(folder) ?? folder
        path = cacheDirectory + "/loads-" + fnv1a64Hex(Array(absolute.utf8)) + ".txt"
    }

    static let header = "dkq loads v1"

    /// The listed files, in load order; empty when there is no (readable, well-formed) list.
    func read() -> [LoadedFile] {
        guard let bytes = Self.contents(path) else { return [] }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == Substring(Self.header) else { return [] }
        return lines.dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { Self.unescape(String($0)) }
            guard fields.count == 3, fields[0].hasPrefix("/") else { return nil }
            return LoadedFile(given: fields[0], path: fields[0], citation: fields[2].isEmpty ? nil : fields[2],
                              checksums: fields[1].split(separator: ",").map(String.init))
        }
    }

    /// Replaces the list (atomically); false when the cache cannot be written.
    @discardableResult
    func write(_ files: [LoadedFile]) -> Bool {
        let lines = [Self.header] + files.map { file in
            [file.path, file.checksums.joined(separator: ","), file.citation ?? ""].map(Self.escape).joined(separator: "\t")
        }
        return cache.create() && StoreFile.writeAtomically(path, [Array((lines.joined(separator: "\n") + "\n").utf8)])
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    static func unescape(_ text: String) -> String {
        var out = "", escaped = false
        for character in text {
            if escaped {
                out.append(character == "t" ? "\t" : character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// The bytes of a small file, or nil.
    static func contents(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { readSome(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 { return nil }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
            if bytes.count > 16 << 20 { return nil }
        }
    }
}

private func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
