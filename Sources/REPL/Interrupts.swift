// Ctrl-C while a statement runs: a SIGINT handler that raises the engine's
// cancellation flag, installed only around the statement.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Query

enum Interrupts {
    /// The flag every session's engine watches.
    static let flag = CancellationFlag()

    /// Runs `body` with Ctrl-C cancelling it (the engine stops and reports E901);
    /// the previous SIGINT handling (the line editor's, or the default) is restored after.
    static func cancellingStatements<T>(_ body: () -> T) -> T {
        flag.lower()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Interrupts.flag.raise() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: a read waiting on a pipe returns and sees the flag
        var previous = sigaction()
        sigaction(SIGINT, &action, &previous)
        defer {
            sigaction(SIGINT, &previous, nil)
            flag.lower()
        }
        return body()
    }
}
