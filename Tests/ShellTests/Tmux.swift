// Drives dkq in a real terminal: a private tmux server per session, keys sent
// with send-keys, the screen read with capture-pane and polled with a timeout.
import Foundation

/// True when tmux is installed (the interactive tests need it).
let tmuxAvailable = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
    .contains { FileManager.default.isExecutableFile(atPath: $0) }

/// One dkq shell running in its own tmux server.
final class TmuxShell {
    let socket = "dkq-test-\(UUID().uuidString.prefix(8))"
    let historyPath: String

    /// Starts dkq with LANG=C (dkq must switch to UTF-8 itself). After dkq exits, the
    /// pane prints `EXIT=<status>` and the terminal's icanon/echo flags.
    init(historyPath: String, arguments: String = "", width: Int = 120, height: Int = 40, environment: String = "") throws {
        self.historyPath = historyPath
        let command = "env -u LC_ALL -u LC_CTYPE -u LC_MESSAGES -u DKQ_LANGUAGE -u XDG_CACHE_HOME LANG=C TERM=xterm-256color HOME=/nonexistent DKQ_CACHE=off \(environment) DKQ_HISTORY='\(historyPath)' "
            + "DKQ_DATA='\(dataFolder)' '\(dkqBinary)' \(arguments); echo EXIT=$?; "
            + "stty -a | tr ' ;' '\\n\\n' | grep -e icanon -e '^-*echo$'; sleep 60"
        tmux(["new-session", "-d", "-x", String(width), "-y", String(height), command])
    }

    deinit { tmux(["kill-server"]) }

    /// Runs a tmux command on this shell's server and returns its output.
    @discardableResult
    func tmux(_ arguments: [String]) -> String {
        spawnAndWait(["tmux", "-f", "/dev/null", "-L", socket] + arguments)
    }

    /// Sends keys by tmux name: "Enter", "BSpace", "C-a", "Up", "Tab".
    func press(_ keys: String...) { tmux(["send-keys", "-t", "0"] + keys) }

    /// Types text literally.
    func type(_ text: String) { tmux(["send-keys", "-t", "0", "-l", text]) }

    /// Pastes text as a terminal paste does: all of it at once (tmux turns newlines into Enter).
    func paste(_ text: String) {
        tmux(["set-buffer", "--", text])
        tmux(["paste-buffer", "-t", "0"])
    }

    /// Sends raw bytes, given in hex.
    func sendBytes(_ hex: [String]) { tmux(["send-keys", "-t", "0", "-H"] + hex) }

    /// The visible screen, trailing blanks trimmed from each line.
    func screen() -> [String] {
        var lines = tmux(["capture-pane", "-p", "-t", "0"]).split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The last non-empty line (where the cursor usually is).
    var lastLine: String { screen().last ?? "" }

    /// Polls the screen until `condition` holds; false after `timeout` seconds.
    @discardableResult
    func waitFor(timeout: TimeInterval = 8, _ condition: ([String]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if condition(screen()) { return true }
            usleep(20_000)
        } while Date() < deadline
        return false
    }

    /// Waits until the last line is exactly `line`.
    @discardableResult
    func waitForLastLine(_ line: String, timeout: TimeInterval = 8) -> Bool {
        waitFor(timeout: timeout) { $0.last == line }
    }

    /// Waits until some line is exactly `line`.
    @discardableResult
    func waitForLine(_ line: String, timeout: TimeInterval = 8) -> Bool {
        waitFor(timeout: timeout) { $0.contains(line) }
    }

    /// The history file's entries as dkq saved them.
    func savedHistory() -> [String] {
        guard let text = try? String(contentsOfFile: historyPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().map { String($0) }
    }
}

/// Runs a program found on PATH with a clean signal mask and default signal
/// handlers, waits for it, and returns its stdout. Foundation's `Process` passes on
/// the test runner's blocked signals (and a pipe the tmux server would inherit);
/// dkq in tmux must see Ctrl-C as a real terminal user's shell would.
func spawnAndWait(_ arguments: [String]) -> String {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: output) }
    var actions = posix_spawn_file_actions_t()
    var attributes = posix_spawnattr_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawnattr_init(&attributes)
    defer {
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attributes)
    }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var empty = sigset_t()
    var all = sigset_t()
    sigemptyset(&empty)
    sigfillset(&all)
    sigdelset(&all, SIGKILL)
    sigdelset(&all, SIGSTOP)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var environment = ProcessInfo.processInfo.environment
    environment["LANG"] = "C.UTF-8"
    environment.removeValue(forKey: "TMUX")
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    var pid = pid_t()
    guard posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp) == 0 else { return "" }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
}
