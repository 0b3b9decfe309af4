// `--format map`: a tile map of Denmark in the terminal, one tile per municipality laid out from
// the centroids (datasets/map/tiles.csv, made by make_tiles.py), coloured by the same fixed classes
// as the SVG map; without colour, a second line of shading characters under each tile.

enum TileMap {
    /// Background colours (xterm-256) near the SVG palette, and the shading that replaces them.
    static let classBackground = [230, 222, 208, 166, 94]
    static let classShade = ["···", "░░░", "▒▒▒", "▓▓▓", "███"]
    static let classShadeASCII = ["...", ":::", "+++", "###", "@@@"]
    /// above / within / below / other words.
    static let verdictBackground = [166, 252, 25, 245]
    static let verdictShade = ["▲▲▲", "───", "▼▼▼", "???"]
    static let verdictShadeASCII = ["^^^", "---", "vvv", "???"]

    static func render(_ result: ResultSet, atlas: Atlas, options: RenderOptions) -> String {
        let picture = Picture(result, language: (options.language ?? .en))
        let column = SVGMap.municipalityColumn(result, atlas: atlas) ?? 0
        var rowOf: [Int: Int] = [:]
        for (i, row) in result.rows.enumerated() {
            if let code = SVGMap.code(row[column], atlas) { rowOf[code] = i }
        }
        let byVerdict = picture.byVerdict
        let color = options.color
        let shades = byVerdict ? (options.ascii ? verdictShadeASCII : verdictShade) : (options.ascii ? classShadeASCII : classShade)
        let backgrounds = byVerdict ? verdictBackground : classBackground

        // Class (or verdict direction) of each municipality; nil = no figure.
        var classOf: [Int: Int] = [:]
        var counts = Array(repeating: 0, count: shades.count)
        var few = 0, missing = 0
        for code in atlas.tiles.keys {
            guard let row = rowOf[code] else { missing += 1; continue }
            let index: Int? = byVerdict ? picture.verdicts[row].map(\.direction.rawValue) : picture.values[row].map(picture.classIndex)
            guard let index else { missing += 1; continue }
            classOf[code] = index
            counts[index] += 1
            if picture.isFew(row) { few += 1 }
        }

        let rows = (atlas.tiles.values.map(\.row).max() ?? 0) + 1
        let columns = (atlas.tiles.values.map(\.column).max() ?? 0) + 1
        var grid = Array(repeating: Array(repeating: Int?.none, count: columns), count: rows)
        for (code, tile) in atlas.tiles { grid[tile.row][tile.column] = code }

        var out = picture.heading + "\n"
        if let warning = picture.syntheticWarning { out += (color ? "\u{1B}[1;31m\(warning)\u{1B}[0m" : warning) + "\n" }
        for line in grid {
            var names = "", shading = ""
            for cell in line {
                guard let code = cell, let tile = atlas.tiles[code] else {
                    names += "    "
                    shading += "    "
                    continue
                }
                let isFew = rowOf[code].map(picture.isFew) ?? false
                var name = isFew ? tile.abbreviation.lowercased() : tile.abbreviation
                if options.ascii { name = Picture.ascii(name, short: true) }
                if color {
                    if let index = classOf[code] {
                        let background = backgrounds[index]
                        let foreground = [230, 222, 208, 252, 245].contains(background) ? 16 : 231
                        names += "\u{1B}[48;5;\(background);38;5;\(foreground)m\(name)\u{1B}[0m "
                    } else {
                        names += "\u{1B}[2m\(name)\u{1B}[0m "
                    }
                } else {
                    names += name + " "
                    shading += (classOf[code].map { shades[$0] } ?? "   ") + " "
                }
            }
            out += names.trimmedRight + "\n"
            if !color { out += shading.trimmedRight + "\n" }
        }

        // Legend: each class with its count, small counts, no figure.
        var legend: [String] = []
        func swatch(_ index: Int) -> String {
            color ? "\u{1B}[48;5;\(backgrounds[index])m   \u{1B}[0m" : shades[index]
        }
        if byVerdict {
            for direction in Picture.Verdict.Direction.allCases where counts[direction.rawValue] > 0 || direction != .other {
                let words = Set(picture.verdicts.compactMap { $0 }.filter { $0.direction == direction }.map(\.words)).sorted()
                let label = direction == .other ? words.joined(separator: ", ")
                    : Picture.Verdict.label(direction) + (words.isEmpty ? "" : " (\(words.joined(separator: ", ")))")
                legend.append("\(swatch(direction.rawValue)) \(label): \(counts[direction.rawValue])")
            }
        } else {
            for (i, valueClass) in picture.classes.enumerated() {
                legend.append("\(swatch(i)) \(picture.measure) \(valueClass.label): \(counts[i])")
            }
        }
        legend.append("abc lower case: fewer than \(Picture.fewCases) cases: \(few)")
        legend.append((color ? "dim" : "   ") + " no figure: \(missing)")
        out += legend.joined(separator: "\n") + "\n"
        out += byVerdict ? "Colour: the verdict of vs national.\n" : picture.percent ? "Classes fixed on 0-100 %, lower bound included.\n" : "Five equal classes from 0.\n"
        for note in result.noteLines() { out += note + "\n" }
        return options.ascii ? Picture.ascii(out) : out
    }
}
