// The talportal's Sagsemne table (Sorteringskode;Sagsemne;Lovgrundlag;Paragraffer;Lovgivning),
// found next to the data file, which tells which paragraph each Sagsemne is.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sagsemne name -> its sort code, sections and law.
struct SagsemneTable: Sendable {
    struct Row: Sendable {
        var code: String
        var label: String
        var sections: String
        var law: String
    }

    var path: String
    var rows: [String: Row] = [:]

    static let columns: [ColumnSpec] = [
        ColumnSpec(name: "Sorteringskode", aliases: ["sorteringskode"]),
        ColumnSpec(name: "Sagsemne", aliases: ["sagsemne"]),
        ColumnSpec(name: "Lovgrundlag", aliases: ["lovgrundlag"], required: false),
        ColumnSpec(name: "Paragraffer", aliases: ["paragraffer", "paragraf"], required: false),
        ColumnSpec(name: "Lovgivning", aliases: ["lovgivning"], required: false),
    ]

    /// Reads the table at `path`.
    init(path: String) throws(DataError) {
        self.path = path
        var stream = try ByteStream(path: path)
        var header: [Int] = []
        var count = 0
        var fields: [FieldRange] = []
        var rows: [String: Row] = [:]
        let file = path
        try stream.forEachLine { (bytes: UnsafeBufferPointer<UInt8>, number: Int, isLast: Bool) throws(DataError) in
            if header.isEmpty {
                let result = try readHeader(file: file, line: bytes, number: number, delimiter: 0x3B, specs: Self.columns)
                header = result.indices
                count = result.names.count
                return
            }
            if bytes.isEmpty { return }
            try splitDataLine(
                file: file, line: bytes, number: number, delimiter: 0x3B, expected: count, isLast: isLast, into: &fields)
            let line = DelimitedLine(bytes: bytes, number: number, fields: fields)
            func text(_ slot: Int) -> String { header[slot] >= 0 ? line.text(header[slot]).trimmed : "" }
            let name = text(1)
            let law = text(4).isEmpty ? text(2) : text(4)
            rows[name] = Row(code: text(0), label: name, sections: text(3), law: law)
        }
        if header.isEmpty { throw DataError(file: path, "file is empty") }
        self.rows = rows
    }

    /// The Sagsemne table for a data file: `<stem>_sagsemne.csv`, else a `Sagsemne*.csv` in the same folder.
    static func locate(nextTo dataPath: String) -> String? {
        let slash = dataPath.lastIndex(of: "/")
        let directory = slash.map { String(dataPath[..<$0]) } ?? "."
        let fileName = slash.map { String(dataPath[dataPath.index(after: $0)...]) } ?? dataPath
        let stem = fileName.hasSuffix(".csv") ? String(fileName.dropLast(4)) : fileName
        for candidate in ["\(stem)_sagsemne.csv", "\(stem)-sagsemne.csv", "sagsemne.csv", "Sagsemne.csv", "sagsemner.csv", "Sagsemner.csv"] {
            let path = directory + "/" + candidate
            if isTable(path) { return path }
        }
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var found: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.lowercased().hasPrefix("sagsemne"), name.lowercased().hasSuffix(".csv") { found.append(name) }
        }
        return found.sorted().lazy.map { directory + "/" + $0 }.first(where: isTable)
    }

    /// Whether `path` is a regular file whose header is a Sagsemne table's: any other file
    /// with such a name is passed over (and never quoted).
    static func isTable(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, access(path, R_OK) == 0,
              var stream = try? ByteStream(path: path), let head = try? stream.peek(4096) else { return false }
        return Importer.detectFormat(path: path, bytes: head) == .sagsemneTable
    }
}
