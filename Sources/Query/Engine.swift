// The embeddable engine: load datasets, run query text, get typed results.
// Pipeline: Lexer -> Parser -> Binder -> Planner -> Evaluator (see docs/ARCHITECTURE.md).

/// A query engine over loaded Danmarkskort datasets.
public struct Engine: Sendable {
    /// Everything loaded.
    public internal(set) var store: OutcomeStore {
        didSet { domains = Domains(store) }
    }
    /// Value numbering and per-year row ranges, computed once per change of `store`.
    var domains: Domains
    /// False makes queries read rows instead of the pre-aggregated rollups (for tests).
    var useRollups = true
    /// How row scans run (tests compare the tight, two-thread path with the straightforward one).
    var tightScans = true, splitRows = Evaluator.splitRows
    /// When raised (Ctrl-C), the running statement ends with error E901 and changes nothing.
    public var cancellation: CancellationFlag?
    /// Where the data came from, so `unload` can rebuild it without one file.
    var origin: Origin
    /// The files loaded since, in order.
    var loaded: [LoadedFile] = []
    /// Where the loaded files are listed across restarts (nil: they are not kept).
    var manifest: LoadManifest?
    /// What the start said about files kept from earlier sessions (loaded again, changed, gone).
    public internal(set) var restoreReport: [String] = []
    /// True when the start took the kept files' data from the cache instead of importing them.
    var keptFromCache = false

    enum Origin: Sendable {
        case folder(String, cache: String?)
        case store(OutcomeStore)
    }
    /// The language of the texts the engine writes itself (`describe`, `show` notes); tables,
    /// notes and errors are worded when rendered (`RenderOptions.language`).
    public var language: Language = .en

    public init(store: OutcomeStore) {
        var store = store
        store.facts = store.facts.sortedForIndex()
        self.store = store
        domains = Domains(store)
        origin = .store(store)
    }

    /// Loads the data folder (municipalities, paragraphs, yearly outcome files).
    /// With `cacheDirectory`, a current store file there is used instead of parsing the CSV
    /// files, and a missing or outdated one is rebuilt (see `Store/StoreFile.swift`); the
    /// downloads earlier sessions loaded with `load` are loaded again from their files
    /// (`restoreReport` says which, and which changed or are gone).
    public static func open(dataDirectory: String, cacheDirectory: String? = nil) throws -> Engine {
        var engine = Engine(store: try DataFolder.load(directory: dataDirectory, cacheDirectory: cacheDirectory).store)
        engine.origin = .folder(dataDirectory, cache: cacheDirectory)
        if let cacheDirectory {
            engine.manifest = LoadManifest(cacheDirectory: cacheDirectory, folder: dataDirectory)
            engine.restoreLoads()
        }
        return engine
    }

    /// Runs every statement in `source`, in order, stopping after the first error.
    public mutating func run(_ source: String) -> [StatementOutput] {
        var outputs: [StatementOutput] = []
        for parsed in Parser.parse(source) {
            let output: StatementOutput
            switch parsed {
            case .failure(let diagnostic): output = .error(diagnostic)
            case .success(let statement):
                output = cancellation?.isRaised == true ? .error(.cancelled(at: statement.range)) : execute(statement, source: source)
            }
            if case .error(let diagnostic) = output {
                outputs.append(.error(suggesting(diagnostic, in: source)))
                break
            }
            outputs.append(output)
        }
        return outputs
    }

    /// Runs one parsed statement.
    mutating func execute(_ statement: Statement, source: String) -> StatementOutput {
        do {
            switch statement.kind {
            case .query(let query):
                let bound = try Binder(store: store, source: source, domains: domains).bind(query)
                var evaluator = Evaluator(store: store, domains: domains, useRollups: useRollups)
                evaluator.cancel = cancellation
                (evaluator.tightScans, evaluator.splitRows) = (tightScans, splitRows)
                let result = evaluator.evaluate(Planner.plan(bound))
                return cancellation?.isRaised == true ? .error(.cancelled(at: statement.range)) : .table(result)
            case .show(let name):
                return .table(try show(name))
            case .describe(let name):
                return .text(try describe(name))
            case .load(let path, let citation):
                return try load(path, citation: citation, source: source)
            case .unload(let path):
                return try unload(path)
            case .answer(let query):
                let bound = try Binder(store: store, source: source, domains: domains).bind(query)
                return .answer(AnswerWriter(store: store, evaluation: Evaluator(store: store, domains: domains).evaluation(Planner.plan(bound))).answer())
            case .check:
                return .table(check())
            }
        } catch {
            return .error(error)
        }
    }

    /// True when `source` ends inside an unfinished statement (open parenthesis,
    /// trailing `by`, `where`, `and`, `,`, operator …): the shell then shows its
    /// continuation prompt and reads another line.
    public static func needsMoreInput(_ source: String) -> Bool {
        Parser.needsMoreInput(source)
    }

    /// For a script read line by line: whether `line`, following a complete statement,
    /// continues it (it starts with a clause keyword, `and` or `or`); nil for a blank or
    /// comment line, which decides nothing.
    public static func continuesStatement(_ line: String) -> Bool? {
        Parser.lineContinues(line)
    }
}
