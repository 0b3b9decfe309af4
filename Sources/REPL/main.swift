// dkq: the interactive shell and script runner. Reads the command line, finds
// and loads the data folder, then runs -c text, a script, stdin or the shell.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CEditLine
import Query

/// The program: returns the exit status (0 ok, 1 error, 2 bad command line).
enum Main {
    /// The session, kept until the process exits: freeing the engine's tables one by one when
    /// `run` returns would only delay the exit (a tenth of a one-query start's instructions).
    nonisolated(unsafe) private static var session: Session?

    static func run(_ words: [String]) -> Int32 {
        CrashGuard.install()
        _ = dkq_setup_locale()
        let arguments: Arguments
        switch Arguments.parse(words) {
        case .failure(let exit):
            let message = exit.message.hasSuffix("\n") ? exit.message : exit.message + "\n"
            if exit.status == 0 { printOut(message) } else { printErr(message) }
            return exit.status
        case .success(let parsed):
            arguments = parsed
        }
        let terminal = Terminal.current()
        let fromStdin = arguments.command == nil && (arguments.file == nil || arguments.file == "-")
        let interactive = fromStdin && terminal.stdinIsTTY
        guard var engine = openEngine(arguments.dataDirectory, interactive: interactive) else { return 1 }
        for line in engine.restoreReport { printErr(line + "\n") }
        for file in arguments.loads {
            do {
                printErr(try engine.load(path: file) + "\n")
            } catch {
                printErr("\(error)\nnothing was loaded from \(file)\n")
                return 1
            }
        }
        let session = Session(engine: engine, format: arguments.format ?? .table, terminal: terminal)
        Main.session = session
        session.decimalComma = arguments.decimalComma ? true : nil
        session.language = arguments.language ?? Arguments.environmentLanguage(environment)
        session.ascii = arguments.ascii || !Terminal.localeIsUTF8()
        for variable in arguments.variables { session.variables[variable.name] = variable.value }
        if let outcome = runInitFile(arguments, session: session, interactive: interactive), outcome != .done {
            return outcome == .failed ? 1 : 0
        }

        let outcome: CommandOutcome
        if let command = arguments.command {
            outcome = ScriptRunner.runText(command, session: session)
        } else if let file = arguments.file, file != "-" {
            outcome = ScriptRunner.runFile(file, session: session)
        } else if interactive && terminal.canEdit {
            outcome = Shell.run(session: session, historyPath: historyPath())
        } else {
            outcome = ScriptRunner.runStandardInput(session: session, stopOnError: !interactive)
        }
        return outcome == .failed ? 1 : 0
    }

    /// Loads the data folder. A data error ends a script; the shell starts empty.
    static func openEngine(_ explicit: String?, interactive: Bool) -> Engine? {
        let executable = DataLocation.executablePath()
        let current = DataLocation.currentDirectory()
        let found = DataLocation.find(
            explicit: explicit, environment: environment("DKQ_DATA"), executable: executable,
            currentDirectory: current)
        do {
            guard let directory = found else {
                printErr(
                    "error: no data folder found: looked for datasets/\(DataLocation.marker) above "
                        + "\(executable.map(DataLocation.parent) ?? "the executable") and \(current ?? "the current directory"); "
                        + "use --data DIR or set DKQ_DATA\n")
                return interactive ? emptyEngine() : nil
            }
            guard DataLocation.isDirectory(directory) else {
                throw DataError(file: directory, "no such data folder")
            }
            return try Engine.open(dataDirectory: directory, cacheDirectory: CacheLocation.directory())
        } catch let error as DataError {
            printErr("\(error)\n")
        } catch {
            printErr("error: \(error)\n")
        }
        return interactive ? emptyEngine() : nil
    }

    private static func emptyEngine() -> Engine {
        printErr("starting with no data; load \"FOLDER\" loads a data folder\n")
        return Engine(store: OutcomeStore(catalog: Catalog(municipalities: [], paragraphs: [])))
    }

    /// Runs `--init FILE`, else `~/.dkqrc` when it exists; nil when there is none.
    /// An error in an explicit init file stops a script; the shell goes on.
    static func runInitFile(_ arguments: Arguments, session: Session, interactive: Bool) -> CommandOutcome? {
        guard !arguments.noInit else { return nil }
        let path: String
        if let explicit = arguments.initFile {
            path = explicit
        } else {
            guard let home = environment("HOME"), !home.isEmpty, DataLocation.exists(home + "/.dkqrc") else { return nil }
            path = home + "/.dkqrc"
        }
        if interactive { printErr("-- loading resources from \(path)\n") }
        let outcome = ScriptRunner.runFile(path, session: session)
        return interactive && outcome == .failed ? .done : outcome
    }

    /// `$DKQ_HISTORY`, else `~/.dkq_history`; nil (no history) when empty or no home.
    static func historyPath() -> String? {
        if let path = environment("DKQ_HISTORY") { return path.isEmpty ? nil : path }
        guard let home = environment("HOME"), !home.isEmpty else { return nil }
        return home + "/.dkq_history"
    }
}

exit(Main.run(Array(CommandLine.arguments.dropFirst())))
