// Generates the synthetic demo outcome files (swift run DemoGenerator datasets), prints the
// calibration table (--report DIR) or times loading a data folder (--time-load DIR).
@_spi(Tools) import Query

#if canImport(Glibc)
import Glibc
#endif

func fail(_ message: String) -> Never {
    let bytes = Array((message + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}

let arguments = Array(CommandLine.arguments.dropFirst())
let usage = "usage: DemoGenerator DIR | --report DIR | --time-load DIR"

switch arguments.count == 2 ? arguments[0] : nil {
case "--time-load":
    let directory = arguments[1]
    var times: [Double] = []
    var rows = 0
    for _ in 0..<20 {
        let start = ContinuousClock.now
        do {
            rows = try DataFolder.load(directory: directory).facts.count
        } catch {
            fail(error.description)
        }
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    times.sort()
    let median = times[times.count / 2]
    print("loaded \(rows) rows from \(directory): median \(median) ms, min \(times[0]) ms over \(times.count) runs")
case "--report":
    do {
        let catalog = try DataFolder.loadCatalog(directory: arguments[1])
        print("| year | area | target % | kind | result % | ændret target | ændret result | realitetsbehandlede | decided | volume target |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for row in try DemoData.generate(catalog: catalog).calibration {
            let changedTarget = row.targetChanged.map { String($0) } ?? ""
            let changed = row.targetChanged == nil ? "" : String(Double(Int((row.changed * 100).rounded())) / 100)
            let volume = "\(row.targetVolume) \(row.volumeIsMerits ? "realitetsbeh." : "decided")"
                + (row.volumePublished ? " (published)" : " (interpolated)")
            print("| \(row.year) | \(row.area.fileName) | \(row.targetRate) | \(row.ratePublished ? "published" : "interpolated") "
                + "| \(Double(Int((row.rate * 100).rounded())) / 100) | \(changedTarget) | \(changed) | \(row.merits) | \(row.decided) | \(volume) |")
        }
    } catch {
        fail(error.description)
    }
default:
    guard arguments.count == 1, !arguments[0].hasPrefix("-") else { fail(usage) }
    let directory = arguments[0]
    do {
        let catalog = try DataFolder.loadCatalog(directory: directory)
        let files = try DemoData.generate(catalog: catalog).files
        try DemoData.write(files, to: directory + "/outcomes")
        print("wrote \(files.count) files to \(directory)/outcomes")
    } catch {
        fail(error.description)
    }
}
