// Loads the data folder: municipalities.csv, paragraphs.csv, every outcomes/*.csv, the
// shipped population table and decisions/*.csv, all or nothing, into an OutcomeStore with one DatasetInfo per outcome file.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a dkq data folder into an `OutcomeStore`.
public enum DataFolder {
    /// Loads everything in `directory`, or throws the first `DataError` (file, line, column).
    ///
    /// Outcome files are read in name order; each becomes one `DatasetInfo` named after its file
    /// ("outcomes 2021" for `outcomes/2021.csv`), and a file named after a year may only hold that year.
    public static func load(directory: String) throws(DataError) -> OutcomeStore {
        try load(directory: directory, cacheDirectory: nil).store
    }

    /// Loads `directory`, using the store file in `cacheDirectory` when it is current and
    /// rebuilding it from the sources when it is missing, stale, foreign or damaged.
    public static func load(directory: String, cacheDirectory: String?) throws(DataError) -> (store: OutcomeStore, status: StoreStatus) {
        // The small tables from their snapshot when it is current (else parsed in the same order as always: catalogue first).
        let decisionsDirectory = join(directory, "decisions")
        let decisionFiles = access(decisionsDirectory, F_OK) == 0 ? try csvFiles(in: decisionsDirectory) : []
        let snapshot = cacheDirectory.map { SideSnapshot(cacheDirectory: $0, folder: directory, decisionFiles: decisionFiles) }
        let kept = snapshot?.read()
        let catalog: Catalog
        if let kept { catalog = kept.catalog } else { catalog = try loadCatalog(directory: directory) }
        let outcomesDirectory = join(directory, "outcomes")
        let names = try csvFiles(in: outcomesDirectory)
        if names.count > 255 { throw DataError(file: outcomesDirectory, "more than 255 outcome files") }
        var status = StoreStatus.off
        var facts = FactTable()
        var datasets: [DatasetInfo] = []
        var storedYears: [[Int]]?
        if let cacheDirectory {
            let cache = StoreCache(directory: cacheDirectory)
            let path = cache.path(forFolder: directory)
            let key = StoreCache.key(folder: directory, sources: ["municipalities.csv", "paragraphs.csv"] + names.map { "outcomes/" + $0 })
            do throws(StoreFile.Rejection) {
                let stored = try StoreFile.read(path: path, key: key, catalog: catalog)
                (facts, datasets, storedYears) = (stored.facts, stored.datasets, stored.yearsOf)
                status = .used
            } catch {
                let rejection = error
                (facts, datasets) = try readOutcomes(directory: directory, names: names, catalog: catalog)
                var index = FactIndex(facts, municipalities: catalog.municipalities.count, paragraphs: catalog.paragraphs.count)
                index.rollups = Rollups(facts, index)
                facts.index = index
                let years = facts.yearsByDataset(count: datasets.count)
                storedYears = years
                let written = cache.create()
                    && StoreFile.write(path: path, key: key, facts: facts, index: index, datasets: datasets, yearsOf: years)
                status = .rebuilt(reason: rejection.reason, written: written)
            }
        } else {
            (facts, datasets) = try readOutcomes(directory: directory, names: names, catalog: catalog)
        }
        let sides: FolderTables
        if let kept {
            sides = kept
        } else {
            sides = try readSideTables(directory: directory, catalog: catalog, decisionFiles: decisionFiles)
            if let snapshot, let cacheDirectory, StoreCache(directory: cacheDirectory).create() { snapshot.write(sides) }
        }
        // Citations: datasets/citations.csv where it names the file; the synthetic flag always comes from the file.
        let yearsOf = storedYears ?? facts.yearsByDataset(count: datasets.count)
        for (index, info) in datasets.enumerated() {
            if var citation = sides.citations.first(where: { CitationsFile.matches($0.pattern, info.path) })?.citation {
                citation.synthetic = info.synthetic
                datasets[index].citation = citation
            }
            datasets[index].citation.years = yearsOf[index]
        }
        // The side tables' rows point at their datasets, listed after the outcome files.
        var population: [PopulationRow] = []
        if let (info, rows) = sides.population {
            population = rows.map { row in
                var row = row
                row.dataset = datasets.count
                return row
            }
            datasets.append(info)
        }
        var decisions: [DecisionRow] = []
        for (info, rows) in sides.decisions {
            decisions += rows.map { row in
                var row = row
                row.dataset = datasets.count
                return row
            }
            datasets.append(info)
        }
        var store = OutcomeStore(catalog: catalog, facts: facts, datasets: datasets)
        store.population = population
        store.decisions = decisions
        store.published = sides.published
        store.lazyAtlas = sides.atlas
        return (store, status)
    }

