// Golden tests: each file in Tests/Golden holds cases of query text, a `----`
// line and the exact output (result or error), cases separated by `====`.
// RECORD_GOLDEN=1 rewrites the expected parts; a failure prints a line diff.

import Foundation
import Testing
@testable import Query

/// One golden case.
struct GoldenCase: CustomStringConvertible {
    var file: String
    var line: Int
    var query: String
    var format: OutputFormat
    /// Words after the format on the `@format` line: `ascii`, `color`.
    var flags: [String] = []
    var language: Language?
    var expected: String
    var description: String { "\(file):\(line)" }
}

enum Golden {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = root.appendingPathComponent("Tests/Golden")
    static let dataFolder = root.appendingPathComponent("datasets").path

    static let engine: Engine? = try? Engine.open(dataDirectory: dataFolder)

    /// The comma-separated lines a reference script in Tests/Reference prints (computed without dkq).
    static func reference(_ script: String, _ arguments: [String]) throws -> [[String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Tests/Reference/\(script)").path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
    }

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".test") }.sorted()
    }

    static func cases(in file: String) -> [GoldenCase] {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else { return [] }
        var result: [GoldenCase] = []
        var lineNumber = 0
        for block in text.components(separatedBy: "\n====\n") {
            let lines = block.components(separatedBy: "\n")
            defer { lineNumber += lines.count + 1 }
            guard let divider = lines.firstIndex(of: "----") else { continue }
            var queryLines = Array(lines[..<divider])
            var format = OutputFormat.table
            var flags: [String] = []
            var language: Language?
            while let first = queryLines.first, first.hasPrefix("#") || first.isEmpty || first.hasPrefix("@format ") || first.hasPrefix("@language ") {
                let words = first.dropFirst(8).split(separator: " ").map(String.init)
                if first.hasPrefix("@format "), let name = words.first, let f = OutputFormat(rawValue: name) {
                    format = f
                    flags = Array(words.dropFirst())
                }
                if first.hasPrefix("@language "), let l = Language(rawValue: String(first.dropFirst(10))) { language = l }
                queryLines.removeFirst()
            }
            var expected = lines[(divider + 1)...].joined(separator: "\n")
            if !expected.isEmpty, !expected.hasSuffix("\n") { expected += "\n" }
            result.append(GoldenCase(
                file: file, line: lineNumber + 1 + (lines.count - queryLines.count - (lines.count - divider)),
                query: queryLines.joined(separator: "\n"), format: format, flags: flags, language: language, expected: expected))
        }
        return result
    }

    static func output(of query: String, format: OutputFormat, flags: [String] = [], language: Language? = nil) -> String {
        guard var engine else { return "<datasets failed to load>" }
        engine.language = language ?? .en
        let options = RenderOptions(format: format, color: flags.contains("color"), language: language,
                                    ascii: flags.contains("ascii"), atlas: engine.store.atlas)
        // What a terminal shows: the output, then the notes csv/tsv send to stderr.
        return engine.run(query).map {
            Renderer.render($0, source: query, sourceName: "query", options: options)
                + Renderer.notes($0, format: format, language: language ?? .en)
        }.joined()
    }

    static func record(_ file: String) throws {
        let cases = cases(in: file)
        let text = cases.map { c in
            let header = (c.format == .table ? "" : "@format \(([c.format.rawValue] + c.flags).joined(separator: " "))\n")
                + (c.language.map { "@language \($0.rawValue)\n" } ?? "")
            return header + c.query + "\n----\n" + output(of: c.query, format: c.format, flags: c.flags, language: c.language)
        }.joined(separator: "====\n")
        try text.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }

    static func diff(expected: String, actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(e.count, a.count) {
            let x = i < e.count ? e[i] : nil, y = i < a.count ? a[i] : nil
            if x != y {
                if let x { out.append("- \(x)") }
                if let y { out.append("+ \(y)") }
            }
        }
        return out.joined(separator: "\n")
    }
}

@Suite struct GoldenTests {
    @Test func datasetsLoad() {
        #expect(Golden.engine != nil)
    }

    @Test(arguments: Golden.files)
    func golden(file: String) throws {
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try Golden.record(file)
        }
        let cases = Golden.cases(in: file)
        #expect(!cases.isEmpty, "no cases in \(file)")
        for c in cases {
            let actual = Golden.output(of: c.query, format: c.format, flags: c.flags, language: c.language)
            #expect(actual == c.expected, "\(c.description): \(c.query)\n\(Golden.diff(expected: c.expected, actual: actual))")
        }
    }
}
