// One shell or script session: the engine, the output format and target,
// the timer; runs statement text and dot commands, writing results and errors.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    /// Danish number style (`.decimal comma`, `--decimal-comma`).
    var decimalComma = false
    /// `--language`: titles and answers.
    var language: Language?
    var timer = false
    let terminal: Terminal
    /// The persistent history (interactive shell only), listed by `.history`.
    var history: HistoryFile?
    /// Nesting of `.read`, to stop a file that reads itself.
    var readDepth = 0

    /// Results go here: 1 (stdout) or a file opened by `.output`.
    private var outputFD: Int32 = 1
    /// A file for the next statement only (`.once`).
    private var onceFD: Int32?

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
    func run(_ text: String, sourceName: String, firstLine: Int) -> Bool {
        let target = onceFD ?? outputFD
        let clock = ContinuousClock()
        let start = clock.now
        let outputs = engine.run(text)
        let elapsed = clock.now - start
        var succeeded = true
        var rendered = ""
        for output in outputs {
            if case .error = output {
                succeeded = false
                let options = RenderOptions(format: format, color: terminal.colorErr)
                writeAll(rendered, to: target)
                rendered = ""
                printErr(Renderer.render(
                    output, source: text, sourceName: sourceName, firstLine: firstLine, options: options))
            } else {
                let options = RenderOptions(format: format, color: target == 1 && terminal.colorOut, decimalComma: decimalComma, language: language)
                rendered += Renderer.render(
                    output, source: text, sourceName: sourceName, firstLine: firstLine, options: options)
            }
        }
        writeAll(rendered, to: target)
        if let onceFD {
            close(onceFD)
            self.onceFD = nil
        }
        if timer { printOut("Run Time: \(Self.seconds(elapsed)) s\n") }
        return succeeded
    }

    /// Runs a dot command; `place` ("file:line: " or "") prefixes error messages.
    func execute(_ command: DotCommand, place: String) -> CommandOutcome {
        func fail(_ message: String) -> CommandOutcome {
            printErr("\(place)error: \(message)\n")
            return .failed
        }
        switch command {
        case .help(let topic):
            printOut(topic?.text ?? HelpText.overview)
        case .format(let format):
            if let format { self.format = format } else { printOut("\(self.format.rawValue)\n") }
        case .decimal(let comma):
            if let comma { decimalComma = comma } else { printOut(decimalComma ? "decimal comma\n" : "decimal point\n") }
        case .timer(let on):
            if let on { timer = on } else { printOut("timer \(timer ? "on" : "off")\n") }
        case .output(let path):
            if outputFD != 1 { close(outputFD) }
            outputFD = 1
            guard let path else { break }
            guard let fd = Self.create(path) else { return fail("cannot write \(path): \(Self.lastError())") }
            outputFD = fd
        case .once(let path):
            if let onceFD { close(onceFD) }
            guard let fd = Self.create(path) else { return fail("cannot write \(path): \(Self.lastError())") }
            onceFD = fd
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
        case .quit:
            return .quit
        }
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

extension String {
    /// The string with each newline replaced.
    func replacingNewlines(with replacement: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
