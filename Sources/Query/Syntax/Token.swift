// Tokens: what the lexer makes of query text. Keywords are plain words; the
// parser decides by position whether a word is a keyword or a value.

/// One lexical token with its source range.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A bare word: letters (Danish letters included), digits, `_`, and `-` between
        /// letters (`Høje-Taastrup`). Case is kept; comparisons fold case.
        case word(String)
        /// A quoted string, `"…"` or `'…'`, with the quotes removed.
        case string(String)
        /// An integer literal: `2021`, `751`, `10`.
        case integer(Int)
        /// A decimal literal: `40.5`.
        case decimal(Double)
        /// A paragraph literal: `§83`, `§ 83`, `§§ 95-96`, `§32a`; text after the signs, e.g. "95-96".
        case paragraph(String)
        /// A quarter literal: `2021Q3` or `2021K3`.
        case period(year: Int, quarter: Int)
        /// Punctuation and operators: `,` `(` `)` `;` `=` `!=` `<` `<=` `>` `>=` `..` `.`
        case symbol(String)
        /// A line break (statements may end at one; see docs/LANGUAGE.md).
        case newline
        /// End of input.
        case end
    }

    var kind: Kind
    var range: SourceRange

    init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}
