// TAB completion: the partial word before the cursor, candidates from the
// engine (or the shell's own dot commands, or file names after load, .read,
// .output, .once), and the edit that completes it; lists sorted as in Danish.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
        let sorted = unique.sorted { danishOrder($0) < danishOrder($1) }
        let common = commonPrefix(unique)
        if common.unicodeScalars.count > typed {
            return CompletionEdit(delete: typed, insert: common, list: sorted)
        }
        return CompletionEdit(delete: 0, insert: "", list: sorted)
    }

    /// A key that sorts names as a Danish list does: case and quotes ignored, æ, ø, å after z.
    static func danishOrder(_ name: String) -> String {
        String(name.lowercased().compactMap { character -> Character? in
            switch character {
            case "\"": nil
            case "æ": "{"
            case "ø": "|"
            case "å": "}"
            default: character
            }
        })
    }

    /// Commands whose argument is a file name.
    static let fileCommands: Set<String> = ["load", "unload", ".read", ".output", ".once"]

    /// File name completion after `load`, `.read`, `.output`, `.once` (`prefix` is the line up
    /// to the cursor), or nil for other lines. `load` gets a quoted path, as the language wants.
    static func fileEdit(prefix: String, listing: (String) -> [(name: String, directory: Bool)] = listDirectory) -> CompletionEdit?? {
        let trimmed = prefix.drop { $0 == " " || $0 == "\t" }
        guard let blank = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }),
              fileCommands.contains(trimmed[..<blank].lowercased()) else { return nil }
        let command = trimmed[..<blank].lowercased()
        let typed = trimmed[blank...].drop { $0 == " " || $0 == "\t" }
        let quoted = typed.hasPrefix("\"")
        let path = quoted ? typed.dropFirst() : typed
        guard !path.contains("\"") else { return nil }  // after a closing quote: nothing to complete
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        let base = String(path.dropFirst(folder.count))
        let home = environment("HOME") ?? ""
        let searched = folder.isEmpty ? "." : folder.hasPrefix("~/") ? home + folder.dropFirst() : folder
        let entries = listing(searched)
            .filter { $0.name.hasPrefix(base) && ($0.name.first != "." || base.first == ".") && $0.name != "." && $0.name != ".." }
            .map { (folder + $0.name + ($0.directory ? "/" : ""), $0.directory) }
        guard !entries.isEmpty else { return .some(nil) }
        let quote = command == "load" || command == "unload" || entries.contains { $0.0.contains(" ") } ? "\"" : ""
        let delete = typed.unicodeScalars.count
        if entries.count == 1, let (name, directory) = entries.first {
            return CompletionEdit(delete: delete, insert: quote + name + (directory ? "" : quote + " "), list: [])
        }
        let names = entries.map(\.0)
        let common = commonPrefix(names)
        let shown = names.map { String($0.dropFirst(folder.count)) }.sorted { danishOrder($0) < danishOrder($1) }
        return CompletionEdit(delete: delete, insert: quote + common, list: shown)
    }

    /// The entries of a folder, with whether each is a folder itself.
    static func listDirectory(_ path: String) -> [(name: String, directory: Bool)] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var entries: [(name: String, directory: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            entries.append((name, DataLocation.isDirectory(path + "/" + name)))
        }
        return entries
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
        let blankFollows = cursor < length && bytes[Int(cursor)] == UInt8(ascii: " ")
        if pending.isEmpty, let fileEdit = Completion.fileEdit(prefix: prefix) {
            return apply(fileEdit, to: editor)
        }
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
        return apply(Completion.edit(word: word, candidates: candidates, blankFollows: blankFollows), to: editor)
    }

    /// Makes the edit on the line and lists the candidates; a beep when there is none.
    private func apply(_ edit: CompletionEdit?, to editor: OpaquePointer) -> UInt8 {
        guard let edit else { return UInt8(DKQ_CC_REFRESH_BEEP) }
        if edit.delete > 0 { dkq_editor_delete_before_cursor(editor, Int32(edit.delete)) }
        if !edit.insert.isEmpty, dkq_editor_insert(editor, edit.insert) != 0 { return UInt8(DKQ_CC_ERROR) }
        guard !edit.list.isEmpty else { return UInt8(DKQ_CC_REFRESH) }
        printOut("\n" + Completion.columns(edit.list, width: Terminal.width()))
        return UInt8(DKQ_CC_REDISPLAY)
    }
}
