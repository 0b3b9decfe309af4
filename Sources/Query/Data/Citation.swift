// How a dataset is cited in footers and answers: publisher, table or product, title,
// period, extraction or update date, URL. Read from the file where its format says
// (PC-Axis SOURCE, MATRIX, TITLE, CREATION-DATE/LAST-UPDATED), from datasets/citations.csv
// for the shipped files, or given by the user (`load "x.csv" as "…"`).

/// A dataset's citation.
public struct Citation: Sendable, Equatable {
    public enum DateKind: String, Sendable, Equatable {
        /// When the figures were taken out of the source system (Ankestyrelsen's "udtræk").
        case extracted
        /// When the table was last updated (PC-Axis LAST-UPDATED).
        case updated
        /// When the file was made (PC-Axis CREATION-DATE; the synthetic demo's generation).
        case created
    }

    /// "Ankestyrelsen", "Danmarks Statistik", "dkq".
    public var publisher: String
    /// Table or product: "ANKEAST1", "talportal", "FOLK1A".
    public var table: String
    public var title: String
    /// Years the dataset covers.
    public var years: [Int]
    /// ISO date (yyyy-mm-dd) or empty.
    public var date: String
    public var dateKind: DateKind
    public var url: String
    /// dkq's synthetic demo: cited as such, never as a real source.
    public var synthetic: Bool
    /// The user's own wording (`load "x.csv" as "…"`): cited as given.
    public var given: String

    public init(publisher: String, table: String = "", title: String = "", years: [Int] = [], date: String = "",
                dateKind: DateKind = .extracted, url: String = "", synthetic: Bool = false, given: String = "") {
        self.publisher = publisher
        self.table = table
        self.title = title
        self.years = years
        self.date = date
        self.dateKind = dateKind
        self.url = url
        self.synthetic = synthetic
        self.given = given
    }

    /// The same source for other years (several yearly files of one product cite as one).
    public func sameSource(as other: Citation) -> Bool {
        if synthetic, other.synthetic { return true }  // every synthetic source is cited in the same words
        var a = self, b = other
        a.years = []
        b.years = []
        return a == b
    }

    /// "Ankestyrelsen, ANKEAST1: Afgjorte klagesager …, 2021, opdateret 01.03.2022, https://…";
    /// `years` narrows the period to the years a result used.
    public func text(_ language: Language, years: [Int]? = nil) -> String {
        let da = language == .da
        let period = Binder.describeYears(years ?? self.years)
        if synthetic {
            let words = da ? "dkq's syntetiske demodata – ikke rigtige tal" : "dkq's synthetic demo data – not real figures"
            return period.isEmpty ? words : "\(words) (\(period))"
        }
        if !given.isEmpty { return given }
        var parts = [publisher + (table.isEmpty ? "" : ", " + table) + (title.isEmpty ? "" : ": " + title)]
        if !period.isEmpty { parts.append(period) }
        if !date.isEmpty {
            let word: String
            switch dateKind {
            case .extracted: word = da ? "udtræk" : "extracted"
            case .updated: word = da ? "opdateret" : "updated"
            case .created: word = da ? "dannet" : "created"
            }
            parts.append("\(word) \(Self.format(date, language))")
        }
        if !url.isEmpty { parts.append(url) }
        return parts.joined(separator: ", ")
    }

    /// ISO "2018-04-10" as Danish "10.04.2018"; English keeps ISO.
    static func format(_ iso: String, _ language: Language) -> String {
        let parts = iso.split(separator: "-")
        guard language == .da, parts.count == 3 else { return iso }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }

    /// A date as PC-Axis writes it ("20220301 09:00", "2022-03-01", "01-03-2022") in ISO form, or nil.
    static func isoDate(_ text: String) -> String? {
        let digits = text.prefix { $0 != " " }.filter(\.isNumber)
        let raw = text.prefix { $0 != " " }
        if digits.count == 8, raw.count == 8 {
            return "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))"
        }
        let fields = raw.split { $0 == "-" || $0 == "." || $0 == "/" }.map(String.init)
        guard fields.count == 3, fields.allSatisfy({ Int($0) != nil }) else { return nil }
        if fields[0].count == 4 { return "\(fields[0])-\(fields[1])-\(fields[2])" }
        if fields[2].count == 4 { return "\(fields[2])-\(fields[1])-\(fields[0])" }
        return nil
    }
}

/// `datasets/citations.csv`: one row per shipped file or pattern (`outcomes/*.csv`),
/// columns `file,publisher,table,title,date,date_kind,url,synthetic`.
enum CitationsFile {
    static let name = "citations.csv"

    /// The citation for each `(pattern, citation)` row; a missing file gives none.
    static func read(directory: String) throws(DataError) -> [(pattern: String, citation: Citation)] {
        let path = directory + "/" + name
        guard let file = try? SourceFile.read(path: path, name: path) else { return [] }
        var header: [String]?
        var rows: [(String, Citation)] = []
        for (number, line) in file.rawLines {
            if line.first == 0x23 || String(decoding: line, as: UTF8.self).trimmed.isEmpty { continue }
            let fields = PublishedFigures.csvFields(line)
            guard let columns = header else {
                for needed in ["file", "publisher", "table", "title", "date", "date_kind", "url", "synthetic"] where !fields.contains(needed) {
                    throw DataError(file: path, line: number, column: 1, "missing column '\(needed)'")
                }
                header = fields
                continue
            }
            func field(_ column: String) -> String {
                guard let i = columns.firstIndex(of: column), i < fields.count else { return "" }
                return fields[i].trimmed
            }
            guard let kind = Citation.DateKind(rawValue: field("date_kind").isEmpty ? "extracted" : field("date_kind")) else {
                throw DataError(file: path, line: number, column: 1, "date_kind is extracted, updated or created, not '\(field("date_kind"))'")
            }
            rows.append((field("file"), Citation(
                publisher: field("publisher"), table: field("table"), title: field("title"), date: field("date"),
                dateKind: kind, url: field("url"), synthetic: field("synthetic") == "yes")))
        }
        return rows
    }

    /// `outcomes/*.csv` matches `outcomes/2021.csv`.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        guard let star = pattern.firstIndex(of: "*") else { return pattern == path }
        let prefix = pattern[..<star], suffix = pattern[pattern.index(after: star)...]
        return path.count >= prefix.count + suffix.count && path.hasPrefix(prefix) && path.hasSuffix(suffix)
    }
}
