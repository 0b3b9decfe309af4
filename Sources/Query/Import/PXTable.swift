// A PC-Axis table's shape from its header: decoded dimensions (STUB then HEADING),
// each mapped by name to a role, and each value mapped onto the catalog.

/// What a PX dimension means to dkq.
enum PXRole: String, Sendable {
    case municipality, paragraph, outcome, time, ignored
}

/// One dimension: its name, decoded values, role and per-value mapping.
struct PXDimension: Sendable {
    var name: String
    var values: [String]
    var codes: [String]
    var role: PXRole
    var places: [PlaceValue] = []
    var paragraphs: [ParagraphValue] = []
    var outcomes: [OutcomeValue] = []
    var periods: [(year: Int, quarter: Int)] = []
}

/// Role of a dimension by its name, case- and æøå-insensitively.
func pxRole(ofDimension name: String) -> PXRole? {
    let words = foldName(name).split { !$0.isLetter }.map(String.init)
    let joined = words.joined(separator: " ")
    let municipality: Set<String> = ["kommune", "kommuner", "omraade", "instans", "municipality", "region og kommune"]
    let paragraph: Set<String> = ["lovgrundlag", "sagsemne", "paragraf", "paragraffer", "legal basis", "subject", "paragraph"]
    let outcome: Set<String> = ["afgoerelse", "afgoerelsestype", "udfald", "afgoerelser", "decision", "outcome", "type of decision"]
    let time: Set<String> = ["tid", "aar", "kvartal", "time", "year", "quarter", "periode"]
    for (set, role) in [(municipality, PXRole.municipality), (paragraph, .paragraph), (outcome, .outcome), (time, .time)] {
        if set.contains(joined) || words.contains(where: { set.contains($0) }) { return role }
    }
    return nil
}

/// The decoded header: dimensions, encoding, KEYS and provenance.
struct PXTable: Sendable {
    var dimensions: [PXDimension]
    var stubCount: Int
    /// Stub dimensions given per data line (sparse KEYS form), with whether they use CODES.
    var keys: [Int: Bool] = [:]
    var source: String
    /// From SOURCE, MATRIX, TITLE and LAST-UPDATED (else CREATION-DATE).
    var citation: Citation
    var warnings: [String] = []

    static let expected =
        "municipality (kommune, område, instans), paragraph (lovgrundlag, sagsemne, paragraf), outcome (afgørelse, afgørelsestype, udfald) and time (tid, år, kvartal)"

