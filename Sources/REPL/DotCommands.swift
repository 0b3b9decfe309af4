// Dot commands (`.format csv`, `.help measures`, …): parsing a line into a
// command, with did-you-mean for unknown names. Running them is in Session.
import Query

/// A shell command that starts with a dot, typed where a statement could start.
enum DotCommand: Equatable {
    case help(topic: HelpTopic?)
    /// `.format FMT` / `.mode FMT`; nil shows the current format.
    case format(OutputFormat?)
    /// `.timer on|off`; nil shows the current setting.
    case timer(Bool?)
    /// `.decimal comma|point`: Danish decimal comma for reports; nil shows the setting.
    case decimal(comma: Bool?)
    /// `.language da|en`: the language of everything dkq writes; nil shows the setting.
    case language(Language?)
    /// `.output FILE`; nil goes back to stdout.
    case output(path: String?)
    case once(path: String)
    case read(path: String)
    case history
    /// `.maxrows N` / `.maxwidth N` (0: no limit / the terminal's width); nil shows the setting.
    case maxRows(Int?)
    case maxWidth(Int?)
    /// `.last`: the last result whole, through the pager.
    case last
    /// `.set NAME VALUE` (or NAME=VALUE); nil lists the variables.
    case set(Variables.Assignment?)
    case unset(name: String)
    case quit

    /// Every command name, with its arguments and a one-line description (for `.help`).
    static let catalog: [(name: String, usage: String, summary: String)] = [
        (".help", ".help [TOPIC]", "show help; topics: \(HelpTopic.allCases.map(\.rawValue).joined(separator: ", "))"),
        (".format", ".format table|csv|tsv|json|markdown|svg|chart|map|html", "set the output format (no argument: show it)"),
        (".mode", ".mode FORMAT", "the same as .format"),
        (".timer", ".timer on|off", "print the run time after each statement"),
        (".decimal", ".decimal comma|point", "decimal comma (csv then uses ';'); the default follows the language: comma in Danish"),
        (".language", ".language da|en", "the language of headers, notes, help and errors (no argument: show it)"),
        (".output", ".output [FILE]", "send results to FILE; no FILE: back to the screen"),
        (".once", ".once FILE", "send the next statement's results to FILE"),
        (".read", ".read FILE", "run the statements in FILE"),
        (".history", ".history", "list recent history entries"),
        (".last", ".last", "show the last result whole through $PAGER (default less -S)"),
        (".maxrows", ".maxrows [N]", "in the shell, show at most N rows of a result: the first and last N/2 (default 40; 0: all)"),
        (".maxwidth", ".maxwidth [N]", "in the shell, leave out middle columns beyond N characters (default 0: the terminal's width)"),
        (".set", ".set [NAME VALUE]", "set a variable: $NAME in a statement stands for VALUE (no argument: list them)"),
        (".unset", ".unset NAME", "forget a variable"),
        (".quit", ".quit", "leave the shell (also .exit or Ctrl-D)"),
        (".exit", ".exit", "the same as .quit"),
    ]

    /// Command names for completion.
    static var names: [String] { catalog.map(\.name) }

