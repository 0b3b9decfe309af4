// `load FOLDER`: a dkq data folder (it holds municipalities.csv) replaces everything
// loaded; any other folder loads every recognised download in it, all or nothing.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Engine {
    /// Loads every `.px` and `.csv` file in `folder` (not hidden ones, not `*_sagsemne.csv`,
    /// which its talportal file reads), in name order. On any error nothing changes.
    mutating func loadFolder(_ folder: String) throws(DataError) -> String {
        if Self.isDataFolder(folder) { return try openFolder(folder) }
        let files = try Self.loadableFiles(in: folder)
        guard !files.isEmpty else { throw DataError(file: folder, "no .px or .csv file in this folder; nothing was loaded") }
        var copy = self
        var reports: [String] = []
        for file in files {
            do {
                reports.append("\(file): " + (try copy.merge(path: file, citation: nil)))
            } catch {
                throw DataError(file: error.file, line: error.line, column: error.column,
                                error.message + " (nothing was loaded from \(folder))")
            }
        }
        self = copy
        return reports.joined(separator: "\n") + "\nloaded \(files.count) files from \(folder)"
    }

    /// The loadable files of a folder, with their paths, sorted by name.
    static func loadableFiles(in folder: String) throws(DataError) -> [String] {
        guard let handle = opendir(folder) else {
            throw DataError(file: folder, "cannot open folder: \(String(cString: strerror(errno)))")
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
            let lower = name.lowercased()
            guard !name.hasPrefix("."), lower.hasSuffix(".px") || lower.hasSuffix(".csv"), !lower.hasSuffix("_sagsemne.csv") else { continue }
            names.append(name)
        }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { base + $0 }
    }

    /// True when `path` is a dkq data folder (it holds municipalities.csv).
    static func isDataFolder(_ path: String) -> Bool {
        isFolder(path) && exists(path + "/municipalities.csv")
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// True when `path` is a folder.
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