    /// Parses the small tables of `directory`: citations, the shipped population (Danmarks
    /// Statistik FOLK1A), total decisions (decisions/*.csv: the synthetic KL demo, read like a
    /// loaded decisions file), the published figures and the map.
    static func readSideTables(directory: String, catalog: Catalog, decisionFiles: [String]) throws(DataError) -> FolderTables {
        var sides = FolderTables(catalog: catalog, citations: try CitationsFile.read(directory: directory),
                               population: nil, decisions: [], published: [], atlas: LazyAtlas(nil))
        let populationPath = join(directory, PopulationFile.path)
        if access(populationPath, F_OK) == 0 {
            let file = try SourceFile.read(path: populationPath, name: populationPath)
            let rows = try PopulationFile.read(file, catalog: catalog, dataset: 0)
            var info = PopulationFile.info(bytes: file.bytes)
            info.citation.years = Array(Set(rows.map(\.year))).sorted()
            sides.population = (info, rows)
        }
        for name in decisionFiles {
            let relative = "decisions/" + name
            var imported = try Importer.load(path: join(directory, relative), catalog: catalog)
            guard !imported.decisions.isEmpty else { throw DataError(file: join(directory, relative), "not a decisions file (kommune;år;område;afgørelser)") }
            imported.info.path = relative
            imported.info.name = "decisions " + String(name.dropLast(4))
            sides.decisions.append((imported.info, imported.decisions))
        }
        sides.published = try PublishedFigures.load(directory: directory, catalog: catalog)
        sides.atlas = LazyAtlas(try Atlas.load(directory: directory, catalog: catalog))
        return sides
    }

    /// Parses the outcome files `names` (in order) of `directory`.
    private static func readOutcomes(directory: String, names: [String], catalog: Catalog) throws(DataError) -> (FactTable, [DatasetInfo]) {
        let outcomesDirectory = join(directory, "outcomes")
        let reader = OutcomeFileReader(catalog: catalog)
        var facts = FactTable()
        var duplicates = DuplicateIndex(catalog: catalog)
        var datasets: [DatasetInfo] = []
        for (index, name) in names.enumerated() {
            let relative = "outcomes/" + name
            let file = try SourceFile.read(path: join(outcomesDirectory, name), name: join(directory, relative))
            duplicates.fileNames[index] = file.name
            let header = try reader.read(file, expectedYear: yearInName(name), dataset: index,
                                         into: &facts, duplicates: &duplicates)
            datasets.append(info(name: name, path: relative, header: header, bytes: file.bytes))
        }
        return (facts.sortedForIndex(), datasets)
    }

    /// Loads only municipalities.csv and paragraphs.csv from `directory`.
    public static func loadCatalog(directory: String) throws(DataError) -> Catalog {
        let municipalities = try CatalogFiles.municipalities(
            SourceFile.read(path: join(directory, "municipalities.csv"), name: join(directory, "municipalities.csv")))
        let paragraphs = try CatalogFiles.paragraphs(
            SourceFile.read(path: join(directory, "paragraphs.csv"), name: join(directory, "paragraphs.csv")))
        return Catalog(municipalities: municipalities, paragraphs: paragraphs)
    }

    /// Reads one outcome file against `catalog`, e.g. for a `load FILE` command; dataset indices in the
    /// returned table are 0 (shift them with `FactTable.append(contentsOf:datasetOffset:)`).
    public static func loadOutcomeFile(path: String, catalog: Catalog) throws(DataError) -> (FactTable, DatasetInfo) {
        try loadOutcomeFile(SourceFile.read(path: path, name: path), catalog: catalog)
    }

    /// The same for a file already read (`load` reads each file once).
    static func loadOutcomeFile(_ file: SourceFile, catalog: Catalog) throws(DataError) -> (FactTable, DatasetInfo) {
        let path = file.name
        let reader = OutcomeFileReader(catalog: catalog)
        var facts = FactTable()
        var duplicates = DuplicateIndex(catalog: catalog)
        let name = String(path.split(separator: "/").last ?? Substring(path))
        let header = try reader.read(file, expectedYear: yearInName(name), dataset: 0, into: &facts, duplicates: &duplicates)
        return (facts, info(name: name, path: path, header: header, bytes: file.bytes))
    }

    /// Provenance of one outcome file.
    private static func info(name: String, path: String, header: OutcomeHeader, bytes: [UInt8]) -> DatasetInfo {
        DatasetInfo(name: "outcomes " + stem(name), path: path, format: "dkq-csv", synthetic: header.synthetic,
                    source: header.source, checksum: fnv1a64Hex(bytes))
    }

    /// The year a file is named after ("2021.csv"), if its stem is four digits.
    static func yearInName(_ name: String) -> Int? {
        let base = stem(name)
        guard base.utf8.count == 4, base.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(base)
    }

    private static func stem(_ name: String) -> String {
        name.hasSuffix(".csv") ? String(name.dropLast(4)) : name
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Names of the `*.csv` files in `directory` (not hidden ones), sorted by their bytes.
    private static func csvFiles(in directory: String) throws(DataError) -> [String] {
        guard let handle = opendir(directory) else {
            throw DataError(file: directory, "cannot open folder of outcome files: \(String(cString: strerror(errno)))")
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(".csv") && !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
