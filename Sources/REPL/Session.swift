// One shell or script session: the engine, the output format and target,
// the timer; runs statement text and dot commands, writing results and errors.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CEditLine
import Query

/// What a dot command asks of the loop that ran it.
enum CommandOutcome: Equatable {
    case done
    case failed
    case quit
}

/// State shared by the interactive shell and the script runner.
final class Session {
    var engine: Engine
    var format: OutputFormat
    /// Decimal comma (`.decimal comma|point`, `--decimal-comma`); nil: the language's style.
    var decimalComma: Bool?
    /// The language of everything written (`--language`, `.language`, DKQ_LANGUAGE, LANG);
    /// nil: English, but answers in Danish.
    var language: Language? {
        didSet { engine.language = language ?? .en }
    }
    /// Terminal pictures (chart, map) in ASCII: `--ascii`, or a locale that is not UTF-8.
    var ascii = false
    var timer = false
    /// Script variables (`--set`, `.set`) that `$NAME` in a statement stands for.
    var variables: [String: String] = [:]
    let terminal: Terminal
    /// The persistent history (interactive shell only), listed by `.history`.
    var history: HistoryFile?
    /// Nesting of `.read`, to stop a file that reads itself.
    var readDepth = 0
    /// The interactive shell: results on the terminal are limited (`.maxrows`, `.maxwidth`)
    /// and Ctrl-C stops their output. Scripts and pipes print everything.
    var interactive = false
    /// `.maxrows N` (0: all) and `.maxwidth N` (0: the terminal's width), as in DuckDB.
    var maxRows = 40
    var maxWidth = 0
    /// The last statement's outputs and text, for `.last`.
    private var last: (outputs: [StatementOutput], source: String)?

    /// Results go here: 1 (stdout) or a file opened by `.output`.
    private var outputFD: Int32 = 1
    /// The format the `.output` file's extension asks for (x.csv: csv).
    private var outputFormat: OutputFormat?
    /// A file for the next statement only (`.once`), and its extension's format.
    private var onceFD: Int32?
    private var onceFormat: OutputFormat?

    init(engine: Engine, format: OutputFormat, terminal: Terminal) {
        self.engine = engine
        self.format = format
        self.terminal = terminal
    }

    deinit {
        if outputFD != 1 { close(outputFD) }
        if let onceFD { close(onceFD) }
    }

