// The command line across restarts: a file loaded with `load` in one run is loaded again by the
// next run sharing the cache directory (said on stderr, listed by show datasets), until `fjern`.
import Foundation
import Testing

@Suite struct KeptLoadShellTests {
    @Test func aLoadedFileIsBackInTheNextRunUntilUnloaded() throws {
        let cache = try temporaryPath("cache")
        let file = try temporaryPath("talportal.csv")
        let folder = (file as NSString).deletingLastPathComponent
        for name in ["talportal.csv", "talportal_sagsemne.csv"] {
            try FileManager.default.copyItem(atPath: repositoryRoot + "/Tests/Fixtures/import/" + name, toPath: folder + "/" + name)
        }
        let environment = ["DKQ_CACHE": cache]
        let load = try runDkq(["--format", "csv", "-c", "load \"\(file)\""], environment: environment)
        #expect(load.status == 0)
        let next = try runDkq(["--format", "csv", "-c", "show datasets"], environment: environment)
        #expect(next.status == 0)
        #expect(next.stderr.contains("\(file): loaded again (kept from an earlier session"))
        #expect(next.stdout.contains(file))
        // A script that loads it again still runs (one copy, no error).
        let again = try runDkq(["--format", "csv", "-c", "load \"\(file)\"; rate year 2021"], environment: environment)
        #expect(again.status == 0)
        #expect(again.stdout.contains("already loaded"))
        let unload = try runDkq(["-c", "fjern \"\(file)\""], environment: environment)
        #expect(unload.status == 0)
        #expect(unload.stdout.contains("unloaded \(file); the next start leaves it out"))
        let after = try runDkq(["--format", "csv", "-c", "show datasets"], environment: environment)
        #expect(!after.stderr.contains("loaded again"))
        #expect(!after.stdout.contains(file))
    }
}