    /// Decodes entries and maps every dimension and value.
    init(file: String, entries: [PXEntry], catalog: Catalog, bomUTF8: Bool) throws(DataError) {
        let languageEntry = entries.first { $0.keyword == "LANGUAGE" && $0.language == nil }
        let language = languageEntry?.items.first.map { String(decoding: $0.bytes, as: UTF8.self) }
        let active = entries.filter { $0.language == nil || $0.language == language }
        func first(_ keyword: String) -> PXEntry? { active.first { $0.keyword == keyword } }
        // Encoding.
        var encoding = TextEncoding.latin1
        var declared = "ISO-8859-1 (the PC-Axis default)"
        if let entry = first("CODEPAGE") ?? first("CHARSET"), let item = entry.items.first {
            let name = String(decoding: item.bytes, as: UTF8.self)
            guard let parsed = TextEncoding(codepage: name) else {
                throw DataError(
                    file: file, line: item.line, column: item.column,
                    "unsupported \(entry.keyword) '\(name)'; expected utf-8, iso-8859-1 or windows-1252")
            }
            encoding = parsed
            declared = "\(entry.keyword)=\"\(name)\""
        }
        if bomUTF8 { encoding = .utf8 }
        var warnings: [String] = []
        for entry in active {
            for item in entry.items + (entry.timeList?.items ?? []) {
                if encoding == .utf8 {
                    if let bad = item.bytes.withUnsafeBufferPointer({ firstInvalidUTF8($0) }) {
                        let prefix = item.bytes.prefix(bad).withUnsafeBufferPointer { characterColumn($0, byteOffset: bad) }
                        let hex = String(item.bytes[bad], radix: 16, uppercase: true)
                        throw DataError(
                            file: file, line: item.line, column: item.column + prefix,
                            "invalid UTF-8 byte 0x\(hex) although the file declares \(declared); the file looks like Latin-1/Windows-1252, fix its CODEPAGE")
                    }
                } else if item.bytes.contains(where: { $0 >= 0x80 }),
                    item.bytes.withUnsafeBufferPointer({ firstInvalidUTF8($0) }) == nil, warnings.isEmpty
                {
                    warnings.append("the file declares \(declared) but its text looks like UTF-8")
                }
            }
        }
        func text(_ item: PXItem) -> String { encoding.decode(item.bytes).trimmed }
        func texts(_ entry: PXEntry?) -> [String] { entry?.items.map(text) ?? [] }
        func keyed(_ keyword: String, _ name: String) -> PXEntry? {
            active.first { $0.keyword == keyword && $0.subkeys.first.map { encoding.decode($0) } == name }
        }
        guard let stubEntry = first("STUB") ?? first("HEADING") else {
            throw DataError(file: file, line: 1, column: 1, "PC-Axis header has no STUB or HEADING")
        }
        let stub = texts(first("STUB"))
        let heading = texts(first("HEADING"))
        var dimensions: [PXDimension] = []
        for name in stub + heading {
            var values = texts(keyed("VALUES", name))
            if values.isEmpty, let timeEntry = keyed("TIMEVAL", name), let list = timeEntry.timeList {
                values = try Self.expand(list: list.items.map(text) + timeEntry.items.map(text), unit: list.unit, file: file, at: timeEntry)
            }
            if values.isEmpty {
                throw DataError(file: file, line: stubEntry.line, column: stubEntry.column, "dimension '\(name)' has no VALUES")
            }
            let codes = texts(keyed("CODES", name))
            var role = pxRole(ofDimension: name)
            if role == nil, keyed("TIMEVAL", name) != nil { role = .time }
            dimensions.append(PXDimension(name: name, values: values, codes: codes, role: role ?? .ignored))
        }
        // Every role exactly once; unknown dimensions only with a single value.
        let unmapped = dimensions.filter { $0.role == .ignored && $0.values.count > 1 }
        let roles = dimensions.map(\.role)
        let missing = [PXRole.municipality, .paragraph, .outcome, .time].filter { role in roles.filter { $0 == role }.count != 1 }
        if !unmapped.isEmpty || !missing.isEmpty {
            let listed = dimensions.map { "\($0.name) (\($0.role == .ignored ? "?" : $0.role.rawValue))" }
            throw DataError(
                file: file, line: stubEntry.line, column: stubEntry.column,
                "cannot map the table's dimensions \(listed.joined(separator: ", ")); expected \(Self.expected)")
        }
        self.dimensions = dimensions
        stubCount = stub.count
        self.warnings = warnings
        for entry in active where entry.keyword == "KEYS" {
            guard let sub = entry.subkeys.first, let index = stub.firstIndex(of: encoding.decode(sub)) else { continue }
            keys[index] = texts(entry).first?.uppercased() == "CODES"
        }
        let title = texts(first("TITLE")).joined()
        let matrix = texts(first("MATRIX")).joined()
        var source = texts(first("SOURCE")).joined()
        if !title.isEmpty { source += (source.isEmpty ? "" : ": ") + title }
        if !matrix.isEmpty { source += " (\(matrix))" }
        if let updated = texts(first("LAST-UPDATED")).first { source += ", last updated \(updated)" }
        self.source = source
        let updated = texts(first("LAST-UPDATED")).first.flatMap(Citation.isoDate)
        let created = texts(first("CREATION-DATE")).first.flatMap(Citation.isoDate)
        citation = Citation(
            publisher: texts(first("SOURCE")).joined().trimmed.isEmpty ? "PC-Axis file \(Importer.baseName(file))" : texts(first("SOURCE")).joined().trimmed,
            table: matrix, title: title, date: updated ?? created ?? "", dateKind: updated != nil ? .updated : .created)
        try mapValues(file: file, catalog: catalog, entries: active, encoding: encoding)
    }

