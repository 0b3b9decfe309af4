// Errors in data files: they point at file, line and column (or cell) so a
// user can open the file and see the problem.

/// A problem in a data file.
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String
    /// 1-based line; 0 when the problem is the whole file (e.g. empty).
    public var line: Int
    /// 1-based column in characters; 0 when not applicable.
    public var column: Int
    public var message: String

    public init(file: String, line: Int = 0, column: Int = 0, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message.excerpted
    }

    /// `file:line:column: error: message`, the form editors jump to.
    public var description: String {
        var place = file
        if line > 0 { place += ":\(line)" }
        if column > 0 { place += ":\(column)" }
        return "\(place): error: \(message)"
    }
}
