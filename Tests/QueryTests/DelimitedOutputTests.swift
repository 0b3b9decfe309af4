// csv and tsv written in pieces as the rows are made give exactly the text of the whole
// result, and decimals written as bytes read as the string formatting always did.
import Foundation
import Testing
@testable import Query

@Suite struct DelimitedOutputTests {
    /// The string formatting dkq used before decimals were written as bytes: the reference.
    static func reference(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int(scaled / scale)
        let fraction = Int(scaled) - whole * Int(scale)
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(whole) }
        let digits = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: decimals - digits.count) + digits
    }

    @Test func decimalsReadAsTheStringFormattingDid() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.05, 0.15, 2.5, -2.5, -0.04, -0.05, 99.95, 100, 1e15, -1e15, 0.000_1, 37.45,
                                .nan, .infinity, -.infinity, 1.0 / 3, 2.0 / 3, 12_345.678_9]
        for _ in 0..<20_000 {
            let magnitude = [1.0, 100, 10_000, 1e9][Int.random(in: 0..<4, using: &generator)]
            values.append(Double.random(in: -magnitude...magnitude, using: &generator))
            values.append(Double(Int.random(in: -100_000...100_000, using: &generator)) / 200)  // exact halves of the last digit
        }
        for value in values {
            for decimals in 0...3 {
                let expected = Self.reference(value, decimals)
                #expect(Renderer.formatDecimal(value, decimals) == expected, "\(value) \(decimals)")
                let comma = Renderer.plain(.number(value, decimals: decimals), comma: true)
                #expect(comma == expected.replacingOccurrences(of: ".", with: ","), "\(value) \(decimals) comma")
            }
        }
    }

    /// A result of several 64 KB pieces, in csv, tsv and Danish csv: the pieces end at row ends
    /// and together are the text `render` gives.
    @Test func piecesTogetherAreTheWholeText() throws {
        var engine = try Engine.open(dataDirectory: Golden.dataFolder)
        let query = "rate, cases, upheld, changed by municipality, paragraph, year"
        let output = try #require(engine.run(query).first)
        guard case .table(let result) = output else { Issue.record("no table: \(output)"); return }
        #expect(result.rows.count > 10_000)
        for options in [RenderOptions(format: .csv), RenderOptions(format: .tsv), RenderOptions(format: .csv, language: .da)] {
            var pieces: [[UInt8]] = []
            Renderer.render(output, source: query, options: options) { pieces.append($0) }
            #expect(pieces.count >= 3, "\(options.format): \(pieces.count) pieces")
            #expect(pieces.allSatisfy { $0.last == 10 }, "every piece ends at a row's end")
            let whole = Renderer.render(output, source: query, options: options)
            #expect(String(decoding: pieces.flatMap { $0 }, as: UTF8.self) == whole, "\(options.format) \(String(describing: options.language))")
        }
    }
}
