// Pictures checked by their structure: the SVG map is valid XML with one shape, title and kommunekode
// per municipality; the tile layout gives each municipality exactly one tile; charts keep their scale.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Query

@Suite struct PictureTests {
    static func render(_ query: String, _ format: OutputFormat, ascii: Bool = false, width: Int = 80) -> String {
        guard var engine = Golden.engine else { return "" }
        let options = RenderOptions(format: format, width: width, ascii: ascii, atlas: engine.store.atlas)
        return engine.run(query).map { Renderer.render($0, source: query, options: options) }.joined()
    }

    /// The rows of a query as csv fields (an independent view of the same numbers).
    static func csv(_ query: String) -> [[String]] {
        render(query, .csv).split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func everyMunicipalityHasExactlyOneTileAndOneOutline() throws {
        let engine = try #require(Golden.engine)
        let atlas = try #require(engine.store.atlas)
        let codes = engine.store.catalog.municipalities.map(\.code)
        #expect(codes.count == 98)
        #expect(Set(atlas.tiles.keys) == Set(codes))
        #expect(Set(atlas.outlines.keys) == Set(codes))
        let cells = atlas.tiles.values.map { $0.row * 100 + $0.column }
        #expect(Set(cells).count == 98, "two municipalities share a tile")
        #expect(Set(atlas.tiles.values.map(\.abbreviation)).count == 98, "abbreviations are not unique")
        // Neighbours stay near: København touches Frederiksberg; Skagen's Frederikshavn is north of Aalborg,
        // which is north of Aarhus; Esbjerg is west of København.
        func tile(_ code: Int) -> Atlas.Tile { atlas.tiles[code]! }
        #expect(abs(tile(101).row - tile(147).row) + abs(tile(101).column - tile(147).column) <= 2)
        #expect(tile(813).row < tile(851).row && tile(851).row < tile(751).row)
        #expect(tile(561).column < tile(101).column)
    }

    @Test func svgMapIsValidXMLWithOnePathPerMunicipality() throws {
        let svg = Self.render("rate by municipality year 2021", .svg)
        #expect(svg == Self.render("rate by municipality year 2021", .svg), "output is not deterministic")
        let collector = ShapeCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "not valid XML: \(String(describing: parser.parserError))")
        #expect(collector.shapes.count == 98)
        #expect(Set(collector.shapes.map(\.code)).count == 98)
        let rows = Self.csv("rate, cases by municipality year 2021")
        #expect(rows.count == 98)
        for row in rows {
            let shape = try #require(collector.shapes.first { $0.title.hasPrefix(row[0] + ":") }, "no shape titled \(row[0])")
            #expect(shape.title.contains("rate \(row[1]) %"), "\(shape.title)")
            #expect(shape.title.contains("n = \(row[2])"), "\(shape.title)")
            // Small counts are striped, never a plain class colour.
            #expect(shape.fill.hasPrefix("url(#few-") == (Int(row[2])! < Picture.fewCases), "\(shape.title): \(shape.fill)")
        }
        for text in ["rate by municipality, 2021", "SYNTHETIC DEMO DATA", "Source: dkq&apos;s synthetic demo data – not real figures (2021)",
                     "under 20 %", "50 % and over", "no figure", "fewer than 30 cases", "Copenhagen area", "MIT licence"] {
            #expect(svg.contains(text), "missing \(text)")
        }
        #expect(!svg.contains("<script") && !svg.contains("@font-face") && !svg.contains("<image"))
    }

