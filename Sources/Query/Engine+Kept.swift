// Loaded downloads across restarts: a start loads again, from their files, the downloads earlier
// sessions loaded (listed by `LoadManifest`), saying which changed or are gone, and keeps the
// result in the cache (`LoadedSnapshot`) for the next start while nothing changes; `unload "file"`
// forgets one and rebuilds the data without it.

extension Engine {
    /// Loads the manifest's files again, in order. A file that is gone or no longer loads is
    /// reported and stays listed (nothing is forgotten without `unload`); a changed one is read
    /// again (the file is the truth) and reported.
    mutating func restoreLoads() {
        guard let manifest else { return }
        let listed = manifest.read()
        guard !listed.isEmpty else { return }
        // Unchanged folder and files: their data as the last start left it, mapped from the cache.
        var snapshot: LoadedSnapshot?
        if case .folder(let folder, let cache?) = origin {
            snapshot = LoadedSnapshot(cacheDirectory: cache, folder: folder, files: listed, base: store)
        }
        if let restored = snapshot?.read(over: store) {
            store = restored
            keptFromCache = true
            for var file in listed {
                (file.kept, file.restored) = (true, true)
                restoreReport.append(Self.loadedAgain(file))
                loaded.append(file)
            }
            return
        }
        var changed = false
        for var file in listed {
            file.kept = true
            file.restored = true
            let known = Set(store.datasets.map(\.checksum))
            if !Self.exists(file.path) {
                file.present = false
                restoreReport.append("\(file.path): kept from an earlier session, but the file is gone; nothing of it is loaded (unload \"\(file.path)\" forgets it)")
            } else {
                do {
                    _ = try merge(path: file.path, citation: file.citation)
                    let checksums = store.datasets.map(\.checksum).filter { !known.contains($0) }
                    if checksums != file.checksums {
                        restoreReport.append("\(file.path): changed since it was loaded; read again from the file")
                        file.checksums = checksums
                        changed = true
                    } else {
                        restoreReport.append(Self.loadedAgain(file))
                    }
                } catch {
                    file.present = false
                    restoreReport.append("\(file.path): kept from an earlier session, but it no longer loads (\(error.message)); nothing of it is loaded")
                }
            }
            loaded.append(file)
        }
        if changed { manifest.write(loaded.filter(\.kept)) }
        if loaded.allSatisfy(\.present) { snapshot?.write(store, index: domains.index) }
    }

    private static func loadedAgain(_ file: LoadedFile) -> String {
        "\(file.path): loaded again (kept from an earlier session; unload \"\(file.path)\" forgets it)"
    }

    /// `unload "file"`: forgets a loaded file. The data is rebuilt from the data folder and the
    /// other loaded files (from their files, in their order), and the next start leaves it out.
    mutating func unload(_ path: Literal) throws(Diagnostic) -> StatementOutput {
        let file: String
        switch path.kind {
        case .string(let s), .word(let s): file = s
        default: throw Diagnostic("E301", "unload takes a file path", at: path.range, hint: "quote it: unload \"data/ankeast1.px\"")
        }
        guard let index = loaded.firstIndex(where: { $0.isNamed(file) }) else {
            let names = loaded.map { "\"\($0.given)\"" }
            throw Diagnostic("E301", "\(file) is not loaded", at: path.range,
                             hint: names.isEmpty ? "nothing is loaded; show datasets lists the data" : "loaded: \(names.joined(separator: ", "))")
        }
        var rest = loaded
        let removed = rest.remove(at: index)
        do {
            var rebuilt = self
            switch origin {
            case .folder(let folder, let cache): rebuilt.store = try DataFolder.load(directory: folder, cacheDirectory: cache).store
            case .store(let store): rebuilt.store = store
            }
            for other in rest where other.present { _ = try rebuilt.merge(path: other.path, citation: other.citation) }
            rebuilt.loaded = rest
            self = rebuilt
        } catch {
            throw Diagnostic("E301", "\(error.file): \(error.message)", at: path.range,
                             hint: "nothing was unloaded: rebuilding the data without \(file) needs the other loaded files")
        }
        var report = "unloaded \(removed.given)"
        if removed.kept, let manifest {
            report += manifest.write(loaded.filter(\.kept)) ? "; the next start leaves it out" : "; warning: the cache (\(manifest.path)) cannot be written"
        }
        return .text(report)
    }

    /// `load FOLDER` on a dkq data folder: it replaces everything loaded (loaded files are
    /// no longer kept: they belonged to the other folder).
    mutating func openFolder(_ folder: String) throws(DataError) -> String {
        let opened = try DataFolder.load(directory: folder)
        let years = opened.years
        store = opened
        origin = .folder(folder, cache: nil)
        loaded = []
        manifest = nil
        return "opened the data folder \(folder): \(opened.catalog.municipalities.count) municipalities"
            + (years.isEmpty ? ", no outcome years" : ", years \(years[0])-\(years[years.count - 1])")
    }
}
