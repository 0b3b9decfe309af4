// `load`, `unload` and `check`: bringing a downloaded data file into a running engine,
// all or nothing (and back at the next start), forgetting it, and comparing loaded data
// with the published national rates.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Engine {
    /// Loads a file (talportal CSV, PC-Axis, StatBank CSV, comments, dkq outcomes), or a
    /// folder of them (see `loadFolder`), or opens another data folder.
    /// Its outcome rows replace earlier rows for the years it covers; on any error
    /// nothing changes.
    public mutating func load(path: String, citation: String? = nil) throws(DataError) -> String {
        if Self.isDataFolder(path) { return try openFolder(path) }
        let known = Set(store.datasets.map(\.checksum))
        let report = try merge(path: path, citation: citation)
        loaded.append(LoadedFile(given: path, path: StoreCache.realPath(path) ?? path, citation: citation,
                                 checksums: store.datasets.map(\.checksum).filter { !known.contains($0) }))
        return report
    }

    /// Imports one file, or every file of a downloads folder, into the store.
    mutating func merge(path: String, citation: String?) throws(DataError) -> String {
        if Self.isFolder(path) { return try loadFolder(path) }
        var imported = try Importer.load(path: path, catalog: store.catalog, cancel: cancellation)
        if let citation { imported.info.citation.given = citation }
        if let twin = store.datasets.first(where: { $0.checksum == imported.info.checksum }) {
            throw DataError(file: path, "this file is already loaded (same checksum as \(twin.path)); nothing was loaded")
        }
        var store = self.store
        var report = [imported.summary]
        if imported.facts.count > 0 || !imported.missing.isEmpty {
            // One pass over the rows for which datasets the new years replace and which keep rows,
            // then one copy of the kept years and the new ones, in order.
            var replacedYear = [Bool](repeating: false, count: 1 << 16)
            let years = Set(imported.facts.distinctYears()).union(imported.missing.map(\.year)).sorted()
            for year in years { replacedYear[Int(UInt16(bitPattern: Int16(year)))] = true }
            let replacesYear = { (year: Int16) in replacedYear[Int(UInt16(bitPattern: year))] }
            var replacedDatasets = [Bool](repeating: false, count: 256)
            var used = [Bool](repeating: false, count: 256), hadRows = [Bool](repeating: false, count: 256)
            store.facts.year.withUnsafeBufferPointer { rowYears in
                store.facts.dataset.withUnsafeBufferPointer { owners in
                    for row in rowYears.indices {
                        let owner = Int(owners[row])
                        hadRows[owner] = true
                        if replacesYear(rowYears[row]) { replacedDatasets[owner] = true } else { used[owner] = true }
                    }
                }
            }
            let replaced = replacedDatasets.indices.filter { replacedDatasets[$0] }
            if !replaced.isEmpty {
                let names = replaced.map { store.datasets[$0].synthetic ? "\(store.datasets[$0].path) (synthetic)" : store.datasets[$0].path }
                report.append("replaces, for \(Binder.describeYears(years)): \(names.joined(separator: ", "))")
            }
            // Drop outcome datasets left without rows and renumber the rest (side tables keep theirs).
            let keptMissing = store.missing.filter { !replacesYear(Int16($0.year)) }
            for cell in keptMissing { used[cell.dataset] = true }
            for cell in store.missing { hadRows[cell.dataset] = true }
            var renumber = [UInt8](repeating: 0, count: store.datasets.count)
            var datasets: [DatasetInfo] = []
            for (index, info) in store.datasets.enumerated() where used[index] || !hadRows[index] {
                renumber[index] = UInt8(datasets.count)
                datasets.append(info)
            }
            store.population = store.population.map { row in
                var row = row
                row.dataset = Int(renumber[row.dataset])
                return row
            }
            store.decisions = store.decisions.map { row in
                var row = row
                row.dataset = Int(renumber[row.dataset])
                return row
            }
            store.missing = keptMissing.map { cell in
                var cell = cell
                cell.dataset = Int(renumber[cell.dataset])
                return cell
            }
            store.missing += imported.missing.map { cell in
                var cell = cell
                cell.dataset = datasets.count  // the imported file's entry, appended below
                return cell
            }
            guard datasets.count < 255 else { throw DataError(file: path, "too many datasets loaded (255)") }
            // Rows stay grouped by year and municipality, as the scans and the row index expect.
            store.facts = store.facts.replacingYears(with: imported.facts, replaced: replacesYear, renumber: renumber,
                                                     datasetOffset: datasets.count)
            datasets.append(imported.info)
            store.datasets = datasets
        } else {
            store.datasets.append(imported.info)
        }
        let index = store.datasets.count - 1  // the imported file's entry, appended above
        func named(_ dataset: Int) -> String { store.datasets[dataset].path }
        if !imported.population.isEmpty {
            // A loaded population table replaces the shipped one (or an earlier load) for the years it covers.
            let (rows, years, replaced) = Self.replacingYears(store.population, with: imported.population, dataset: index)
            if !replaced.isEmpty {
                report.append("replaces population for \(years): \(replaced.map(named).joined(separator: ", "))")
            }
            store.population = rows
        }
        if !imported.decisions.isEmpty {
            // A decisions file replaces every earlier decisions figure of the years it covers (never a mix of two sources in a year).
            let (rows, years, replaced) = Self.replacingYears(store.decisions, with: imported.decisions, dataset: index)
            if !replaced.isEmpty {
                report.append("replaces decisions for \(years): \(replaced.map { store.datasets[$0].synthetic ? "\(named($0)) (synthetic)" : named($0) }.joined(separator: ", "))")
            }
            store.decisions = rows
        }
        store.recipients = Self.merge(store.recipients, imported.recipients) { [$0.municipality, $0.year, Area.allCases.firstIndex(of: $0.area) ?? 0] }
        store.comments = Self.merge(store.comments, imported.comments) { [$0.municipality, $0.year, Area.allCases.firstIndex(of: $0.area) ?? 0] }
        report += imported.warnings.map { "warning: \($0)" }
        self.store = store
        return report.joined(separator: "\n")
    }

    /// New rows replace old rows with the same key.
    static func merge<Row>(_ old: [Row], _ new: [Row], key: (Row) -> [Int]) -> [Row] {
        guard !new.isEmpty else { return old }
        let replaced = Set(new.map(key))
        return old.filter { !replaced.contains(key($0)) } + new
    }

    mutating func load(_ path: Literal, citation: Literal?, source: String) throws(Diagnostic) -> StatementOutput {
        let file: String
        switch path.kind {
        case .string(let s), .word(let s): file = s
        default: throw Diagnostic("E300", "load takes a file path", at: path.range, hint: "quote it: load \"data/ankeast1.px\"")
        }
        if let earlier = loaded.first(where: { $0.restored && $0.present && $0.isNamed(file) }) {
            return .text("\(file) is already loaded (kept from an earlier session); unload \"\(earlier.given)\" removes it")
        }
        do {
            var given: String?
            if case .string(let text)? = citation?.kind { given = text.trimmed }
            let report = try load(path: file, citation: given)
            // A download (not a data folder) is kept for the next start.
            guard let manifest, !Self.isDataFolder(file), !loaded.isEmpty else { return .text(report) }
            loaded[loaded.count - 1].kept = true
            let kept = manifest.write(loaded.filter(\.kept))
            return .text(report + (kept ? "" : "\nwarning: the cache (\(manifest.path)) cannot be written: the next start will not load this file"))
        } catch {
            var place = error.file
            if error.line > 0 { place += ":\(error.line)" }
            if error.column > 0 { place += ":\(error.column)" }
            throw Diagnostic("E300", "\(place): \(error.message)", at: path.range, hint: "nothing was loaded; the data loaded before is unchanged")
        }
    }

    /// The loaded data's rate beside each published figure: national ones always, a
    /// municipality's (from the news) only where that municipality-year is real data.
    func check() -> ResultSet {
        let evaluator = Evaluator(store: store, domains: domains)
        let all = [Bool](repeating: true, count: Area.allCases.count)
        let national = evaluator.aggregate(Scan(groupBy: [.area, .year], areas: all))
        let municipal = evaluator.aggregate(Scan(groupBy: [.municipality, .area, .year], areas: all))
        var kinds: [Int: Set<Bool>] = [:]  // (municipality × 10000 + year) -> synthetic flags of its rows
        for row in 0..<store.facts.count {
            let key = Int(store.facts.municipality[row]) * 10_000 + Int(store.facts.year[row])
            kinds[key, default: []].insert(store.datasets[Int(store.facts.dataset[row])].synthetic)
        }
        func kind(_ flags: Set<Bool>) -> String { flags == [true] ? "synthetic" : (flags.contains(true) ? "mixed" : "real") }

        var rows: [[Value]] = []
        var differs = 0, waiting = 0, synthetic = false
        let sorted = store.published.sorted { ($0.year, $0.municipality ?? -1, $0.area.fileName) < ($1.year, $1.municipality ?? -1, $1.area.fileName) }
        for published in sorted {
            let yearIndex = published.year - domains.firstYear
            guard yearIndex >= 0, yearIndex < domains.years, let area = Area.allCases.firstIndex(of: published.area) else { continue }
            let totals: Totals
            let flags: Set<Bool>
            if let municipality = published.municipality {
                flags = kinds[municipality * 10_000 + published.year] ?? []
                guard flags == [false] else {
                    if !flags.isEmpty { waiting += 1 }
                    continue
                }
                totals = municipal.totals(at: [municipality, area, yearIndex])
            } else {
                flags = Set((0..<domains.municipalities).flatMap { kinds[$0 * 10_000 + published.year] ?? [] })
                totals = national.totals(at: [area, yearIndex])
            }
            guard totals.cases > 0 else { continue }
            let own = 100 * Double(totals.reversed) / Double(totals.cases)
            synthetic = synthetic || flags.contains(true)
            let ok = abs(own - published.rate) <= 0.5
            if !ok { differs += 1 }
            rows.append([
                .integer(published.year), .text(published.area.rawValue),
                .text(published.municipality.map { store.catalog.municipalities[$0].name } ?? "Hele landet"),
                .number(published.rate, decimals: 1), .number(own, decimals: 1), .number(own - published.rate, decimals: 1),
                .integer(totals.cases), .text(ok ? "ok" : "DIFFERS"), .text(kind(flags)),
            ])
        }
        var notes: [Note] = [
            .remark(.checkPublished),
            rows.isEmpty ? .remark(.checkNothingPublished) : .checkAgree(rows.count - differs, of: rows.count),
        ]
        if waiting > 0 {
            notes.append(.checkWaiting(waiting))
        }
        // A national figure over part of the country is expected to differ: say so for each such year.
        let differing = Set(rows.filter { $0[7] == .text("DIFFERS") && $0[2] == .text("Hele landet") }.compactMap { row -> Int? in
            if case .integer(let year) = row[0] { return year } else { return nil }
        })
        for partial in domains.partialCoverage(store.catalog, years: differing) {
            notes.append(.checkCoverage(partial))
        }
        if synthetic {
            notes.append(.remark(.checkSynthetic))
        }
        return ResultSet(
            columns: [Column("year", .dimension), Column("area", .dimension), Column("place", .dimension), Column("published", .measure),
                      Column("loaded", .measure), Column("diff", .measure), Column("cases", .measure), Column("check", .dimension),
                      Column("data", .dimension)],
            rows: rows, notes: notes)
    }
}

/// A row of a side table given per year, tagged with the dataset it came from.
protocol YearlyRow {
    var year: Int { get }
    var dataset: Int { get set }
}

extension PopulationRow: YearlyRow {}
extension DecisionRow: YearlyRow {}

extension Engine {
    /// `rows` with `imported` (tagged with `dataset`) in place of every row of the years it covers;
    /// those years in words, and the datasets whose rows were replaced.
    static func replacingYears<Row: YearlyRow>(_ rows: [Row], with imported: [Row], dataset: Int) -> (rows: [Row], years: String, replaced: [Int]) {
        let years = Set(imported.map(\.year))
        let replaced = Set(rows.filter { years.contains($0.year) }.map(\.dataset)).sorted()
        let tagged = imported.map { row in
            var row = row
            row.dataset = dataset
            return row
        }
        return (rows.filter { !years.contains($0.year) } + tagged, Binder.describeYears(Array(years)), replaced)
    }
}