    /// Parses a line that starts with `.` (leading blanks allowed).
    static func parse(_ line: String) -> Result<DotCommand, LineError> {
        let words = splitArguments(line)
        guard let typed = words.first?.lowercased() else { return .failure(LineError(message: "empty command")) }
        // A unique prefix is enough: `.hist` is `.history` (as in sqlite3).
        let starting = names.filter { $0.hasPrefix(typed) }
        let name = names.contains(typed) || starting.count != 1 ? typed : starting[0]
        let arguments = Array(words.dropFirst())
        let usage = catalog.first { $0.name == name }?.usage ?? name
        func fail(_ message: String) -> Result<DotCommand, LineError> { .failure(LineError(message: message)) }
        func atMost(_ n: Int) -> Bool { arguments.count <= n }

        switch name {
        case ".help":
            guard atMost(1) else { return fail("usage: \(usage)") }
            guard let word = arguments.first else { return .success(.help(topic: nil)) }
            guard let topic = HelpTopic.named(word) else {
                let all = HelpTopic.allCases.map(\.rawValue)
                let guess = nearest(word, in: all).map { "; did you mean '\($0)'?" } ?? "; topics: \(all.joined(separator: ", "))"
                return fail("unknown help topic '\(word)'\(guess)")
            }
            return .success(.help(topic: topic))
        case ".format", ".mode":
            guard atMost(1) else { return fail("usage: \(usage)") }
            guard let word = arguments.first else { return .success(.format(nil)) }
            guard let format = OutputFormat(rawValue: word.lowercased()) else {
                let all = OutputFormat.allCases.map(\.rawValue)
                let guess = nearest(word, in: all).map { "; did you mean '\($0)'?" } ?? ""
                return fail("unknown format '\(word)'\(guess) (formats: \(all.joined(separator: ", ")))")
            }
            return .success(.format(format))
        case ".timer":
            guard atMost(1) else { return fail("usage: \(usage)") }
            switch arguments.first?.lowercased() {
            case nil: return .success(.timer(nil))
            case "on": return .success(.timer(true))
            case "off": return .success(.timer(false))
            case let other?: return fail("expected on or off after .timer, not '\(other)'")
            }
        case ".decimal":
            guard atMost(1) else { return fail("usage: \(usage)") }
            switch arguments.first?.lowercased() {
            case nil: return .success(.decimal(comma: nil))
            case "comma", "komma": return .success(.decimal(comma: true))
            case "point", "punktum": return .success(.decimal(comma: false))
            case let other?: return fail("expected comma or point after .decimal, not '\(other)'")
            }
        case ".language", ".sprog":
            guard atMost(1) else { return fail("usage: \(usage)") }
            guard let word = arguments.first else { return .success(.language(nil)) }
            switch word.lowercased() {
            case "da", "dansk", "danish": return .success(.language(.da))
            case "en", "engelsk", "english": return .success(.language(.en))
            default: return fail("expected da or en after .language, not '\(word)'")
            }
        case ".output":
            guard atMost(1) else { return fail("usage: \(usage)") }
            return .success(.output(path: arguments.first))
        case ".once", ".read":
            guard arguments.count == 1 else { return fail("usage: \(usage)") }
            return .success(name == ".once" ? .once(path: arguments[0]) : .read(path: arguments[0]))
        case ".maxrows", ".maxwidth":
            guard atMost(1) else { return fail("usage: \(usage)") }
            var number: Int?
            if let word = arguments.first {
                guard let n = Int(word), n >= 0 else { return fail("expected a number of \(name == ".maxrows" ? "rows" : "characters") (0 or more) after \(name), not '\(word)'") }
                number = n
            }
            return .success(name == ".maxrows" ? .maxRows(number) : .maxWidth(number))
        case ".last":
            guard arguments.isEmpty else { return fail("usage: \(usage)") }
            return .success(.last)
        case ".set":
            guard let first = arguments.first else { return .success(.set(nil)) }
            let assignment = arguments.count == 1
                ? Variables.assignment(first)
                : Variables.assignment(first + "=" + arguments.dropFirst().joined(separator: " "))
            guard let assignment else { return fail("usage: \(usage), e.g. .set kommune Odense (a name is letters, digits and _)") }
            return .success(.set(assignment))
        case ".unset":
            guard arguments.count == 1 else { return fail("usage: \(usage)") }
            return .success(.unset(name: arguments[0].hasPrefix("$") ? String(arguments[0].dropFirst()) : arguments[0]))
        case ".history", ".quit", ".exit":
            guard arguments.isEmpty else { return fail("usage: \(usage)") }
            return .success(name == ".history" ? .history : .quit)
        default:
            if starting.count > 1 {
                return fail("ambiguous command '\(name)': \(starting.joined(separator: ", "))")
            }
            let guess = nearest(name, in: names).map { "; did you mean '\($0)'?" } ?? "; see .help"
            return fail("unknown command '\(name)'\(guess)")
        }
    }

    /// Splits on blanks; `"…"` or `'…'` keeps a file name with spaces together.
    static func splitArguments(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// True when `line` is a dot command (a `.` first, after blanks).
    static func isCommand(_ line: String) -> Bool {
        line.first { !$0.isWhitespace } == "."
    }
}
