// The catalogue as Markdown tables for docs/LANGUAGE.md (a test checks the
// document's generated sections equal these) and as plain lists for help.

extension Schema {
    /// The generated sections of docs/LANGUAGE.md, by marker name.
    public static var documentation: [(name: String, text: String)] {
        [("keywords", keywordTable), ("show", showTable), ("measures", measureTable), ("dimensions", dimensionTable), ("areas", areaTable)]
    }

    static func code(_ words: [String]) -> String { words.map { "`\($0)`" }.joined(separator: ", ") }

    static var keywordTable: String {
        "| Keyword | Spellings | Example |\n|---|---|---|\n"
            + keywords.map { "| `\($0.keyword.rawValue)` | \(code($0.spellings)) | `\($0.example)` |\n" }.joined()
    }

    static var showTable: String {
        "| `show` | Spellings |\n|---|---|\n"
            + showTargets.map { "| `\($0.spellings[0])` | \(code($0.spellings)) |\n" }.joined()
    }

    static var measureTable: String {
        "| Measure | Also written | Unit | Definition | Formula |\n|---|---|---|---|---|\n"
            + measures.map { m in
                "| `\(m.name)` | \(code(m.spellings)) | \(m.unit.rawValue) | \(m.definition) | \(m.formula) |\n"
            }.joined()
    }

    static var dimensionTable: String {
        "| Dimension | Also written | Values |\n|---|---|---|\n"
            + dimensions.map { d in "| `\(d.name)` | \(code(d.spellings)) | \(d.definition) |\n" }.joined()
    }

    static var areaTable: String {
        "| Area | In queries | In data files | In imports (folded) |\n|---|---|---|---|\n"
            + areas.map { a in
                "| \(a.area.rawValue) | \(code(a.query)) | `\(a.file)` | \(code(a.imports + [a.published])) |\n"
            }.joined()
    }
}

extension Schema {
    /// Every keyword and `show` spelling as plain lines, for the shell's `.help language`.
    public static var keywordHelp: String {
        let width = (keywords.map(\.keyword.rawValue.count).max() ?? 0) + 2
        return "Keywords and their spellings (a statement may mix them)\n"
            + keywords.map { "  " + $0.keyword.rawValue.padding(width) + $0.spellings.joined(separator: ", ") + "\n" }.joined()
            + "  " + "show …".padding(width) + showTargets.map { $0.spellings.joined(separator: "/") }.joined(separator: ", ") + "\n\n"
    }

    /// A help line's text followed by the other spellings: `… (also: antal sager, sager)`.
    public static func withSpellings(_ text: String, _ spellings: [String]) -> String {
        spellings.isEmpty ? text : "\(text) (also: \(spellings.joined(separator: ", ")))"
    }
}

private extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(1, width - count)) }
}
