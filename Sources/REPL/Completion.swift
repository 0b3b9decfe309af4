// TAB completion: the partial word before the cursor, candidates from the
// engine (or the shell's own dot commands), and the edit that completes it.
import CEditLine
import Query

/// What TAB does to the line.
struct CompletionEdit: Equatable {
    /// Characters (Unicode scalars) to delete before the cursor: the partial word.
    var delete: Int
    /// Text to insert in its place.
    var insert: String
    /// Candidates to list when there are several.
    var list: [String]
}

/// Pure completion logic, separate from libedit so tests can call it.
enum Completion {
    /// Characters that end a word.
    static let separators: Set<Character> = [" ", "\t", "\n", "(", ")", ",", "=", "<", ">", "!", ";"]

    /// The partial word that ends at the end of `prefix`.
    static func word(before prefix: Substring) -> Substring {
        let start = prefix.lastIndex { separators.contains($0) }.map(prefix.index(after:)) ?? prefix.startIndex
        return prefix[start...]
    }

    /// Candidates for a dot command line, or nil when `prefix` is not one.
    static func shellCandidates(prefix: String) -> [String]? {
        guard DotCommand.isCommand(prefix) else { return nil }
        let words = prefix.split(whereSeparator: \.isWhitespace)
        let endsInBlank = prefix.last?.isWhitespace ?? false
        let partial = endsInBlank ? "" : String(words.last ?? "")
        let all: [String]
        switch (words.count, endsInBlank) {
        case (1, false): all = DotCommand.names
        case (1, true), (2, false):
            switch words[0].lowercased() {
            case ".format", ".mode": all = OutputFormat.allCases.map(\.rawValue)
            case ".timer": all = ["on", "off"]
            case ".decimal": all = ["comma", "point"]
            case ".help": all = HelpTopic.allCases.map(\.rawValue)
            default: all = []
            }
        default: all = []
        }
        let folded = foldName(partial)
        return all.filter { foldName($0).hasPrefix(folded) }
    }

    /// The edit for `word` given the candidates that may replace it. A single match
    /// gets a space after it unless a blank already follows the cursor.
    static func edit(word: Substring, candidates: [String], blankFollows: Bool = false) -> CompletionEdit? {
        var seen = Set<String>()
        let unique = candidates.filter { seen.insert($0).inserted }
        guard let first = unique.first else { return nil }
        let typed = word.unicodeScalars.count
        if unique.count == 1 {
            return CompletionEdit(delete: typed, insert: blankFollows ? first : first + " ", list: [])
        }
        let common = commonPrefix(unique)
        if common.unicodeScalars.count > typed {
            return CompletionEdit(delete: typed, insert: common, list: unique)
        }
        return CompletionEdit(delete: 0, insert: "", list: unique)
    }

    /// The longest prefix all candidates share, ignoring case (spelled as the first).
    static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first.map(Array.init) else { return "" }
        for candidate in candidates.dropFirst() {
            var length = 0
            for (a, b) in zip(prefix, candidate) {
                guard a.lowercased() == b.lowercased() else { break }
                length += 1
            }
            prefix.removeLast(prefix.count - length)
        }
        return String(prefix)
    }

    /// Candidates laid out in columns that fit `width`.
    static func columns(_ items: [String], width: Int, limit: Int = 200) -> String {
        let shown = Array(items.prefix(limit))
        let cell = (shown.map(\.count).max() ?? 0) + 2
        let perRow = max(1, width / max(cell, 1))
        var text = ""
        for (index, item) in shown.enumerated() {
            let last = index % perRow == perRow - 1 || index == shown.count - 1
            text += last ? item + "\n" : item.padding(to: cell)
        }
        if items.count > shown.count { text += "… and \(items.count - shown.count) more\n" }
        return text
    }
}

/// Connects libedit's TAB key to the session's engine.
final class Completer {
    unowned let session: Session
    /// Lines of an unfinished statement above the one being edited.
    var pending = ""

    init(session: Session) { self.session = session }

    /// Completes the word before the cursor in `editor`; returns a DKQ_CC_* code.
    func complete(_ editor: OpaquePointer) -> UInt8 {
        var length: Int32 = 0
        var cursor: Int32 = 0
        guard let buffer = dkq_editor_line(editor, &length, &cursor), cursor >= 0, cursor <= length else {
            return UInt8(DKQ_CC_ERROR)
        }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(length))
        let line = String(decoding: bytes, as: UTF8.self)
        let prefix = String(decoding: bytes[..<Int(cursor)], as: UTF8.self)
        let candidates: [String]
        // The engine decides where the partial word starts (quotes, hyphenated names).
        var word = Substring(String(decoding: bytes[Engine.completionStart(in: line, cursor: Int(cursor))..<Int(cursor)], as: UTF8.self))
        if pending.isEmpty, let shell = Completion.shellCandidates(prefix: prefix) {
            candidates = shell
            word = Completion.word(before: prefix[...])
        } else if pending.isEmpty {
            candidates = session.engine.completions(in: line, cursor: Int(cursor))
        } else {
            let text = pending + "\n" + line
            candidates = session.engine.completions(in: text, cursor: pending.utf8.count + 1 + Int(cursor))
        }
        let blankFollows = cursor < length && bytes[Int(cursor)] == UInt8(ascii: " ")
        guard let edit = Completion.edit(word: word, candidates: candidates, blankFollows: blankFollows) else {
            return UInt8(DKQ_CC_REFRESH_BEEP)
        }
        if edit.delete > 0 { dkq_editor_delete_before_cursor(editor, Int32(edit.delete)) }
        if !edit.insert.isEmpty, dkq_editor_insert(editor, edit.insert) != 0 { return UInt8(DKQ_CC_ERROR) }
        guard !edit.list.isEmpty else { return UInt8(DKQ_CC_REFRESH) }
        printOut("\n" + Completion.columns(edit.list, width: Terminal.width()))
        return UInt8(DKQ_CC_REDISPLAY)
    }
}
