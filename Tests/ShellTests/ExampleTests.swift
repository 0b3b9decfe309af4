// Examples are tests: every script in examples/ runs through the built dkq and
// its output must equal the .out file beside it (RECORD_GOLDEN=1 rewrites them).
// A script with `-- example: --set NAME=VALUE …` lines runs once per line, its
// output in NAME.VALUE1-VALUE2.out (kommune.dkq -> kommune.Odense-2024.out).

import Foundation
import Testing

@Suite struct ExampleTests {
    static let folder = repositoryRoot + "/examples"

    /// Each run: the script and the arguments after it.
    static var runs: [Run] {
        let scripts = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".dkq") }.sorted()
        return scripts.flatMap { script -> [Run] in
            let text = (try? String(contentsOfFile: folder + "/" + script, encoding: .utf8)) ?? ""
            let examples = text.split(separator: "\n").filter { $0.hasPrefix("-- example: ") }
            guard !examples.isEmpty else { return [Run(script: script, arguments: [])] }
            return examples.map { Run(script: script, arguments: $0.dropFirst(12).split(separator: " ").map(String.init)) }
        }
    }

    struct Run: CustomStringConvertible, Sendable {
        var script: String
        var arguments: [String]
        var description: String { ([script] + arguments).joined(separator: " ") }
        var expectedFile: String {
            let base = String(script.dropLast(4))
            let values = arguments.filter { $0.contains("=") }.compactMap { $0.split(separator: "=", maxSplits: 1).last }
            return values.isEmpty ? base + ".out" : base + "." + values.joined(separator: "-") + ".out"
        }
    }

    @Test func thereAreExamplesAndOneTakesParameters() {
        #expect(Self.runs.count >= 6)
        #expect(Self.runs.filter { $0.script == "kommune.dkq" }.count == 2)
    }

    @Test(arguments: runs)
    func exampleOutputIsAsRecorded(_ run: Run) throws {
        let result = try runDkq(["examples/" + run.script] + run.arguments, directory: repositoryRoot)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let expectedPath = Self.folder + "/" + run.expectedFile
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try result.stdout.write(toFile: expectedPath, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(result.stdout == expected)
    }

    /// The parameterised script says what it is about: each run names its municipality.
    @Test func theParameterisedScriptAnswersForEachMunicipality() throws {
        let odense = try String(contentsOfFile: Self.folder + "/kommune.Odense-2024.out", encoding: .utf8)
        let aalborg = try String(contentsOfFile: Self.folder + "/kommune.Aalborg-2023.out", encoding: .utf8)
        #expect(odense != aalborg)
        #expect(odense.contains("Years: 2024.") && aalborg.contains("Years: 2023."))
        let direct = try runDkq(["-c", "rate, cases by area where municipality = Odense year 2024 vs national"])
        #expect(odense.hasPrefix(direct.stdout), "the first result is the same as the query written out")
    }
}