    @Test func vsNationalMapsByVerdict() throws {
        let svg = Self.render("rate by municipality year 2021 vs national", .svg)
        let collector = ShapeCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        #expect(parser.parse())
        let rows = Self.csv("rate, cases by municipality year 2021 vs national")
        let header = Self.render("rate, cases by municipality year 2021 vs national", .csv).split(separator: "\n")[0].split(separator: ",")
        let verdictIndex = try #require(header.firstIndex { $0 == "funnel" || $0 == "verdict" })
        for row in rows where Int(row[2])! >= Picture.fewCases {
            let shape = try #require(collector.shapes.first { $0.title.hasPrefix(row[0] + ":") })
            let words = row[verdictIndex]
            let expected = words.hasPrefix("above") || words.hasPrefix("over") ? "#d55e00"
                : words.hasPrefix("below") || words.hasPrefix("under") ? "#0072b2" : "#e4e4e4"
            #expect(shape.fill == expected, "\(row[0]) \(row[verdictIndex]) drawn \(shape.fill)")
        }
    }

    @Test func mapOfAnotherGroupingIsAClearError() {
        let text = Self.render("rate by region year 2021", .svg)
        #expect(text.hasPrefix("error: --format svg draws results by municipality; this one is by region"))
    }

    @Test func chartBarsUseEighthsOnAFixedPercentScale() {
        let chart = Self.render("rate by region year 2021", .chart, width: 80)
        let rows = Self.csv("rate by region year 2021")
        let lines = chart.split(separator: "\n").map(String.init)
        for row in rows {
            let line = lines.first { $0.hasPrefix(row[0] + " ") }!
            let bar = line.dropFirst(row[0].count).drop { $0 == " " }
            // Fixed 0-100 scale: the bar's eighths are rate/100 of the bar area, whatever the data's range.
            let blocks: [Character: Int] = ["█": 8, "▓": 8, "▉": 7, "▊": 6, "▋": 5, "▌": 4, "▍": 3, "▎": 2, "▏": 1]
            let eighths = bar.prefix { blocks[$0] != nil }.reduce(0) { $0 + blocks[$1]! }
            let rate = Double(row[1])!
            #expect(eighths > 0 && abs(Double(eighths) - rate / 100 * Double(Self.barWidth(chart)) * 8) <= 1, "\(line)")
        }
    }

    /// The bar area's width, read from the axis line ("0 … 100 %").
    static func barWidth(_ chart: String) -> Int {
        let axis = chart.split(separator: "\n").first { $0.hasSuffix("100 %") }!
        // The right tick "100 %" ends its "100" at the bar's end: index(last 0 of 100) - index(first 0).
        let zero = axis.firstIndex(of: "0")!
        return axis.distance(from: zero, to: axis.endIndex) - 3
    }

    @Test func asciiChartsAndMapsAreASCII() {
        for (query, format) in [("rate by municipality where region = Sjælland year 2021", OutputFormat.chart),
                                ("rate by area, year since 2019", .chart), ("rate by municipality year 2021 vs national", .map)] {
            let text = Self.render(query, format, ascii: true)
            #expect(!text.isEmpty && text.utf8.allSatisfy { $0 < 128 }, "\(query): \(text.prefix(200))")
        }
    }

    @Test func htmlReportIsSelfContained() {
        let html = Self.render("rate by municipality year 2021 vs national", .html)
        for part in ["<!DOCTYPE html>", "<svg ", "<figure class=\"chart\">", "<table>", "SYNTHETIC DEMO DATA", "Source: dkq&apos;s synthetic demo data – not real figures (2021)", "@page { size: A4"] {
            #expect(html.contains(part), "missing \(part)")
        }
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains(" src="))
    }
}

/// Collects each municipality `<path>`: its kommunekode, fill and `<title>`.
final class ShapeCollector: NSObject, XMLParserDelegate {
    struct Shape { var code: String; var fill: String; var title: String }
    var shapes: [Shape] = []
    private var inShape = false, inTitle = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "path", let code = attributes["data-kommunekode"] {
            shapes.append(Shape(code: code, fill: attributes["fill"] ?? "", title: ""))
            inShape = true
        }
        if name == "title", inShape { inTitle = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle { shapes[shapes.count - 1].title += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title" { inTitle = false }
        if name == "path" { inShape = false }
    }
}
