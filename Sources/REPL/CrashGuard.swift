// A crash ends dkq with one short line instead of the Swift backtracer taking over the
// user's terminal: handlers for the fatal signals restore the terminal and say what happened.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum CrashGuard {
    /// The terminal's settings at start, in heap memory of C's size: ASan caught tcgetattr
    /// writing 60 bytes into a Swift global `termios` that it had registered as 57.
    nonisolated(unsafe) private static let savedTerminal = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) private static var hasTerminal = false
    private static let signals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]
    /// The handlers' own stack, so a stack overflow can still be reported. It lives as long
    /// as the process, held here (LeakSanitizer reported it as leaked when only the kernel held it).
    private static let alternateStackSize = 1 << 16
    nonisolated(unsafe) private static let alternateStack = UnsafeMutableRawPointer.allocate(byteCount: alternateStackSize, alignment: 16)

    /// Installs the handlers, unless SWIFT_BACKTRACE is set: then whoever set it wants the backtrace.
    static func install() {
        if getenv("SWIFT_BACKTRACE") != nil { return }
        hasTerminal = isatty(0) == 1 && tcgetattr(0, savedTerminal) == 0
        var stack = stack_t()
        stack.ss_sp = alternateStack
        stack.ss_size = alternateStackSize
        sigaltstack(&stack, nil)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in CrashGuard.crashed(signal) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_ONSTACK | Int32(bitPattern: UInt32(SA_RESETHAND))
        for signal in signals { sigaction(signal, &action, nil) }
    }

    /// Only async-signal-safe calls: restore the terminal, write one line, die by the same signal.
    private static func crashed(_ signal: Int32) {
        if hasTerminal { tcsetattr(0, TCSANOW, savedTerminal) }
        let message: StaticString = "\ndkq: internal error: the program crashed and has stopped. This is a bug; please report the statement you ran (it is in your history). Set SWIFT_BACKTRACE=enable=yes to see a backtrace.\n"
        _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
        raise(signal)  // SA_RESETHAND made the default action current again
    }
}