    /// Runs every statement in `text`. Results go to the output, errors to
    /// stderr. Returns false when a statement failed.
    func run(_ written: String, sourceName: String, firstLine: Int) -> Bool {
        let text: String
        do {
            text = try Variables.expand(written, values: variables)
        } catch {
            let diagnostic = error
            let options = RenderOptions(format: format, color: terminal.colorErr, language: language)
            printErr(Renderer.render(.error(diagnostic), source: written, sourceName: sourceName, firstLine: firstLine, options: options))
            return false
        }
        let target = onceFD ?? outputFD
        let format = onceFD != nil ? onceFormat ?? self.format : outputFD != 1 ? outputFormat ?? self.format : self.format
        let screen = interactive && target == 1
        let clock = ContinuousClock()
        let start = clock.now
        if screen { dkq_interrupt_clear() }
        engine.cancellation = Interrupts.flag
        let outputs = Interrupts.cancellingStatements { engine.run(text) }
        let elapsed = clock.now - start
        if outputs.contains(where: { if case .table = $0 { true } else { false } }) { last = (outputs, text) }
        var succeeded = true, delivered = true
        var rendered = ""
        var notes = ""
        for output in outputs {
            if case .error = output {
                succeeded = false
                let options = RenderOptions(format: format, color: terminal.colorErr, language: language)
                delivered = delivered && deliver(rendered, to: target)
                rendered = ""
                printErr(Renderer.render(
                    output, source: text, sourceName: sourceName, firstLine: firstLine, options: options))
            } else {
                let toTerminal = target == 1 && terminal.stdoutIsTTY
                var options = RenderOptions(
                    format: format, color: target == 1 && terminal.colorOut, decimalComma: decimalComma,
                    language: language, width: toTerminal ? Terminal.width() : 80, ascii: ascii,
                    atlas: format.drawsMap ? engine.store.atlas : nil)
                if let problem = Renderer.problem(output, options: options) {
                    succeeded = false
                    writeAll(rendered, to: target)
                    rendered = ""
                    printErr((language == .da ? "fejl: " : "error: ") + problem + "\n")
                    continue
                }
                if screen {
                    options.maxRows = maxRows > 0 ? maxRows : nil
                    options.maxWidth = maxWidth > 0 ? maxWidth : Terminal.width()
                }
                if !screen, format == .csv || format == .tsv {
                    // Written as the rows are made, after what came before it.
                    delivered = delivered && deliver(rendered, to: target)
                    rendered = ""
                    Renderer.render(output, source: text, sourceName: sourceName, firstLine: firstLine, options: options) { bytes in
                        if delivered { delivered = deliver(bytes, to: target) }
                    }
                } else {
                    rendered += Renderer.render(
                        output, source: text, sourceName: sourceName, firstLine: firstLine, options: options)
                }
                notes += Renderer.notes(output, format: format, language: language ?? .en)
            }
        }
        if screen {
            writeInterruptibly(rendered)
        } else {
            delivered = delivered && deliver(rendered, to: target)
        }
        printErr(notes)
        if let onceFD {
            close(onceFD)
            self.onceFD = nil
        }
        if timer { printOut("Run Time: \(Self.seconds(elapsed)) s\n") }
        return succeeded && delivered
    }

    /// Writes results; a failed write (disk full, closed pipe) is an error the user sees,
    /// and the statement counts as failed so a script exits 1.
    private func deliver(_ text: String, to fd: Int32) -> Bool {
        delivered(writeAll(text, to: fd), to: fd)
    }

    private func deliver(_ bytes: [UInt8], to fd: Int32) -> Bool {
        delivered(writeAll(bytes, to: fd), to: fd)
    }

    /// Says so when a write to `fd` failed.
    private func delivered(_ written: Bool, to fd: Int32) -> Bool {
        if written { return true }
        let reason = Self.lastError()
        printErr("error: cannot write the results\(fd == 1 ? "" : " to the .output/.once file"): \(reason)\n")
        return false
    }

    /// Runs a dot command; `place` ("file:line: " or "") prefixes error messages.
    func execute(_ command: DotCommand, place: String) -> CommandOutcome {
        func fail(_ message: String) -> CommandOutcome {
            printErr("\(place)error: \(message)\n")
            return .failed
        }
        switch command {
        case .help(let topic):
            printOut(language == .da ? (topic?.danish ?? HelpText.overviewDa) : (topic?.text ?? HelpText.overview))
        case .format(let format):
            if let format { self.format = format } else { printOut("\(self.format.rawValue)\n") }
        case .decimal(let comma):
            if let comma { decimalComma = comma } else {
                printOut(decimalComma ?? (language == .da) ? "decimal comma\n" : "decimal point\n")
            }
        case .language(let chosen):
            if let chosen { language = chosen } else { printOut((language ?? .en).rawValue + "\n") }
        case .timer(let on):
            if let on { timer = on } else { printOut("timer \(timer ? "on" : "off")\n") }
        case .output(let path):
            if outputFD != 1 { close(outputFD) }
            outputFD = 1
            guard let path else { break }
            guard let fd = Self.create(path) else { return fail("cannot write \(path): \(Self.lastError())") }
            outputFD = fd
            outputFormat = OutputFormat(extensionOf: path)
        case .once(let path):
            if let onceFD { close(onceFD) }
            guard let fd = Self.create(path) else { return fail("cannot write \(path): \(Self.lastError())") }
            onceFD = fd
            onceFormat = OutputFormat(extensionOf: path)
        case .read(let path):
            guard readDepth < 16 else { return fail(".read nested too deeply (does \(path) read itself?)") }
            readDepth += 1
            defer { readDepth -= 1 }
            return ScriptRunner.runFile(path, session: self)
        case .history:
            let entries = history?.entries.suffix(50) ?? []
            let firstNumber = (history?.entries.count ?? 0) - entries.count + 1
            var text = ""
            for (offset, entry) in entries.enumerated() {
                let number = String(firstNumber + offset)
                let indent = String(repeating: " ", count: max(0, 5 - number.count))
                text += indent + number + "  " + entry.replacingNewlines(with: "\n       ") + "\n"
            }
            printOut(text)
        case .maxRows(let rows):
            if let rows { maxRows = rows } else { printOut("\(maxRows)\n") }
        case .maxWidth(let width):
            if let width { maxWidth = width } else { printOut("\(maxWidth)\n") }
        case .last:
            return showLast()
        case .set(let assignment):
            guard let assignment else {
                printOut(variables.keys.sorted().map { "$\($0) = \(variables[$0] ?? "")\n" }.joined())
                break
            }
            variables[assignment.name] = assignment.value
        case .unset(let name):
            guard variables.removeValue(forKey: name) != nil else { return fail("$\(name) is not set") }
        case .quit:
            return .quit
        }
        return .done
    }

