// Test support: find the built `dkq`, a data folder, run dkq as a subprocess,
// and temporary files.
import Foundation
import Query

/// The repository root (this file is Tests/ShellTests/Support.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

/// The built executable: $DKQ_BINARY, else next to the test bundle, else .build/debug/dkq.
/// Build it first: `swift build --product dkq` (`make test` does).
let dkqBinary: String = {
    var candidates: [String] = []
    if let path = ProcessInfo.processInfo.environment["DKQ_BINARY"] { candidates.append(path) }
    if let argument = CommandLine.arguments.first {
        candidates.append(URL(fileURLWithPath: argument).deletingLastPathComponent().appendingPathComponent("dkq").path)
    }
    candidates.append(repositoryRoot + "/.build/debug/dkq")
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last ?? "dkq"
}()

/// The shipped datasets.
let dataFolder = repositoryRoot + "/datasets"

/// What a finished dkq run gave.
struct RunResult {
    var status: Int32
    /// False when dkq died from a signal (a crash).
    var exitedNormally: Bool
    var stdout: String
    var stderr: String
    var stdoutBytes: Data
}

/// Runs dkq with `arguments`, feeding `stdin`; outputs go through files so large ones cannot block.
func runDkq(
    _ arguments: [String], stdin: Data = Data(), environment: [String: String] = [:],
    directory: String? = nil, timeout: TimeInterval = 20
) throws -> RunResult {
    let scratch = try temporaryPath("run")
    let inPath = scratch + ".in", outPath = scratch + ".out", errPath = scratch + ".err"
    try stdin.write(to: URL(fileURLWithPath: inPath))
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: dkqBinary)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["DKQ_HISTORY"] = scratch + ".history"
    env["DKQ_DATA"] = dataFolder
    env["HOME"] = scratch + ".home"  // no ~/.dkqrc unless a test writes one
    env["DKQ_CACHE"] = scratch + ".cache"  // no store or kept loads shared between runs
    env.removeValue(forKey: "NO_COLOR")
    env["DKQ_LANGUAGE"] = "en"  // English output whatever the machine's locale; tests override it
    for (key, value) in environment { env[key] = value }
    process.environment = env
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(5_000) }
    if process.isRunning {
        process.terminate()
        process.waitUntilExit()
    }
    let out = try Data(contentsOf: URL(fileURLWithPath: outPath))
    let err = try Data(contentsOf: URL(fileURLWithPath: errPath))
    return RunResult(
        status: process.terminationStatus, exitedNormally: process.terminationReason == .exit,
        stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
        stdoutBytes: out)
}

/// Writes `text` to a new temporary file and returns its path.
func temporaryFile(_ name: String, _ text: String) throws -> String {
    let path = try temporaryPath(name)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// A fresh path in a new temporary folder.
func temporaryPath(_ name: String = "file") throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dkq-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent(name).path
}
