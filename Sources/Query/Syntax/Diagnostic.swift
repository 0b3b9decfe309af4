// Diagnostics: what every stage returns when the input is wrong. One renderer
// (Output/DiagnosticRenderer.swift) turns them into text with a caret.

/// A problem found in a query or a data file, with where it is and a hint.
public struct Diagnostic: Error, Sendable, Equatable {
    /// Stable code, e.g. "E201". Codes are listed in docs/LANGUAGE.md.
    public var code: String
    /// One line saying what is wrong.
    public var message: String
    /// Where in the source text the problem is.
    public var range: SourceRange
    /// Shown under the caret: the nearest match or what is available.
    public var hint: String?
    /// A complete statement that runs, close to what was typed (`rate where municipality = Aarhus
    /// year 2021` for `rate for Aarhus in 2021`); set by the engine, shown as "did you mean: …".
    public var suggestion: String?

    public init(_ code: String, _ message: String, at range: SourceRange, hint: String? = nil) {
        self.code = code
        self.message = message.excerpted
        self.range = range
        self.hint = hint?.excerpted
    }
}
