// libFuzzer entry point for dkq, compiled into the Query module by Fuzz/run.sh
// (swiftc -sanitize=fuzzer,address). DKQ_FUZZ picks the target: query text through the
// whole engine into every output format, or one importer's bytes through `load`.
#if canImport(Glibc)
import Glibc
#endif

enum FuzzTarget: String, CaseIterable {
    case query, talportal, pcaxis, statbank, comments, outcomes, sagsemne
}

enum Fuzz {
    static let target: FuzzTarget = {
        let name = getenv("DKQ_FUZZ").map { String(cString: $0) } ?? "query"
        guard let target = FuzzTarget(rawValue: name) else { fatalError("DKQ_FUZZ=\(name): not one of \(FuzzTarget.allCases)") }
        return target
    }()

    static let dataDirectory = getenv("DKQ_DATA").map { String(cString: $0) } ?? "datasets"

    /// The shipped data, loaded once; each query runs on a copy.
    static let engine: Engine = {
        do { return try Engine.open(dataDirectory: dataDirectory) } catch { fatalError("cannot load \(dataDirectory): \(error)") }
    }()

    /// A private folder holding the file an importer reads (and a Sagsemne table beside it).
    static let folder: String = {
        var template = Array("/tmp/dkq-fuzz-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { fatalError("mkdtemp failed") }
        let folder = String(cString: template)
        if let table = getenv("DKQ_FUZZ_SAGSEMNE") { _ = copy(String(cString: table), to: folder + "/sagsemne.csv") }
        return folder
    }()

    static func copy(_ from: String, to path: String) -> Bool {
        guard let handle = fopen(from, "rb") else { return false }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let got = fread(&buffer, 1, buffer.count, handle)
            if got <= 0 { break }
            bytes += buffer[0..<got]
        }
        return write(bytes, to: path)
    }

    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        guard let handle = fopen(path, "wb") else { return false }
        defer { fclose(handle) }
        return bytes.isEmpty || fwrite(bytes, 1, bytes.count, handle) == bytes.count
    }

    static func run(_ bytes: [UInt8]) {
        switch target {
        case .query:
            let text = String(decoding: bytes, as: UTF8.self)
            // Left out: `load` reads files named in the input (the importer targets cover
            // loading), and `check` scans all data whatever the input says (its own tests cover it).
            let skipped = Parser.parse(text).contains { result in
                guard case .success(let statement) = result else { return false }
                switch statement.kind {
                case .load, .check: return true
                default: return false
                }
            }
            if skipped { return }
            var copy = engine
            for output in copy.run(text) {
                for format in OutputFormat.allCases {
                    for language in Language.allCases {
                        for comma in [false, true] {
                            let options = RenderOptions(format: format, color: comma, decimalComma: comma, language: language)
                            _ = Renderer.render(output, source: text, sourceName: "fuzz", options: options)
                        }
                    }
                }
            }
        case .outcomes:
            _ = try? DataFolder.loadOutcomeFile(SourceFile(name: "fuzz.csv", bytes: bytes), catalog: engine.store.catalog)
        case .sagsemne:
            let path = folder + "/table.csv"
            guard write(bytes, to: path) else { fatalError("cannot write \(path)") }
            _ = try? SagsemneTable(path: path)
        case .talportal, .pcaxis, .statbank, .comments:
            let path = folder + (target == .pcaxis ? "/data.px" : "/data.csv")
            guard write(bytes, to: path) else { fatalError("cannot write \(path)") }
            if let data = try? Importer.load(path: path, catalog: engine.store.catalog) {
                // What was loaded must also be usable: load it into a copy and query it.
                var copy = engine
                if (try? copy.load(path: path)) != nil {
                    for output in copy.run("rate, cases by year, municipality vs national; show datasets") {
                        _ = Renderer.render(output, source: "", options: RenderOptions(format: .json))
                    }
                }
                _ = data
            }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    Fuzz.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>) -> Int32 {
    _ = Fuzz.target
    _ = Fuzz.engine
    _ = Fuzz.folder
    return 0
}
