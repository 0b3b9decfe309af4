// The Danmarkskort as SVG (`--format svg`): a choropleth of a result by municipality, with fixed
// classes, hatched small counts, verdict colours under `vs national`, a Copenhagen inset, and the
// title, period, sources and synthetic warning inside the picture. Deterministic, no scripts or fonts.

enum SVGMap {
    /// Width of the picture; the outlines' viewBox is 1000 × 1215.
    static let width = 1040
    static let margin = 20
    /// The Copenhagen area enlarged (in outline coordinates) and where the enlargement sits (in the
    /// empty Kattegat, clear of Anholt and Bornholm).
    static let window = (x: 900.0, y: 720.0, width: 100.0, height: 110.0)
    static let insetScale = 2.4
    static let insetOrigin = (x: 756.0, y: 196.0)

    /// Why this result cannot be drawn as a map, or nil.
    static func problem(_ result: ResultSet, atlas: Atlas?, format: String) -> String? {
        guard let atlas, !atlas.outlines.isEmpty else {
            return "--format \(format) needs the map outlines (map/kommune_map_paths.csv in the data folder)"
        }
        guard let column = municipalityColumn(result, atlas: atlas) else {
            let by = result.columns.filter { $0.kind == .dimension }.map(\.name)
            return "--format \(format) draws results by municipality\(by.isEmpty ? "" : "; this one is by \(by.joined(separator: ", "))")"
                + ", e.g. rate by municipality year 2021"
        }
        let others = result.columns.indices.filter { $0 != column && result.columns[$0].kind == .dimension }
        if !others.isEmpty {
            return "--format \(format) draws one figure per municipality; this result is also by \(others.map { result.columns[$0].name }.joined(separator: ", ")): choose one value with where or year"
        }
        return nil
    }

    /// The dimension column naming municipalities (names known to the atlas).
    static func municipalityColumn(_ result: ResultSet, atlas: Atlas) -> Int? {
        result.columns.indices.first { i in
            guard result.columns[i].kind == .dimension, !result.rows.isEmpty else { return false }
            return result.rows.allSatisfy { row in code(row[i], atlas) != nil }
        }
    }

    static func code(_ value: Value, _ atlas: Atlas) -> Int? {
        switch value {
        case .named(_, let entity) where entity.dimension == "municipality": Int(entity.id)
        case .text(let name), .named(let name, _): atlas.codeByName[name]
        case .integer(let code): atlas.names[code] != nil ? code : nil
        default: nil
        }
    }

