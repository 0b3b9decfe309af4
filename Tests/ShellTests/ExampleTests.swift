// Examples are tests: every script in examples/ runs through the built dkq and
// its output must equal the .out file beside it (RECORD_GOLDEN=1 rewrites them).

import Foundation
import Testing

@Suite struct ExampleTests {
    static let folder = repositoryRoot + "/examples"
    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".dkq") }.sorted()
    }

    @Test func thereAreExamples() {
        #expect(Self.scripts.count >= 4)
    }

    @Test(arguments: scripts)
    func exampleOutputIsAsRecorded(_ script: String) throws {
        let result = try runDkq(["examples/" + script], directory: repositoryRoot)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let expectedPath = Self.folder + "/" + script.replacingOccurrences(of: ".dkq", with: ".out")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try result.stdout.write(toFile: expectedPath, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(result.stdout == expected)
    }
}
