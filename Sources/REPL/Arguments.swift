// The command line, declared once with swift-argument-parser: parsing, --help,
// usage, shell completion scripts and the man page all come from this declaration.
import ArgumentParser
import Query

extension OutputFormat: ExpressibleByArgument {}

/// The declaration swift-argument-parser reads (`dkq --help` shows it).
struct DkqCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dkq",
        abstract: "Query Ankestyrelsen's Danmarkskort statistics: how often municipalities' social-law decisions are reversed on appeal.",
        discussion: """
            Examples:
              dkq -c "rate by paragraph where municipality = Aarhus year 2021"
              dkq examples/kommune.dkq --set kommune=Odense --set år=2024
              dkq --format csv -c "rate by municipality year 2022" > rates.csv

            Without FILE or -c, dkq opens an interactive shell (or reads statements from \
            stdin when it is not a terminal). The shell first runs ~/.dkqrc (or --init FILE): \
            dot commands and statements, one per line.

            Exit status: 0 on success, 1 when a statement or data file has an error, 2 for a \
            bad command line. History: ~/.dkq_history (or $DKQ_HISTORY). Data: --data, else \
            $DKQ_DATA, else datasets/ (or share/dkq/datasets/) found above the executable, \
            else above the current directory.
            """,
        version: HelpText.version)

    @Option(name: [.customShort("c"), .long], help: ArgumentHelp("Run QUERY (one or more statements, dot commands allowed) and exit.", valueName: "QUERY"))
    var command: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Output format (default table).", valueName: "FMT"))
    var format: OutputFormat?

    @Flag(help: "Decimal comma: 37,5 (csv then separated by ';'); the default in Danish.")
    var decimalComma = false

    @Option(help: ArgumentHelp(
        "Language of everything dkq writes: da or en. Default: $DKQ_LANGUAGE, else Danish when LC_ALL/LC_MESSAGES/LANG starts with da, else English (answers Danish).",
        valueName: "LANG"))
    var language: Language?

    @Flag(help: "Charts and tile maps (--format chart, map) in plain ASCII; also when the locale is not UTF-8.")
    var ascii = false

    @Option(name: [.short, .long], help: ArgumentHelp("The data folder (with municipalities.csv).", valueName: "DIR"), completion: .directory)
    var data: String?

    @Option(name: [.short, .long], help: ArgumentHelp(
        "Load a downloaded data file or a folder of them first (talportal CSV, PC-Axis, StatBank CSV, comments); may be repeated.",
        valueName: "FILE"), completion: .file())
    var load: [String] = []

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Set a script variable used as $NAME in statements, e.g. --set kommune=Odense; may be repeated.",
        valueName: "NAME=VALUE"))
    var variables: [String] = []

    @Option(name: .customLong("init"), help: ArgumentHelp("Run FILE at start instead of ~/.dkqrc.", valueName: "FILE"), completion: .file())
    var initFile: String?

    @Flag(name: .customLong("no-init"), help: "Do not run ~/.dkqrc.")
    var noInit = false

    @Argument(help: ArgumentHelp("A script to run; - reads standard input.", valueName: "file"), completion: .file(extensions: ["dkq"]))
    var file: String?

    func validate() throws {
        if command != nil, let file {
            throw ValidationError("give either -c QUERY or a script file, not both ('\(file)')")
        }
        for assignment in variables where Variables.assignment(assignment) == nil {
            throw ValidationError("--set needs NAME=VALUE with a name of letters, digits and _ (got '\(assignment)')")
        }
    }
}

/// What the command line asked for, as plain values.
struct Arguments: Equatable {
    /// `-c QUERY`.
    var command: String?
    /// A script file; `-` means stdin.
    var file: String?
    var format: OutputFormat?
    /// `--decimal-comma`: Danish number style.
    var decimalComma = false
    /// `--ascii`: charts and tile maps in ASCII.
    var ascii = false
    var dataDirectory: String?
    /// `--load FILE`, in order: real data files loaded before anything runs.
    var loads: [String] = []
    /// `--set NAME=VALUE`, in order.
    var variables: [Variables.Assignment] = []
    /// `--init FILE`; nil means ~/.dkqrc.
    var initFile: String?
    var noInit = false
    /// `--language da|en`: titles and answers.
    var language: Language?

    /// Help, version and completion scripts end the program with a message and a status.
    struct Exit: Error, Equatable {
        var message: String
        /// 0 for --help, --version, --generate-completion-script; 2 for a bad command line.
        var status: Int32
    }

    /// Parses the arguments after the program name.
    static func parse(_ words: [String]) -> Result<Arguments, Exit> {
        do {
            let parsed = try DkqCommand.parse(words)
            return .success(Arguments(
                command: parsed.command, file: parsed.file, format: parsed.format, decimalComma: parsed.decimalComma, ascii: parsed.ascii,
                dataDirectory: parsed.data, loads: parsed.load, variables: parsed.variables.compactMap(Variables.assignment),
                initFile: parsed.initFile, noInit: parsed.noInit, language: parsed.language))
        } catch {
            let status = DkqCommand.exitCode(for: error)
            return .failure(Exit(message: DkqCommand.fullMessage(for: error), status: status.isSuccess ? 0 : 2))
        }
    }
}

extension Language: ExpressibleByArgument {}

extension Arguments {
    /// The language the environment asks for: `DKQ_LANGUAGE` (da or en), else Danish when the
    /// locale (the first set of LC_ALL, LC_MESSAGES, LANG) starts with `da`; nil otherwise.
    static func environmentLanguage(_ variable: (String) -> String?) -> Language? {
        if let chosen = variable("DKQ_LANGUAGE").flatMap({ Language(rawValue: $0.lowercased()) }) { return chosen }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].compactMap { variable($0) }.first { !$0.isEmpty }
        return locale?.lowercased().hasPrefix("da") == true ? .da : nil
    }
}