    /// TLIST(A1, "2019-2021") or TLIST(Q1, "2019Q1-2021Q4") ranges, or explicit items.
    static func expand(list: [String], unit: String, file: String, at entry: PXEntry) throws(DataError) -> [String] {
        guard list.count == 1, let dash = list[0].firstIndex(of: "-") else { return list }
        let from = parsePeriod(String(list[0][..<dash]))
        let to = parsePeriod(String(list[0][list[0].index(after: dash)...]))
        guard let from, let to, (from.year, from.quarter) <= (to.year, to.quarter) else {
            throw DataError(file: file, line: entry.line, column: entry.column, "bad TLIST range '\(list[0])'")
        }
        var values: [String] = []
        var (year, quarter) = from
        while (year, quarter) <= (to.year, to.quarter) {
            if quarter == 0 || unit.uppercased() == "A1" {
                values.append(String(year)); year += 1
            } else {
                values.append("\(year)Q\(quarter)")
                quarter += 1
                if quarter > 4 { quarter = 1; year += 1 }
            }
        }
        return values
    }

    private mutating func mapValues(file: String, catalog: Catalog, entries: [PXEntry], encoding: TextEncoding) throws(DataError) {
        let places = MunicipalityResolver(catalog: catalog)
        let resolver = ParagraphResolver(catalog: catalog)
        for index in dimensions.indices {
            let dimension = dimensions[index]
            // The values come from VALUES, or for time from TIMEVAL (TLIST items, then the rest).
            func named(_ keyword: String) -> PXEntry? {
                entries.first { $0.keyword == keyword && $0.subkeys.first.map { encoding.decode($0) } == dimension.name }
            }
            let entry = named("VALUES") ?? named("TIMEVAL")
            let items = entry.map { ($0.keyword == "TIMEVAL" ? $0.timeList?.items ?? [] : []) + $0.items } ?? []
            func fail(_ position: Int, _ message: String) -> DataError {
                let item = position < items.count ? items[position] : items.last
                return DataError(file: file, line: item?.line ?? entry?.line ?? 0, column: item?.column ?? entry?.column ?? 0, message)
            }
            switch dimension.role {
            case .municipality:
                for (position, value) in dimension.values.enumerated() {
                    var place = places.resolve(value)
                    if case .unknown = place, position < dimension.codes.count { place = places.resolve(dimension.codes[position]) }
                    if case .unknown(let suggestion) = place {
                        throw fail(position, MunicipalityResolver.unknownMessage(value, suggestion))
                    }
                    dimensions[index].places.append(place)
                }
            case .paragraph:
                var owner: [Int: String] = [:]
                for (position, value) in dimension.values.enumerated() {
                    let mapped = resolver.resolve(value)
                    if case .unknown(let suggestion) = mapped {
                        throw fail(position, ParagraphResolver.unknownMessage(value, suggestion))
                    }
                    if case .paragraph(let paragraph) = mapped {
                        if let other = owner[paragraph] {
                            throw fail(
                                position,
                                "'\(value)' and '\(other)' both map to paragraph \(catalog.paragraphs[paragraph].code); rename one so cases are not counted twice")
                        }
                        owner[paragraph] = value
                    }
                    dimensions[index].paragraphs.append(mapped)
                }
            case .outcome:
                var seen: [String: String] = [:]
                for (position, value) in dimension.values.enumerated() {
                    let outcome = OutcomeValue(value)
                    if outcome == .unknown {
                        throw fail(position, "unknown outcome '\(value)'; expected \(OutcomeValue.expected)")
                    }
                    if let other = seen["\(outcome)"] {
                        throw fail(position, "outcome '\(value)' repeats '\(other)'")
                    }
                    seen["\(outcome)"] = value
                    dimensions[index].outcomes.append(outcome)
                }
                for needed in [OutcomeValue.upheld, .changed, .remanded] where !dimensions[index].outcomes.contains(needed) {
                    throw fail(0, "the outcome dimension '\(dimension.name)' lacks \(needed == .upheld ? "Stadfæstet" : needed == .changed ? "Ændret/ophævet" : "Hjemvist")")
                }
            case .time:
                for (position, value) in dimension.values.enumerated() {
                    guard let period = parsePeriod(value) else {
                        throw fail(position, "time value '\(value)' is not a year (2021) or quarter (2021K3, 2021Q3)")
                    }
                    guard FactTable.yearLimits.contains(period.year) else {
                        throw fail(position, "time value '\(value)': \(FactTable.yearRangeText)")
                    }
                    dimensions[index].periods.append(period)
                }
            case .ignored:
                break
            }
        }
    }
}
