// Script variables: `--set kommune=Odense` and `.set kommune Odense` give values that
// `$kommune` in a statement stands for; an unset one is an error with a caret.
import Query

/// Named values substituted into statement text before it runs.
enum Variables {
    struct Assignment: Equatable {
        var name: String
        var value: String
    }

    /// `NAME=VALUE`, or nil when the text is not one.
    static func assignment(_ text: String) -> Assignment? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let name = String(text[..<equals])
        guard isName(name) else { return nil }
        return Assignment(name: name, value: String(text[text.index(after: equals)...]))
    }

    /// Letters (æ, ø, å too), digits and `_`, not starting with a digit.
    static func isName(_ text: String) -> Bool {
        guard let first = text.first, !first.isNumber else { return false }
        return text.allSatisfy(isNameCharacter)
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// `text` with each `$NAME` outside comments replaced by its value: as written inside
    /// a quoted string, and outside one as a word when it is one (Odense, 2024, 2019..2023,
    /// §83) or a list (it holds a comma), else in quotes ("Høje-Taastrup").
    static func expand(_ text: String, values: [String: String]) throws(Diagnostic) -> String {
        guard text.contains("$") else { return text }
        var out = ""
        var quote: Character?
        var inComment = false
        var offset = 0  // UTF-8 offset of `index` in `text`
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if inComment {
                if character == "\n" { inComment = false }
            } else if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" || (character == "-" && next < text.endIndex && text[next] == "-") {
                inComment = true
            }
            if !inComment, character == "$", next < text.endIndex, isNameCharacter(text[next]) {
                let end = text[next...].firstIndex { !isNameCharacter($0) } ?? text.endIndex
                let name = String(text[next..<end])
                let length = 1 + name.utf8.count
                guard let value = values[name] else {
                    let known = values.keys.sorted()
                    let hint = nearest(name, in: known).map { "did you mean $\($0)? " } ?? ""
                    throw Diagnostic(
                        "E310", "variable $\(name) is not set", at: SourceRange(offset, offset + length),
                        hint: hint + "set it with --set \(name)=VALUE on the command line or .set \(name) VALUE")
                }
                out += quote != nil ? value : word(value)
                offset += length
                index = end
                continue
            }
            out.append(character)
            offset += character.utf8.count
            index = next
        }
        return out
    }

    /// A value as it stands in a statement outside quotes.
    static func word(_ value: String) -> String {
        let plain = !value.isEmpty && value.allSatisfy { isNameCharacter($0) || $0 == "." || $0 == "§" }
        return plain || value.contains(",") || value.contains("\"") ? value : "\"" + value + "\""
    }
}
