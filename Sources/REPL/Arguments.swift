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

    /// Parses the arguments after the program name: the plain command lines directly (`direct`),
    /// everything else through swift-argument-parser.
    static func parse(_ words: [String]) -> Result<Arguments, Exit> {
        direct(words).map { .success($0) } ?? parsedByArgumentParser(words)
    }

    /// swift-argument-parser's reading of `words` (with help, errors, version and completions).
    static func parsedByArgumentParser(_ words: [String]) -> Result<Arguments, Exit> {
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
    /// A well-formed command line of separate words (`-c QUERY`, `--format csv`, `--load FILE`,
    /// flags, one script file), read without swift-argument-parser, whose reflection takes a few
    /// milliseconds of every start. nil for anything else — help, version, `--x=y`, grouped or
    /// unknown options, a value starting with `-`, a repeated option, an invalid value — which
    /// `parse` then hands to swift-argument-parser. ParsingTests check that both readings agree.
    static func direct(_ words: [String]) -> Arguments? {
        var arguments = Arguments()
        var given: [DirectOption] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.hasPrefix("-") else {
                guard arguments.file == nil, !word.isEmpty else { return nil }
                arguments.file = word
                continue
            }
            guard let option = DirectOption(word), !given.contains(option) || option == .load || option == .set else { return nil }
            given.append(option)
            switch option {
            case .decimalComma: arguments.decimalComma = true; continue
            case .ascii: arguments.ascii = true; continue
            case .noInit: arguments.noInit = true; continue
            default: break
            }
            guard index < words.count, !words[index].hasPrefix("-"), !words[index].isEmpty else { return nil }
            let value = words[index]
            index += 1
            switch option {
            case .command: arguments.command = value
            case .format: guard let format = OutputFormat(rawValue: value) else { return nil }; arguments.format = format
            case .language: guard let language = Language(rawValue: value) else { return nil }; arguments.language = language
            case .data: arguments.dataDirectory = value
            case .load: arguments.loads.append(value)
            case .set: guard let assignment = Variables.assignment(value) else { return nil }; arguments.variables.append(assignment)
            case .initFile: arguments.initFile = value
            case .decimalComma, .ascii, .noInit: break
            }
        }
        if arguments.command != nil && arguments.file != nil { return nil }
        return arguments
    }

    /// The options `direct` reads, by the words that name them (a switch: no table to build at start).
    private enum DirectOption {
        case command, format, language, data, load, set, initFile, decimalComma, ascii, noInit

        init?(_ word: String) {
            switch word {
            case "-c", "--command": self = .command
            case "-f", "--format": self = .format
            case "--language": self = .language
            case "-d", "--data": self = .data
            case "-l", "--load": self = .load
            case "--set": self = .set
            case "--init": self = .initFile
            case "--decimal-comma": self = .decimalComma
            case "--ascii": self = .ascii
            case "--no-init": self = .noInit
            default: return nil
            }
        }
    }
}

extension Arguments {
    /// The language the environment asks for: `DKQ_LANGUAGE` (da or en), else Danish when the
    /// locale (the first set of LC_ALL, LC_MESSAGES, LANG) starts with `da`; nil otherwise.
    static func environmentLanguage(_ variable: (String) -> String?) -> Language? {
        if let chosen = variable("DKQ_LANGUAGE").flatMap({ Language(rawValue: $0.lowercased()) }) { return chosen }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].compactMap { variable($0) }.first { !$0.isEmpty }
        return locale?.lowercased().hasPrefix("da") == true ? .da : nil
    }
}
