// The interactive loop: prompt, read with libedit, collect statements across
// lines, record history, run statements and dot commands. Never exits on errors.
import Query

/// The interactive shell.
enum Shell {
    static let prompt = "dkq> "
    static let continuation = "...> "

    /// Runs until `.quit` or Ctrl-D.
    static func run(session: Session, historyPath: String?) -> CommandOutcome {
        if let historyPath {
            let history = HistoryFile(path: historyPath)
            if let warning = history.warning { printErr(warning + "\n") }
            session.history = history
        }
        guard let editor = LineEditor(historySize: 10_000) else {
            printErr("warning: the line editor could not start; reading plain lines\n")
            return ScriptRunner.runStandardInput(session: session, stopOnError: false)
        }
        for entry in session.history?.entries ?? [] { editor.addHistory(entry) }
        session.interactive = true
        let completer = Completer(session: session)
        editor.setCompleter(completer)
        printOut(banner(session.engine.store, language: session.language ?? .en))

        var buffer = StatementBuffer()
        while true {
            completer.pending = buffer.text
            switch editor.read(prompt: buffer.isEmpty ? prompt : continuation) {
            case .end:
                printOut("\n")
                return .done
            case .interrupted:
                buffer.reset()
                printOut("\n")
            case .invalid(let message):
                buffer.reset()
                printErr("error: \(message)\n")
            case .line(let line):
                // While a paste is arriving, read it like a script: a complete statement waits
                // for the next line, which may go on with `by`, `where`, `and` …
                buffer.holdsComplete = editor.inputPending
                for step in buffer.add(line, number: 1) {
                switch step {
                case .blank, .more:
                    break
                case .command(let line):
                    record(line, editor: editor, session: session)
                    switch DotCommand.parse(line) {
                    case .failure(let error): printErr("error: \(error.message)\n")
                    case .success(let command):
                        if session.execute(command, place: "") == .quit { return .done }
                    }
                case .statement(let text, _):
                    record(text, editor: editor, session: session)
                    _ = session.run(text, sourceName: "query", firstLine: 1)
                }
                }
            }
        }
    }

    /// Adds an entry (a whole statement, even over several lines) to both histories.
    private static func record(_ entry: String, editor: LineEditor, session: Session) {
        editor.addHistory(entry)
        if let warning = session.history?.append(entry) { printErr(warning + "\n") }
    }

    static func banner(_ store: OutcomeStore, language: Language = .en) -> String {
        let da = language == .da
        var text = HelpText.version + (da ? ": Danmarkskort-statistik (Ankestyrelsens omgørelsesprocenter)." : ": Danmarkskort statistics (Ankestyrelsen's reversal rates).")
        let years = store.years
        if let first = years.first, let last = years.last {
            text += da
                ? "\n\(store.catalog.municipalities.count) kommuner, årene \(first)-\(last)."
                : "\n\(store.catalog.municipalities.count) municipalities, years \(first)-\(last)."
        }
        if store.datasets.contains(where: \.synthetic) {
            text += da
                ? "\nAfgørelsesdata er SYNTETISKE DEMODATA, ikke rigtige tal (datasets/README.md); indlæs rigtige tabeller med load \"FIL\"."
                : "\nThe outcome data is a SYNTHETIC DEMO, not real figures (datasets/README.md); load real tables with load \"FILE\"."
        }
        return text + (da
            ? "\n.help for hjælp, TAB fuldfører, .last viser et langt resultat helt, Ctrl-D afslutter.\n"
            : "\n.help for help, TAB completes, .last shows a long result whole, Ctrl-D leaves.\n")
    }
}
