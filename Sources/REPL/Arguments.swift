// The command line: `dkq [--format FMT] [--data DIR] [--load FILE]… [-c QUERY | FILE | -]`,
// `--help`, `--version`. Parsing only; main.swift acts on the result.
import Query

/// What the command line asked for.
struct Arguments: Equatable {
    /// `-c QUERY`.
    var command: String?
    /// A script file; `-` means stdin.
    var file: String?
    var format: OutputFormat?
    /// `--decimal-comma`: Danish number style.
    var decimalComma = false
    /// `--language da|en`: titles and answers (answers are Danish unless told).
    var language: Language?
    var dataDirectory: String?
    /// `--load FILE`, in order: real data files loaded before anything runs.
    var loads: [String] = []
    var help = false
    var version = false

    static let options = ["-c", "--format", "--decimal-comma", "--language", "--data", "--load", "--help", "--version"]

    /// Parses the arguments after the program name.
    static func parse(_ words: [String]) -> Result<Arguments, LineError> {
        var result = Arguments()
        var index = 0
        var optionsEnded = false
        func fail(_ message: String) -> Result<Arguments, LineError> {
            .failure(LineError(message: message))
        }
        while index < words.count {
            var word = words[index]
            index += 1
            if optionsEnded || word == "-" || !word.hasPrefix("-") {
                guard result.file == nil else { return fail("only one script file may be given ('\(word)')") }
                result.file = word
                continue
            }
            var attached: String?
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                attached = String(word[word.index(after: equals)...])
                word = String(word[..<equals])
            }
            func value() -> String? {
                if let attached { return attached }
                guard index < words.count else { return nil }
                index += 1
                return words[index - 1]
            }
            switch word {
            case "--":
                optionsEnded = true
            case "-h", "--help":
                result.help = true
            case "--version":
                result.version = true
            case "-c", "--command":
                guard let text = value() else { return fail("-c needs a query, e.g. -c \"rate by year\"") }
                result.command = text
            case "--format", "-f":
                guard let name = value() else { return fail("--format needs one of: \(formatList)") }
                guard let format = OutputFormat(rawValue: name.lowercased()) else {
                    let guess = nearest(name, in: OutputFormat.allCases.map(\.rawValue)).map { "did you mean '\($0)'? " }
                    return fail("unknown format '\(name)'; \(guess ?? "")formats: \(formatList)")
                }
                result.format = format
            case "--decimal-comma":
                result.decimalComma = true
            case "--language":
                guard let name = value(), let language = Language(rawValue: name.lowercased()) else {
                    return fail("--language needs da or en")
                }
                result.language = language
            case "--data", "-d":
                guard let directory = value() else { return fail("--data needs a folder") }
                result.dataDirectory = directory
            case "--load", "-l":
                guard let file = value() else { return fail("--load needs a data file, e.g. --load ANKEAST1.px") }
                result.loads.append(file)
            default:
                let guess = nearest(word, in: options).map { "; did you mean '\($0)'?" } ?? "; see dkq --help"
                return fail("unknown option '\(word)'\(guess)")
            }
        }
        if result.command != nil, let file = result.file {
            return fail("give either -c QUERY or a script file, not both ('\(file)')")
        }
        return .success(result)
    }

    private static var formatList: String { OutputFormat.allCases.map(\.rawValue).joined(separator: ", ") }
}
