// Where a data folder's store file lives and when it may be used: keyed by the folder's
// absolute path, valid only while every source file (catalog and outcome files) has the
// size, modification and change times and inode it had when the store was built.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What happened to the store file on a start.
public enum StoreStatus: Sendable, Equatable {
    /// No cache directory given: the sources were parsed.
    case off
    /// The store file was current and used.
    case used
    /// The store file was missing, foreign, of another version, damaged or stale, and was
    /// rebuilt from the sources (`written` false when it could not be saved).
    case rebuilt(reason: String, written: Bool)
}

/// The store files in one cache directory.
struct StoreCache {
    let directory: String

    /// The store file for a data folder.
    func path(forFolder folder: String) -> String {
        let absolute = Self.realPath(folder) ?? folder
        return directory + "/store-" + fnv1a64Hex(Array(absolute.utf8)) + ".dkqs"
    }

    /// The fingerprint of every source file; a store built under another key is stale.
    /// Written as bytes: two keys of about 20 files each are made at every start.
    static func key(folder: String, sources: [String]) -> String {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        var key = Array("dkq store key v1\n".utf8) + Array((realPath(folder) ?? folder).utf8)
        for name in sources {
            key.append(0x0A)
            key += name.utf8
            key.append(0x20)
            appendFingerprint(base + name, to: &key)
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// A file's size, modification and change times, inode and device ("missing" when it is not there).
    static func fingerprint(_ path: String) -> String {
        var bytes: [UInt8] = []
        appendFingerprint(path, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendFingerprint(_ path: String, to bytes: inout [UInt8]) {
        var info = stat()
        guard stat(path, &info) == 0 else { return bytes += "missing".utf8 }
        #if canImport(Darwin)
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        bytes += "size ".utf8
        appendDecimal(Int64(info.st_size), to: &bytes)
        bytes += " mtime ".utf8
        appendTime(modified, to: &bytes)
        bytes += " ctime ".utf8
        appendTime(changed, to: &bytes)
        bytes += " inode ".utf8
        appendDecimal(UInt64(info.st_ino), to: &bytes)
        bytes += " device ".utf8
        appendDecimal(UInt64(info.st_dev), to: &bytes)
    }

    /// Seconds and nanoseconds, `s.n`.
    private static func appendTime(_ time: timespec, to bytes: inout [UInt8]) {
        appendDecimal(Int64(time.tv_sec), to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendDecimal(Int64(time.tv_nsec), to: &bytes)
    }

    /// `value` in decimal, as `String(value)` writes it.
    static func appendDecimal(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDecimal(value.magnitude, to: &bytes)
    }

    static func appendDecimal(_ value: UInt64, to bytes: inout [UInt8]) {
        var divisor: UInt64 = 1
        while value / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// Makes the cache directory (and its parents) when missing.
    func create() -> Bool {
        var path = directory.hasPrefix("/") ? "" : "."
        for part in directory.split(separator: "/") {
            path += "/" + part
            if mkdir(path, 0o755) != 0 && errno != EEXIST { return false }
        }
        return true
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension StoreFile.Rejection {
    var reason: String {
        switch self {
        case .missing: "no store file"
        case .foreign: "not a dkq store file"
        case .otherVersion: "store file of another format version"
        case .damaged: "store file damaged (checksum or contents)"
        case .stale: "a source file changed"
        }
    }
}
