// Finding the data folder: --data DIR, else $DKQ_DATA, else a `datasets/` (or, as
// `make install` lays it out, `share/dkq/datasets/`) holding municipalities.csv
// above the executable, then above the current directory.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the data folder is.
enum DataLocation {
    /// The file that marks a data folder.
    static let marker = "municipalities.csv"

    /// The folder to load, or nil when none was given or found.
    static func find(explicit: String?, environment: String?, executable: String?, currentDirectory: String?) -> String? {
        if let explicit { return explicit }
        if let environment, !environment.isEmpty { return environment }
        for start in [executable.map(parent), currentDirectory].compactMap({ $0 }) {
            var directory = start
            while true {
                let base = directory == "/" ? "" : directory
                for candidate in [base + "/datasets", base + "/share/dkq/datasets"] where exists(candidate + "/" + marker) {
                    return candidate
                }
                let up = parent(directory)
                if up == directory { break }
                directory = up
            }
        }
        return nil
    }

    /// The folder holding `path` ("/" at the top).
    static func parent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The running executable's absolute path.
    static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return CommandLine.arguments.first }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The current directory.
    static func currentDirectory() -> String? {
        guard let pointer = getcwd(nil, 0) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

/// An environment variable.
func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}
