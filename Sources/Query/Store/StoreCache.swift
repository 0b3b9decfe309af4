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
    static func key(folder: String, sources: [String]) -> String {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        var key = "dkq store key v1\n" + (realPath(folder) ?? folder)
        for name in sources { key += "\n" + name + " " + fingerprint(base + name) }
        return key
    }

    /// A file's size, modification and change times, inode and device ("missing" when it is not there).
    static func fingerprint(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "missing" }
        #if canImport(Darwin)
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        // Appended piece by piece: string interpolation costs several times more (23 files at every start).
        var text = "size " + String(info.st_size)
        text += " mtime " + String(modified.tv_sec) + "." + String(modified.tv_nsec)
        text += " ctime " + String(changed.tv_sec) + "." + String(changed.tv_nsec)
        text += " inode " + String(info.st_ino) + " device " + String(info.st_dev)
        return text
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
