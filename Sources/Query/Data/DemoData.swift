// The deterministic synthetic demo: outcome files for 2014-2024 whose national totals reproduce
// the published Danmarkskort figures, spread over municipalities, paragraphs and quarters with fixed-seed noise.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One generated outcome file.
@_spi(Tools) public struct DemoFile: Sendable, Equatable {
    /// File name inside `outcomes/`, e.g. "2021.csv".
    public var name: String
    /// The whole file text ("dkq outcomes v1").
    public var contents: String
}

/// How one year × area of the generated data compares with its national target.
@_spi(Tools) public struct DemoCalibration: Sendable, Equatable {
    /// Data year.
    public var year: Int
    /// Danmarkskort area (its paragraphs per paragraphs.csv).
    public var area: Area
    /// Target omgørelsesprocent in percent.
    public var targetRate: Double
    /// True when `targetRate` is published, false when interpolated.
    public var ratePublished: Bool
    /// Omgørelsesprocent of the generated counts.
    public var rate: Double
    /// Published ændret/ophævet share of realitetsbehandlede (percent), if any.
    public var targetChanged: Double?
    /// Generated ændret/ophævet share of realitetsbehandlede (percent).
    public var changed: Double
    /// Generated realitetsbehandlede (stadfæstet + ændret + hjemvist).
    public var merits: Int
    /// Generated decided cases (realitetsbehandlede + afviste).
    public var decided: Int
    /// The volume target, which counts decided cases unless `volumeIsMerits`.
    public var targetVolume: Int
    /// True when `targetVolume` counts realitetsbehandlede.
    public var volumeIsMerits: Bool
    /// True when `targetVolume` is a published count.
    public var volumePublished: Bool
}

/// Generator of the synthetic demo outcome files (`swift run DemoGenerator datasets`).
@_spi(Tools) public enum DemoData {
    /// The fixed seed ("dkq_demo" in ASCII).
    public static let seed: UInt64 = 0x646B_715F_6465_6D6F
    /// Data years generated.
    public static var years: [Int] { DemoTargets.years.map(\.year) }

    /// Generates every year's file for `catalog` (the shipped municipalities.csv and paragraphs.csv).
    public static func generate(catalog: Catalog) throws(DataError) -> (files: [DemoFile], calibration: [DemoCalibration]) {
        let traits = MunicipalityTraits(catalog: catalog)
        var files: [DemoFile] = []
        var calibration: [DemoCalibration] = []
        for target in DemoTargets.years {
            var year = try DemoYear(target: target, catalog: catalog, traits: traits)
            year.generate()
            let rows = year.calibration()
            files.append(DemoFile(name: "\(target.year).csv", contents: year.fileText(calibration: rows)))
            calibration += rows
        }
        return (files, calibration)
    }

    /// Writes `files` into `directory` (which must exist), replacing files of the same name.
    public static func write(_ files: [DemoFile], to directory: String) throws(DataError) {
        for file in files {
            let path = directory.hasSuffix("/") ? directory + file.name : directory + "/" + file.name
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else { throw DataError(file: path, "cannot write file (errno \(errno))") }
            defer { close(descriptor) }
            let bytes = Array(file.contents.utf8)
            var written = 0
            while written < bytes.count {
                let count = bytes.withUnsafeBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return 0 }
                    return writeSome(descriptor, base + written, raw.count - written)
                }
                if count <= 0 { throw DataError(file: path, "cannot write file (errno \(errno))") }
                written += count
            }
        }
    }

    /// `value` with exactly `decimals` decimals, without locale or Foundation ("31.80").
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        guard decimals > 0 else { return sign + String(magnitude) }
        let fraction = String(magnitude % scale)
        return sign + String(magnitude / scale) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}

/// `write(2)`, named apart from `DemoData.write`.
private func writeSome(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// Persistent per-municipality traits: size weight and deviations that hold across years.
struct MunicipalityTraits: Sendable {
    var size: [Double] = []
    var rate: [Double] = []
    var changed: [Double] = []
    var days: [Double] = []

    init(catalog: Catalog) {
        var random = SplitMix64.stream(DemoData.seed, 1)
        for municipality in catalog.municipalities {
            let population = DemoTargets.population[municipality.code] ?? 40
            size.append(population * random.factor(spread: 0.2, range: 0.5...1.6))
            rate.append(random.factor(spread: 0.25, range: 0.4...1.8))
            changed.append(random.factor(spread: 0.2, range: 0.5...1.5))
            days.append(random.factor(spread: 0.15, range: 0.6...1.5))
        }
    }
}
