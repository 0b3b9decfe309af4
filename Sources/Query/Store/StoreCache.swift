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
        var lines = ["dkq store key v1", realPath(folder) ?? folder]
        for name in sources {
            lines.append(name + " " + fingerprint(folder.hasSuffix("/") ? folder + name : folder + "/" + name))
        }
        return lines.joined(separator: "\n")
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
        return "size \(info.st_size) mtime \(modified.tv_sec).\(modified.tv_nsec) "
            + "ctime \(changed.tv_sec).\(changed.tv_nsec) inode \(info.st_ino) device \(info.st_dev)"
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
