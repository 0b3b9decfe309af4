// The text of a reply (`answer <query>`): blocks written in Danish and English by
// AnswerWriter, rendered here as plain text or markdown. A synthetic-data warning is
// always the first block when any figure is synthetic.

/// A written answer in both languages.
public struct Answer: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        /// The synthetic-data warning (bold in markdown).
        case warning(String)
        /// What the answer is about (the result's title).
        case heading(String)
        case paragraph(String)
        /// A lead line and its items ("Forbehold:").
        case list(String, [String])
        /// The rows, when there are too many for sentences.
        case table(ResultSet)
        /// Citation lines ("Kilde: …").
        case sources([String])
    }

    public var danish: [Block]
    public var english: [Block]

    public func blocks(_ language: Language) -> [Block] { language == .da ? danish : english }

    /// Plain text (`markdown` false) or markdown; blocks separated by blank lines.
    public func text(_ language: Language, markdown: Bool, comma: Bool? = nil) -> String {
        let comma = comma ?? (language == .da)
        return blocks(language).map { block in
            switch block {
            case .warning(let text): markdown ? "**\(text)**" : text
            case .heading(let text): markdown ? "### \(text)" : text
            case .paragraph(let text): text
            case .list(let lead, let items): ([lead] + items.map { "- \($0)" }).joined(separator: "\n")
            case .table(let result):
                markdown
                    ? String(Renderer.markdown(Renderer.cellWords(result, language), comma: comma, language: language).dropLast())
                    : String(Renderer.table(Renderer.cellWords(result, language), color: false, comma: comma, language: language).dropLast())
            case .sources(let lines): lines.joined(separator: "\n")
            }
        }.joined(separator: "\n\n") + "\n"
    }
}