    static func render(_ result: ResultSet, atlas: Atlas, options: RenderOptions) -> String {
        let picture = Picture(result, language: (options.language ?? .en))
        let column = municipalityColumn(result, atlas: atlas) ?? 0
        var rowOf: [Int: Int] = [:]
        for (i, row) in result.rows.enumerated() {
            if let code = code(row[column], atlas) { rowOf[code] = i }
        }
        let byVerdict = picture.byVerdict
        var svg = SVGWriter()

        // Header: title, what is drawn, the synthetic warning.
        var y = 14
        var header = ""
        for line in Picture.wrap(picture.heading, width: 66) {
            y += 30
            header += svg.text(line, x: margin, y: y, size: 26, weight: "bold")
        }
        y += 28
        let da = picture.language == .da
        let what = da
            ? (byVerdict
                ? "Farve: vurderingen mod landsplan (vs national); hold musen over en kommune for tallene."
                : "Farve: \(picture.measureName)\(picture.percent ? " i %, faste klasser på 0–100" : ", klasser fra 0").")
            : (byVerdict
                ? "Colour: the comparison's verdict against the national \(picture.measure) (vs national); hover for each figure."
                : "Colour: \(picture.measure)\(picture.percent ? " in %, fixed classes on 0–100" : ", classes from 0").")
        header += svg.text(what, x: margin, y: y, size: 16, fill: "#333")
        y += 14
        if let warning = picture.syntheticWarning {
            header += "<rect x=\"\(margin)\" y=\"\(y)\" width=\"\(width - 2 * margin)\" height=\"34\" fill=\"#b00020\"/>\n"
            header += svg.text("⚠ " + warning,
                               x: margin + 12, y: y + 23, size: 18, weight: "bold", fill: "#ffffff")
            y += 44
        } else {
            y += 8
        }

        // Legend: the classes (or verdicts) with their counts, then no figure and few cases.
        var entries: [(fill: String, label: String)] = []
        var patterns: [String] = []
        func fewPattern(_ colour: String) -> String {
            let id = "few-" + colour.dropFirst()
            if !patterns.contains(colour) { patterns.append(colour) }
            return "url(#\(id))"
        }
        var fills: [Int: String] = [:]
        var classCounts = Array(repeating: 0, count: byVerdict ? 4 : picture.classes.count)
        var verdictWords: [[String]] = Array(repeating: [], count: 4)
        var fewCount = 0, missingCount = 0
        for code in atlas.outlines.keys.sorted() {
            guard let row = rowOf[code] else { missingCount += 1; fills[code] = "url(#nodata)"; continue }
            let colour: String
            if byVerdict {
                guard let verdict = picture.verdicts[row] else { missingCount += 1; fills[code] = "url(#nodata)"; continue }
                let d = verdict.direction.rawValue
                classCounts[d] += 1
                if !verdictWords[d].contains(verdict.words) { verdictWords[d].append(verdict.words) }
                colour = Picture.verdictColours[d]
            } else {
                guard let value = picture.values[row] else { missingCount += 1; fills[code] = "url(#nodata)"; continue }
                let c = picture.classIndex(value)
                classCounts[c] += 1
                colour = picture.classes[c].colour
            }
            if picture.isFew(row) {
                fewCount += 1
                fills[code] = fewPattern(colour)
            } else {
                fills[code] = colour
            }
        }
        if byVerdict {
            for direction in Picture.Verdict.Direction.allCases where classCounts[direction.rawValue] > 0 || direction != .other {
                let d = direction.rawValue
                let words = verdictWords[d].sorted().joined(separator: ", ")
                let label = direction == .other ? words : Picture.Verdict.label(direction, picture.language) + (words.isEmpty ? "" : " (\(words))")
                entries.append((Picture.verdictColours[d], "\(label): \(classCounts[d])"))
            }
        } else {
            for (i, valueClass) in picture.classes.enumerated() {
                entries.append((valueClass.colour, "\(valueClass.label): \(classCounts[i])"))
            }
        }
        let fewSample = byVerdict ? Picture.verdictColours[1] : picture.classes[min(2, picture.classes.count - 1)].colour
        entries.append((fewPattern(fewSample), da
            ? "færre end \(Picture.fewCases) sager, usikkert tal (skraveret): \(fewCount)"
            : "fewer than \(Picture.fewCases) cases, figure uncertain (striped): \(fewCount)"))
        entries.append(("url(#nodata)", (da ? "intet tal: " : "no figure: ") + "\(missingCount)"))

        let legendTitle = da
            ? (byVerdict ? "Vurdering (kommuner)" : "\(picture.measureName)\(picture.percent ? " (%)" : "") — kommuner pr. klasse")
            : (byVerdict ? "Verdict (municipalities)" : "\(picture.measure)\(picture.percent ? " (%)" : "") — municipalities per class")
        var legend = svg.text(legendTitle,
                              x: margin, y: y + 16, size: 16, weight: "bold")
        y += 26
        let columnWidth = (width - 2 * margin) / 2
        for (i, entry) in entries.enumerated() {
            let x = margin + (i % 2) * columnWidth
            let top = y + (i / 2) * 24
            legend += "<rect x=\"\(x)\" y=\"\(top)\" width=\"34\" height=\"18\" fill=\"\(entry.fill)\" stroke=\"#666\" stroke-width=\"0.8\"/>\n"
            legend += svg.text(entry.label, x: x + 42, y: top + 14, size: 15)
        }
        y += (entries.count + 1) / 2 * 24 + 8

        // The map: one <path> per municipality; the inset re-uses them.
        let mapTop = y
        var map = "<g id=\"map\" transform=\"translate(\(margin),\(mapTop))\" stroke=\"#777\" stroke-width=\"0.5\" stroke-linejoin=\"round\">\n"
        for code in atlas.outlines.keys.sorted() {
            let name = atlas.names[code] ?? String(code)
            var tip = name
            var data = ""
            if let row = rowOf[code] {
                let value = picture.values[row].map { Note.number($0, picture.decimals, picture.language) + (picture.percent ? " %" : "") }
                    ?? (da ? "intet tal" : "no figure")
                tip += ": \(picture.measureName) \(value)"
                if let cases = picture.n[row] { tip += ", n = \(cases)" }
                if let national = picture.national[row] { tip += (da ? ", landsplan " : ", national ") + Note.number(national, picture.decimals, picture.language) }
                if let verdict = picture.verdicts[row] { tip += ", \(verdict.words)" }
                if picture.isFew(row) { tip += da ? " (færre end \(Picture.fewCases) sager)" : " (fewer than \(Picture.fewCases) cases)" }
                if let value = picture.values[row] { data += " data-value=\"\(Renderer.formatDecimal(value, picture.decimals))\"" }
                if let cases = picture.n[row] { data += " data-n=\"\(cases)\"" }
            } else {
                tip += da ? ": intet tal" : ": no figure"
            }
            map += "<path id=\"k\(code)\" data-kommunekode=\"\(code)\"\(data) fill=\"\(fills[code] ?? "url(#nodata)")\" d=\"\(SVGWriter.escape(atlas.outlines[code] ?? ""))\">"
            map += "<title>\(SVGWriter.escape(tip))</title></path>\n"
        }
        // Where the inset comes from, then the inset itself.
        let w = window
        map += "<rect x=\"\(fmt(w.x))\" y=\"\(fmt(w.y))\" width=\"\(fmt(w.width))\" height=\"\(fmt(w.height))\" fill=\"none\" stroke=\"#333\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>\n"
        let (ix, iy) = insetOrigin
        let (iw, ih) = (w.width * insetScale, w.height * insetScale)
        map += "<rect x=\"\(fmt(ix))\" y=\"\(fmt(iy))\" width=\"\(fmt(iw))\" height=\"\(fmt(ih))\" fill=\"#ffffff\" stroke=\"#333\" stroke-width=\"1\"/>\n"
        map += "<g clip-path=\"url(#inset-clip)\"><g transform=\"translate(\(fmt(ix - w.x * insetScale)),\(fmt(iy - w.y * insetScale))) scale(\(insetScale))\" stroke-width=\"\(fmt(0.5 / insetScale))\">\n"
        for code in atlas.outlines.keys.sorted() { map += "<use href=\"#k\(code)\"/>" }
        map += "\n</g></g>\n"
        map += svg.text((da ? "Københavnsområdet, forstørret ×" : "Copenhagen area, enlarged ×") + "\(insetScale)", x: Int(ix), y: Int(iy) - 6, size: 14, fill: "#333", stroke: false)
        map += "</g>\n"
        y = mapTop + 1215 + 10

        // Footer: every note of the result (period, sources, warnings), then the outlines' source.
        var footer = ""
        let outlines = da ? atlas.outlineSource.replacingAll("Map outlines:", with: "Kortomrids:") : atlas.outlineSource
        for note in picture.notes + [outlines] {
            for line in Picture.wrap(note, width: 118) {
                y += 19
                footer += svg.text(line, x: margin, y: y, size: 14, fill: "#222")
            }
        }
        y += 16

        var defs = "<defs>\n"
        defs += "<pattern id=\"nodata\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
        defs += "<path d=\"M0 0L6 6M6 0L0 6\" stroke=\"#8a8a8a\" stroke-width=\"0.7\"/></pattern>\n"
        for colour in patterns {
            defs += "<pattern id=\"few-\(colour.dropFirst())\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            defs += "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><rect width=\"3\" height=\"6\" fill=\"\(colour)\"/></pattern>\n"
        }
        defs += "<clipPath id=\"inset-clip\"><rect x=\"\(fmt(ix))\" y=\"\(fmt(iy))\" width=\"\(fmt(iw))\" height=\"\(fmt(ih))\"/></clipPath>\n"
        defs += "</defs>\n"

        let title = picture.heading + (picture.syntheticWarning.map { " — " + $0 } ?? "")
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(y)\" viewBox=\"0 0 \(width) \(y)\" "
        out += "font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\" role=\"img\">\n"
        out += "<title>\(SVGWriter.escape(title))</title>\n"
        out += defs
        out += "<rect width=\"\(width)\" height=\"\(y)\" fill=\"#ffffff\"/>\n"
        out += header + legend + map + footer
        out += "</svg>\n"
        return out
    }

    static func fmt(_ value: Double) -> String {
        let text = Renderer.formatDecimal(value, 3)
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return String(trimmed)
    }
}

/// Small helpers for writing SVG text.
struct SVGWriter {
    func text(_ content: String, x: Int, y: Int, size: Int, weight: String? = nil, fill: String = "#000000", stroke: Bool = false) -> String {
        var out = "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\" fill=\"\(fill)\""
        if let weight { out += " font-weight=\"\(weight)\"" }
        out += stroke ? " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"" : " stroke=\"none\""
        return out + ">\(Self.escape(content))</text>\n"
    }

    /// XML text and attribute escaping.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
