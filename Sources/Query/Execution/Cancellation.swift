// Cancelling a running statement from outside (Ctrl-C in the shell): a flag the
// evaluator and the file readers look at between chunks of work.
import Synchronization

/// Raised (e.g. from a signal handler) to stop the statement that is running.
public final class CancellationFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    /// Asks the running statement to stop; safe to call from a signal handler.
    public func raise() { raised.store(true, ordering: .relaxed) }

    public func lower() { raised.store(false, ordering: .relaxed) }

    public var isRaised: Bool { raised.load(ordering: .relaxed) }
}

extension Diagnostic {
    /// The error a cancelled statement ends with.
    static func cancelled(at range: SourceRange) -> Diagnostic {
        Diagnostic("E901", "cancelled", at: range, hint: "Ctrl-C stopped the statement; nothing was changed")
    }
}
