// The data as it stands after a start has loaded again the downloads earlier sessions kept
// (`LoadManifest`), kept in the cache directory: the outcome rows as a store file (mapped, with
// their index and rollups), the other tables in a snapshot beside it. The next start whose data
// folder and kept files are unchanged uses it instead of importing the files again; any change
// (a file edited, added, removed, another citation) gives another key, and the files are read.

/// The kept-loads pair of files of one data folder.
struct LoadedSnapshot {
    let storePath: String
    let tablesPath: String
    let key: String

    static let magic = Array("dkq loaded tables v1\n".utf8)

    /// The pair for `folder` with `files` loaded over `base` (the folder's own data).
    init(cacheDirectory: String, folder: String, files: [LoadedFile], base: OutcomeStore) {
        let absolute = StoreCache.realPath(folder) ?? folder
        let stem = cacheDirectory + "/loaded-" + fnv1a64Hex(Array(absolute.utf8))
        (storePath, tablesPath) = (stem + ".dkqs", stem + ".dkq")
        var lines = [StoreCache.key(folder: folder, sources: ["municipalities.csv", "paragraphs.csv"])]
        lines += base.datasets.map { "\($0.path)\t\($0.checksum)\t\($0.citation)" }
        lines += files.map { "\(StoreCache.fingerprint($0.path))\t\($0.citation ?? "")" }
        key = lines.joined(separator: "\n")
    }

    /// `base` with the kept files' data, or nil when the pair is missing, stale or damaged.
    func read(over base: OutcomeStore) -> OutcomeStore? {
        guard let contents = try? StoreFile.read(path: storePath, key: key, catalog: base.catalog),
            var reader = SnapshotReader.opened(path: tablesPath, magic: Self.magic, key: key),
            let store = try? reader.loaded(over: base, facts: contents.facts),
            reader.at == reader.end,
            store.datasets.map(\.checksum) == contents.datasets.map(\.checksum)
        else { return nil }
        return store
    }

    /// Saves `store`, whose row index the engine has already built (atomically, rows first); false when it cannot.
    @discardableResult
    func write(_ store: OutcomeStore, index: FactIndex) -> Bool {
        var (facts, index) = (store.facts, index)
        if index.rowOrder != nil {
            facts = facts.sortedForIndex()
            index = FactIndex(facts, municipalities: index.municipalities, paragraphs: index.paragraphs)
        }
        guard StoreFile.write(path: storePath, key: key, facts: facts, index: index, datasets: store.datasets,
                              yearsOf: facts.yearsByDataset(count: store.datasets.count))
        else { return false }
        return StoreFile.writeAtomically(tablesPath, [SnapshotWriter.sealed(magic: Self.magic, key: key) { $0.loaded(store) }])
    }
}

extension SnapshotWriter {
    /// Everything of a store but its rows, catalogue, published figures and map.
    mutating func loaded(_ store: OutcomeStore) {
        list(store.datasets) { $0.dataset($1) }
        list(store.missing) { w, c in
            for number in [c.year, c.quarter, c.municipality, c.paragraph, Int(c.mask), c.dataset] { w.int(number) }
        }
        list(store.population) { w, r in
            for number in [r.municipality, r.year, r.dataset] { w.int(number) }
            w.double(r.value)
            w.bool(r.unconfirmed)
        }
        list(store.recipients) { w, r in
            for number in [r.municipality, r.year, r.area.index] { w.int(number) }
            w.double(r.value)
        }
        list(store.decisions) { w, r in
            for number in [r.municipality, r.year, r.area.index, r.decisions, r.grants ?? -1, r.dataset] { w.int(number) }
        }
        list(store.comments) { w, r in
            for number in [r.municipality, r.year, r.area.index] { w.int(number) }
            w.string(r.text)
        }
    }
}

extension SnapshotReader {
    /// What `SnapshotWriter.loaded` wrote, over `base` (its catalogue, published figures and map)
    /// with `facts`; every index checked against the catalogue and the datasets.
    mutating func loaded(over base: OutcomeStore, facts: FactTable) throws(Damaged) -> OutcomeStore {
        let datasets = try list { (r: inout SnapshotReader) throws(Damaged) in try r.dataset() }
        guard !datasets.isEmpty, !base.catalog.municipalities.isEmpty else { throw Damaged() }
        let (place, dataset) = (0...(base.catalog.municipalities.count - 1), 0...(datasets.count - 1))
        let paragraph = 0...max(0, base.catalog.paragraphs.count - 1)
        var store = base
        store.facts = facts
        store.datasets = datasets
        store.missing = try list { (r: inout SnapshotReader) throws(Damaged) in
            MissingCell(year: try r.int(in: FactTable.yearLimits), quarter: try r.int(in: 0...4), municipality: try r.int(in: place),
                        paragraph: try r.int(in: paragraph), mask: UInt8(try r.int(in: 0...15)), dataset: try r.int(in: dataset))
        }
        store.population = try list { (r: inout SnapshotReader) throws(Damaged) in
            let (municipality, year, owner) = (try r.int(in: place), try r.int(), try r.int(in: dataset))
            return PopulationRow(municipality: municipality, year: year, value: try r.double(), dataset: owner, unconfirmed: try r.bool())
        }
        store.recipients = try list { (r: inout SnapshotReader) throws(Damaged) in
            RecipientRow(municipality: try r.int(in: place), year: try r.int(), area: try r.area(), value: try r.double())
        }
        store.decisions = try list { (r: inout SnapshotReader) throws(Damaged) in
            let (municipality, year, area, decisions, grants) = (try r.int(in: place), try r.int(), try r.area(), try r.int(), try r.int())
            return DecisionRow(municipality: municipality, year: year, area: area, decisions: decisions,
                               grants: grants < 0 ? nil : grants, dataset: try r.int(in: dataset))
        }
        store.comments = try list { (r: inout SnapshotReader) throws(Damaged) in
            CommentRow(municipality: try r.int(in: place), year: try r.int(), area: try r.area(), text: try r.string())
        }
        return store
    }
}
