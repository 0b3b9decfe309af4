// The process's terminal and output streams: tty checks, colour policy,
// terminal width, and unbuffered writes to file descriptors.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the terminal the shell runs in, read once at start.
struct Terminal {
    var stdinIsTTY: Bool
    var stdoutIsTTY: Bool
    var stderrIsTTY: Bool
    var termIsDumb: Bool
    var noColor: Bool

    /// Reads the current process's terminal state and environment.
    static func current() -> Terminal {
        Terminal(
            stdinIsTTY: isatty(0) == 1, stdoutIsTTY: isatty(1) == 1, stderrIsTTY: isatty(2) == 1,
            termIsDumb: environment("TERM") == "dumb", noColor: environment("NO_COLOR") != nil)
    }

    /// The line editor runs only when both ends are terminals that can be driven.
    var canEdit: Bool { stdinIsTTY && stdoutIsTTY && !termIsDumb }

    /// Colour for results written to stdout.
    var colorOut: Bool { stdoutIsTTY && !noColor && !termIsDumb }

    /// Colour for diagnostics written to stderr.
    var colorErr: Bool { stderrIsTTY && !noColor && !termIsDumb }

    /// Whether the user's locale (LC_ALL, else LC_CTYPE, else LANG) asks for UTF-8; pictures fall back to ASCII otherwise.
    static func localeIsUTF8() -> Bool {
        for variable in ["LC_ALL", "LC_CTYPE", "LANG"] {
            guard let name = environment(variable), !name.isEmpty else { continue }
            let folded = Array(name.lowercased().utf8)
            return folded.indices.contains { folded[$0...].starts(with: "utf-8".utf8) || folded[$0...].starts(with: "utf8".utf8) }
        }
        return false
    }

    /// Columns of the terminal on stdout, 80 when unknown.
    static func width() -> Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}

/// Writes all of `text` to file descriptor `fd`, retrying short writes.
/// Returns false when the write failed (e.g. a closed pipe).
@discardableResult
func writeAll(_ text: String, to fd: Int32) -> Bool {
    var text = text
    return text.withUTF8 { writeAll($0, to: fd) }
}

/// Writes all of `bytes` to `fd`; false when a write fails.
func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
    bytes.withUnsafeBufferPointer { writeAll($0, to: fd) }
}

private func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to fd: Int32) -> Bool {
    guard var base = buffer.baseAddress else { return true }
    var left = buffer.count
    while left > 0 {
        let written = write(fd, base, left)
        if written < 0 {
            if errno == EINTR { continue }
            return false
        }
        left -= written
        base += written
    }
    return true
}

/// Writes to stdout.
func printOut(_ text: String) { writeAll(text, to: 1) }

/// Writes to stderr.
func printErr(_ text: String) { writeAll(text, to: 2) }
