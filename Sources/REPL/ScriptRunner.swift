// Runs statements without a line editor: `-c` text, a script file, `.read`,
// and stdin when it is not a terminal. Stops at the first error in a script.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Query

/// Runs line-oriented input through a session.
enum ScriptRunner {
    /// Runs `-c` text; errors name `query`.
    static func runText(_ text: String, session: Session) -> CommandOutcome {
        var lines = Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map(Array.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var index = 0
        return run(sourceName: "query", session: session, stopOnError: true) {
            defer { index += 1 }
            return index < lines.count ? lines[index] : nil
        }
    }

    /// Runs a script file; errors name the file as given.
    static func runFile(_ path: String, session: Session) -> CommandOutcome {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            printErr("\(path): error: cannot read: \(Session.lastError())\n")
            return .failed
        }
        defer { close(fd) }
        var reader = ByteLineReader(fd: fd)
        let outcome = run(sourceName: path, session: session, stopOnError: true) { reader.nextLine() }
        if reader.tooLong { return lineTooLong(path) }
        if reader.failed {
            printErr("\(path): error: read failed: \(Session.lastError())\n")
            return .failed
        }
        return outcome
    }

    /// Reads stdin; a terminal without a line editor keeps going after errors.
    static func runStandardInput(session: Session, stopOnError: Bool) -> CommandOutcome {
        var reader = ByteLineReader(fd: 0)
        let outcome = run(sourceName: "stdin", session: session, stopOnError: stopOnError) { reader.nextLine() }
        return reader.tooLong ? lineTooLong("stdin") : outcome
    }

    private static func lineTooLong(_ name: String) -> CommandOutcome {
        printErr("\(name): error: a line is longer than \(ByteLineReader.maxLineBytes >> 20) MB; reading stopped there\n")
        return .failed
    }

    /// The loop: decode each line, collect statements, run them and dot commands.
    /// Returns `.failed` when anything failed (after the first error when `stopOnError`).
    static func run(
        sourceName: String, session: Session, stopOnError: Bool, nextLine: () -> [UInt8]?
    ) -> CommandOutcome {
        var buffer = StatementBuffer()
        buffer.holdsComplete = true
        var number = 0
        var failed = false
        while let bytes = nextLine() {
            number += 1
            let steps: [StatementBuffer.Step]
            switch decodeLine(bytes) {
            case .failure(let error):
                printErr("\(sourceName):\(number): error: \(error.message)\n")
                failed = true
                if stopOnError { return .failed }
                buffer.reset()
                continue
            case .success(let line):
                steps = buffer.add(line, number: number)
            }
            for step in steps {
                switch perform(step, sourceName: sourceName, number: number, session: session) {
                case .done: break
                case .quit: return failed ? .failed : .quit
                case .failed:
                    failed = true
                    if stopOnError { return .failed }
                }
            }
        }
        if let step = buffer.finish(),
            perform(step, sourceName: sourceName, number: number, session: session) == .failed
        {
            failed = true
        }
        return failed ? .failed : .done
    }

    private static func perform(
        _ step: StatementBuffer.Step, sourceName: String, number: Int, session: Session
    ) -> CommandOutcome {
        switch step {
        case .blank, .more:
            return .done
        case .command(let line):
            switch DotCommand.parse(line) {
            case .failure(let error):
                printErr("\(sourceName):\(number): error: \(error.message)\n")
                return .failed
            case .success(let command):
                return session.execute(command, place: "\(sourceName):\(number): ")
            }
        case .statement(let text, let firstLine):
            return session.run(text, sourceName: sourceName, firstLine: firstLine) ? .done : .failed
        }
    }
}
