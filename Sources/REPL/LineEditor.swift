// The libedit line editor, seen from Swift: prompt, read a line, history,
// TAB completion. All C calls go through the CEditLine shim.
import CEditLine

/// An interactive line editor on the terminal.
final class LineEditor {
    /// The result of reading one line.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C: drop the line and any pending statement.
        case interrupted
        /// Ctrl-D on an empty line, or the terminal went away.
        case end
        /// The line held bytes that are not UTF-8.
        case invalid(String)
    }

    private let editor: OpaquePointer
    private var completer: Completer?

    /// Opens the editor, or nil when libedit cannot start.
    init?(historySize: Int) {
        guard let editor = dkq_editor_open("dkq", Int32(historySize)) else { return nil }
        self.editor = editor
    }

    deinit { dkq_editor_close(editor) }

    /// Shows `prompt` and reads one line (without its newline).
    func read(prompt: String) -> Input {
        dkq_editor_set_prompt(editor, prompt)
        var count: Int32 = 0
        guard let pointer = dkq_editor_gets(editor, &count) else {
            return dkq_editor_interrupted(editor) != 0 ? .interrupted : .end
        }
        var line = String(cString: pointer)
        if line.hasSuffix("\n") { line.removeLast() }
        if dkq_editor_invalid_input(editor) != 0 {
            let offset = line.utf8.count - (line.firstRange(of: "\u{FFFD}").map { line[$0.lowerBound...].utf8.count } ?? 0)
            return .invalid("invalid UTF-8 at byte \(offset + 1) of the line")
        }
        return .line(line)
    }

    /// True when more input is already waiting: the user is pasting several lines.
    var inputPending: Bool { dkq_editor_input_pending(editor) != 0 }

    /// Adds an entry to the in-memory history (Up arrow, Ctrl-R).
    func addHistory(_ entry: String) {
        dkq_editor_history_add(editor, entry)
    }

    /// Binds TAB to `completer`, which the editor keeps alive.
    func setCompleter(_ completer: Completer) {
        self.completer = completer
        let context = Unmanaged.passUnretained(completer).toOpaque()
        dkq_editor_set_completion(editor, { editor, context in
            guard let editor, let context else { return UInt8(DKQ_CC_ERROR) }
            return Unmanaged<Completer>.fromOpaque(context).takeUnretainedValue().complete(editor)
        }, context)
    }
}
