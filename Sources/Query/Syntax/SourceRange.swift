// Source positions: every token, node and diagnostic carries a range of UTF-8
// byte offsets into the text it came from; lines and columns are computed only
// when a diagnostic is rendered.

/// A half-open range of UTF-8 byte offsets into a source text.
public struct SourceRange: Sendable, Equatable, Hashable {
    public var lower: Int
    public var upper: Int

    public init(_ lower: Int, _ upper: Int) {
        self.lower = lower
        self.upper = upper
    }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(min(lower, other.lower), max(upper, other.upper))
    }

    /// An empty range at the end of this one (for "expected … here" errors).
    public var end: SourceRange { SourceRange(upper, upper) }
}
