// `load` and `check`: bringing real data files into a running engine and
// checking them against the published national figures.

extension Engine {
    mutating func load(_ path: Literal, source: String) throws(Diagnostic) -> StatementOutput {
        throw Diagnostic("E300", "load is not wired up yet", at: path.range)
    }

    func check() -> String {
        "check: no reference comparison yet"
    }
}