    /// Writes to the terminal a few lines at a time; Ctrl-C stops the rest.
    private func writeInterruptibly(_ text: String) {
        var rest = Substring(text)
        while !rest.isEmpty {
            if dkq_interrupt_pending() != 0 {
                dkq_interrupt_clear()
                printErr("\n^C: output stopped\n")
                return
            }
            var end = rest.utf8.index(rest.startIndex, offsetBy: min(8_192, rest.utf8.count))
            if end < rest.endIndex, let newline = rest[end...].firstIndex(of: "\n") { end = rest.index(after: newline) }
            guard writeAll(String(rest[..<end]), to: 1) else { return }
            rest = rest[end...]
        }
    }

    /// `.last`: the last result whole, through `$PAGER` (default `less -S`) on a terminal.
    private func showLast() -> CommandOutcome {
        guard let last else {
            printErr("error: no result yet; .last shows the last result whole\n")
            return .failed
        }
        let options = RenderOptions(format: format, color: false, decimalComma: decimalComma, language: language)
        let text = last.outputs.filter { if case .error = $0 { false } else { true } }
            .map { Renderer.render($0, source: last.source, options: options) + Renderer.notes($0, format: format, language: language ?? .en) }.joined()
        let pager = environment("PAGER").flatMap { $0.isEmpty ? nil : $0 } ?? "less -S"
        setenv("LESSCHARSET", "utf-8", 0)  // dkq writes UTF-8 whatever LANG says
        guard terminal.stdoutIsTTY, let pipe = popen(pager, "w") else {
            printOut(text)
            return .done
        }
        dkq_ignore_sigpipe(1)
        writeAll(text, to: fileno(pipe))
        pclose(pipe)
        dkq_ignore_sigpipe(0)
        dkq_interrupt_clear()
        return .done
    }

    private static func create(_ path: String) -> Int32? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        return fd >= 0 ? fd : nil
    }

    static func lastError() -> String { String(cString: strerror(errno)) }

    /// `0.004`: seconds with three decimals.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let millis = seconds * 1000 + (attoseconds + 500_000_000_000_000) / 1_000_000_000_000_000
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}

extension OutputFormat {
    /// The format a file name's extension names (.csv, .tsv/.tab, .json, .md, .txt), else nil.
    init?(extensionOf path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        case "json": self = .json
        case "md", "markdown": self = .markdown
        case "txt": self = .table
        default: return nil
        }
    }
}

extension String {
    /// The string with each newline replaced.
    func replacingNewlines(with replacement: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
