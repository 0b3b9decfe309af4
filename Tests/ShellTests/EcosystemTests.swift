// dkq among other tools: its CSV read by Python's csv module (and DuckDB when
// installed), .once inferring the format, completion scripts that load in bash
// and zsh, ~/.dkqrc and --init, and script variables (--set, .set, $NAME).
import Foundation
import Testing

/// Runs a program found on PATH with `arguments`; nil when it is not installed.
func runTool(_ arguments: [String], stdin: String = "") throws -> RunResult? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    guard let tool = path.split(separator: ":").map({ "\($0)/\(arguments[0])" })
        .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
    let scratch = try temporaryPath("tool")
    try stdin.write(toFile: scratch + ".in", atomically: true, encoding: .utf8)
    _ = FileManager.default.createFile(atPath: scratch + ".out", contents: nil)
    _ = FileManager.default.createFile(atPath: scratch + ".err", contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = Array(arguments.dropFirst())
    process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: scratch + ".in"))
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + ".out"))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + ".err"))
    try process.run()
    process.waitUntilExit()
    let out = try Data(contentsOf: URL(fileURLWithPath: scratch + ".out"))
    return RunResult(
        status: process.terminationStatus, exitedNormally: process.terminationReason == .exit,
        stdout: String(decoding: out, as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: scratch + ".err")), as: UTF8.self), stdoutBytes: out)
}

@Suite struct EcosystemTests {
    /// 98 municipalities: Python's csv module reads exactly the header and 98 data rows,
    /// each with the synthetic label; the notes (one holds commas) are not in the file.
    @Test func pythonCSVReadsExactlyTheDataRows() throws {
        let file = try temporaryPath("rates.csv")
        let dkq = try runDkq(["--format", "csv", "-c", ".once \(file)\nrate, cases by municipality year 2021 vs national"])
        #expect(dkq.status == 0, "\(dkq.stderr)")
        #expect(dkq.stderr.contains("# SYNTHETIC DEMO DATA"), "the notes go to stderr")
        let script = """
            import csv, sys
            with open(sys.argv[1], newline="") as f:
                rows = list(csv.reader(f))
            print(len(rows) - 1, len(rows[0]), rows[0][-1], len({r[-1] for r in rows[1:]}), rows[1][-1])
            assert all(len(r) == len(rows[0]) for r in rows)
            """
        let python = try #require(try runTool(["python3", "-c", script, file]))
        #expect(python.status == 0, "\(python.stderr)")
        #expect(python.stdout == "98 7 data_kind 1 SYNTHETIC DEMO\n")
        #expect(dkq.stderr.contains("# national_* = all municipalities under the same conditions; diff_* in percentage points"))
    }

    @Test func duckDBReadsTheCSVWhenInstalled() throws {
        guard try runTool(["python3", "-c", "import duckdb"])?.status == 0 else { return }
        let dkq = try runDkq(["--format", "csv", "-c", "rate, cases by municipality year 2021"])
        let file = try temporaryFile("rates.csv", dkq.stdout)
        let query = "import duckdb,sys; print(duckdb.sql(f\"select count(*), sum(cases) from read_csv('{sys.argv[1]}')\").fetchall()[0])"
        let duck = try #require(try runTool(["python3", "-c", query, file]))
        let cases = dkq.stdout.split(separator: "\n").dropFirst().compactMap { Int($0.split(separator: ",")[2]) }.reduce(0, +)
        #expect(duck.stdout == "(98, \(cases))\n", "\(duck.stderr)")
    }

    @Test func onceAndOutputTakeTheFormatFromTheExtension() throws {
        let folder = try temporaryPath("out")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let result = try runDkq(["-c", """
            .once \(folder)/a.csv
            rate by region year 2021
            .once \(folder)/a.json
            rate by region year 2021
            .output \(folder)/b.tsv
            rate by region year 2021
            .output
            rate by region year 2021
            """])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: folder + "/a.csv", encoding: .utf8).hasPrefix("region,rate,cases,data_kind\n"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/a.json"))) as? [String: Any]
        #expect((json?["rows"] as? [Any])?.count == 5)
        #expect(json?["data_kind"] as? String == "synthetic")
        #expect(try String(contentsOfFile: folder + "/b.tsv", encoding: .utf8).hasPrefix("region\trate\tcases\tdata_kind\n"))
        #expect(result.stdout.contains("┌"), "the screen keeps the table format")
    }

    @Test func completionScriptsLoadInBashAndZsh() throws {
        for shell in ["bash", "zsh"] {
            let script = try runDkq(["--generate-completion-script", shell])
            #expect(script.status == 0)
            let file = try temporaryFile("dkq-completion." + shell, script.stdout)
            let check = shell == "bash"
                ? "source '\(file)' && complete -p dkq"
                : "autoload -U compinit && compinit -u && source '\(file)' && whence -w _dkq"
            guard let loaded = try runTool([shell, "-c", check]) else { continue }  // zsh not installed
            #expect(loaded.status == 0, "\(shell): \(loaded.stderr)")
            #expect(loaded.stdout.contains(shell == "bash" ? "-F _dkq dkq" : "_dkq: function"), "\(loaded.stdout)")
        }
    }

    @Test func dkqrcRunsFirstAndInitReplacesIt() throws {
        let home = try temporaryPath("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try ".format csv\n.set kommune Odense\n".write(toFile: home + "/.dkqrc", atomically: true, encoding: .utf8)
        let result = try runDkq(["-c", "rate where municipality = $kommune year 2021"], environment: ["HOME": home])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("rate,cases,data_kind\n") || result.stdout.hasPrefix("rate,data_kind\n"), "\(result.stdout)")
        let other = try temporaryFile("rc", ".format json\n")
        let replaced = try runDkq(["--init", other, "-c", ".format"], environment: ["HOME": home])
        #expect(replaced.stdout == "json\n")
        let skipped = try runDkq(["--no-init", "-c", ".format"], environment: ["HOME": home])
        #expect(skipped.stdout == "table\n")
        let missing = try runDkq(["--init", "/nonexistent/rc", "-c", ".format"], environment: ["HOME": home])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/rc: error: cannot read"))
    }

    @Test func variablesFromTheCommandLineAndDotSet() throws {
        let script = try temporaryFile("v.dkq", "rate by year where municipality = $kommune year $år\n.set kommune Høje-Taastrup\nrate by year where municipality = $kommune year $år\n")
        let result = try runDkq(["--format", "csv", script, "--set", "kommune=Odense", "--set", "år=2024"])
        #expect(result.status == 0, "\(result.stderr)")
        let odense = try runDkq(["--format", "csv", "-c", "rate by year where municipality = Odense year 2024"])
        let taastrup = try runDkq(["--format", "csv", "-c", "rate by year where municipality = \"Høje-Taastrup\" year 2024"])
        #expect(result.stdout == odense.stdout + taastrup.stdout)
        let listed = try runDkq(["-c", ".set", "--set", "b=2", "--set", "a=x y"])
        #expect(listed.stdout == "$a = x y\n$b = 2\n")
    }

    @Test func anUnsetVariableIsAnErrorWithACaret() throws {
        let script = try temporaryFile("u.dkq", "-- $kommune in a comment is fine\nrate where municipality = $komune year 2021\n")
        let result = try runDkq([script, "--set", "kommune=Odense"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error[E310]: variable $komune is not set"), "\(result.stderr)")
        #expect(result.stderr.contains("u.dkq:2:27"), "\(result.stderr)")
        #expect(result.stderr.contains("^^^^^^^ did you mean $kommune? set it with --set komune=VALUE"), "\(result.stderr)")
    }
}
