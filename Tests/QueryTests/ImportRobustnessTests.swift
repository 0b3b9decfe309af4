// Damaged downloads must give an error, never a crash: every fixture, cut and
// with bytes flipped at random places, goes through the importer.

import Foundation
import Testing
@testable import Query

@Suite struct ImportRobustnessTests {
    static let folder = Golden.root.appendingPathComponent("Tests/Fixtures/import").path
    static let files = ["talportal.csv", "ankeast1_latin1.px", "ankeast2_quarterly.px", "ankeast2_keys.px",
                        "ankeast1_utf8_en.px", "statbank_population.csv", "comments.csv", "../../../datasets/outcomes/2021.csv"]

    @Test(arguments: files)
    func damagedFilesNeverCrash(_ file: String) throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(Self.folder)/\(file)")))
        let catalog = try DataFolder.loadCatalog(directory: Golden.dataFolder)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dkq-damaged-\(getpid())-\(file.utf8.count)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        if file == "talportal.csv" {
            try FileManager.default.copyItem(atPath: "\(Self.folder)/talportal_sagsemne.csv", toPath: directory.appendingPathComponent("talportal_sagsemne.csv").path)
        }
        var state: UInt64 = 0x5eed_0000 &+ UInt64(file.utf8.count)
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % max(1, bound)
        }
        let noise: [UInt8] = [0x00, 0x0A, 0x22, 0x2C, 0x3B, 0x2D, 0x2E, 0x39, 0xC3, 0xFF, 0x3D, 0x28]
        var errors = 0, loaded = 0
        for round in 0..<60 {
            var bytes = original
            if round % 3 == 0 {
                bytes = Array(bytes.prefix(next(bytes.count)))
            } else {
                for _ in 0..<(1 + next(6)) { bytes[next(bytes.count)] = noise[next(noise.count)] }
            }
            let path = directory.appendingPathComponent(URL(fileURLWithPath: file).lastPathComponent).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            do {
                _ = try Importer.load(path: path, catalog: catalog)
                loaded += 1
            } catch {
                #expect(error.file == path)
                errors += 1
            }
        }
        #expect(errors + loaded == 60)
        #expect(errors > 0, "damage that the importer accepted every time")
    }
}
