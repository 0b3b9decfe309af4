// Collects input lines into statements: a dot command stands alone on a line,
// a statement continues while the engine says it is unfinished.
import Query

/// Lines typed or read so far that do not yet make a whole statement.
struct StatementBuffer {
    /// What the caller should do with a line.
    enum Step: Equatable {
        /// Nothing to do (a blank line between statements).
        case blank
        /// A dot command line.
        case command(String)
        /// The statement is unfinished; read another line.
        case more
        /// A whole statement (possibly several lines) starting at `firstLine`.
        case statement(String, firstLine: Int)
    }

    private(set) var text = ""
    private(set) var firstLine = 0
    /// Scripts hold a complete statement until the next line shows whether it goes on
    /// (`rate, cases` then `  by municipality`); the interactive shell runs it at once.
    var holdsComplete = false

    /// True when no statement is pending.
    var isEmpty: Bool { text.isEmpty }

    /// Adds line number `number` (1-based; pass 1 when lines are not numbered). Returns what
    /// to do, in order: a held statement may be released before the line's own step.
    mutating func add(_ line: String, number: Int) -> [Step] {
        if !text.isEmpty, !Engine.needsMoreInput(text) {
            // A complete statement was held: this line decides whether it goes on.
            if DotCommand.isCommand(line) || Engine.continuesStatement(line) == false {
                return [take()] + add(line, number: number)
            }
            text += "\n" + line
            return holdsComplete ? [.more] : [take()]
        }
        if text.isEmpty {
            if line.allSatisfy(\.isWhitespace) { return [.blank] }
            if DotCommand.isCommand(line) { return [.command(line)] }
            text = line
            firstLine = number
        } else {
            text += "\n" + line
        }
        if Engine.needsMoreInput(text) || holdsComplete { return [.more] }
        return [take()]
    }

    /// At the end of input: whatever is pending, so the engine can report it.
    mutating func finish() -> Step? {
        text.isEmpty ? nil : take()
    }

    /// Drops the pending statement (Ctrl-C).
    mutating func reset() {
        text = ""
        firstLine = 0
    }

    private mutating func take() -> Step {
        let step = Step.statement(text, firstLine: firstLine)
        reset()
        return step
    }
}
