// Binder, part three: filter values. Municipalities by name, Ankestyrelsen's
// spelling, full name or code; paragraphs by section, label or code; areas,
// regions, laws by name; years and quarters as periods.

extension Binder {
    func municipality(_ value: Literal) throws(Diagnostic) -> Int {
        let municipalities = store.catalog.municipalities
        if case .integer(let code) = value.kind {
            if let index = municipalities.firstIndex(where: { $0.code == code }) { return index }
            throw Diagnostic("E201", "no municipality has code \(code)", at: value.range, hint: "see 'show municipalities'")
        }
        let written = text(of: value)
        if let index = domains.municipalityByName[foldName(written)] { return index }
        let names = municipalities.map(\.name)
        let match = nearest(written, in: names + municipalities.map(\.astName) + municipalities.map(\.fullName))
        let hint = match.map { m in
            let index = municipalities.firstIndex { $0.astName == m || $0.fullName == m }
            return "did you mean '\(index.map { municipalities[$0].name } ?? m)'?"
        }
        throw Diagnostic("E201", "unknown municipality '\(written)'", at: value.range, hint: hint ?? "see 'show municipalities'")
    }

    /// The base entries (municipalities or paragraphs) whose lookup value is the one named,
    /// e.g. the municipalities of "Region Hovedstaden" (also written "Hovedstaden").
    func lookupMask(_ dimension: Dimension, _ lookup: Lookup, _ value: Literal) throws(Diagnostic) -> [Bool] {
        let written = text(of: value)
        let folded = foldName(written)
        let (of, values) = domains.lookup(dimension)
        let withPrefix = lookup.prefix.map { foldName($0) + folded }
        let found = values.firstIndex { value in foldName(value) == folded || foldName(value) == withPrefix }
        guard let found else {
            throw Diagnostic(
                lookup.error, "unknown \(dimension.name) '\(written)'", at: value.range,
                hint: suggestion(written, values, listing: lookup.plural))
        }
        return of.map { $0 == found }
    }

    func area(_ value: Literal) throws(Diagnostic) -> Area {
        let written = text(of: value)
        if let found = Schema.area(named: written) { return found }
        throw Diagnostic(
            "E204", "unknown area '\(written)'", at: value.range,
            hint: suggestion(written, Schema.areas.map { $0.query[0] }, listing: "areas"))
    }

    // MARK: Paragraphs

    /// Paragraphs a value names, plus their successors under a new law (recorded, so the
    /// footer can say so when the successor has data).
    func paragraphs(_ value: Literal, crosswalks: inout [Crosswalk]) throws(Diagnostic) -> [Bool] {
        let catalog = store.catalog.paragraphs
        var chosen = try paragraphIndices(value)
        for index in chosen {
            for (successor, paragraph) in catalog.enumerated() where paragraph.formerly == catalog[index].code {
                if !chosen.contains(successor) { chosen.append(successor) }
                let pair = Crosswalk(old: index, new: successor)
                if !crosswalks.contains(pair) { crosswalks.append(pair) }
            }
        }
        return mask(catalog.count, chosen)
    }

    func paragraphIndices(_ value: Literal) throws(Diagnostic) -> [Int] {
        let catalog = store.catalog.paragraphs
        var written = text(of: value)
        switch value.kind {
        case .integer(let n): return try bySection(["\(n)"], law: nil, value)
        case .paragraph(let sections): return try bySection(Self.sectionList(sections), law: nil, value)
        case .decimal, .period: break
        case .word, .string:
            // A code ("1.14"), an exact label, "Barnets lov § 86", "§ 83", or a unique part of a label.
            if let index = catalog.firstIndex(where: { $0.code == written || foldName($0.label) == foldName(written) }) {
                return [index]
            }
            var law: String?
            for name in store.catalog.laws where foldName(written).hasPrefix(foldName(name)) {
                law = name
                written = String(written.dropFirst(name.count)).trimmed
            }
            if written.hasPrefix("§") {
                return try bySection(Self.sectionList(String(written.drop { $0 == "§" || $0 == " " })), law: law, value)
            }
            if let first = written.first, first.isNumber {
                return try bySection(Self.sectionList(written), law: law, value)
            }
            let matches = catalog.indices.filter { index in
                foldName(catalog[index].label).contains(foldName(written)) && (law == nil || catalog[index].law == law)
            }
            if matches.count == 1 { return matches }
            if matches.count > 1 {
                throw Diagnostic(
                    "E202", "'\(written)' matches \(matches.count) paragraphs", at: value.range,
                    hint: "be more precise: " + matches.prefix(4).map { "'\(catalog[$0].label)'" }.joined(separator: ", ")
                        + (matches.count > 4 ? ", …" : ""))
            }
        }
        throw Diagnostic(
            "E202", "unknown paragraph '\(text(of: value))'", at: value.range,
            hint: suggestion(written, catalog.map(\.label), listing: "see 'show paragraphs'; paragraphs"))
    }

    /// Paragraphs covering all the given sections; bare numbers mean Serviceloven first.
    func bySection(_ sections: [String], law: String?, _ value: Literal) throws(Diagnostic) -> [Int] {
        let catalog = store.catalog.paragraphs
        let wanted = Set(sections.map { $0.lowercased() })
        let covering = catalog.indices.filter { index in
            (law.map { catalog[index].law == $0 } ?? true)
                && wanted.isSubset(of: Set(Self.sectionList(catalog[index].sections.joined(separator: ",")).map { $0.lowercased() }))
        }
        let preferredLaw = law ?? catalog.first?.law
        let preferred = covering.filter { catalog[$0].law == preferredLaw }
        let result = preferred.isEmpty ? covering : preferred
        if result.isEmpty {
            let labels = catalog.filter { law == nil || $0.law == law }.map(\.sectionText)
            let written = (law.map { $0 + " " } ?? "") + (sections.count == 1 ? "§ " : "§§ ") + sections.joined(separator: ", ")
            throw Diagnostic(
                "E202", "no paragraph covers \(written)", at: value.range,
                hint: suggestion(written, labels, listing: "see 'show paragraphs'; sections"))
        }
        return result
    }

    /// "95-96" -> ["95", "96"]; "39-40" -> ["39", "40"]; "68 og 76" -> ["68", "76"]; "32a" -> ["32a"].
    static func sectionList(_ text: String) -> [String] {
        var result: [String] = []
        let parts = text.lowercased().replacingAll(" og ", with: ",").split { $0 == "," || $0 == ";" || $0 == " " }
        for part in parts {
            let ends = part.split(separator: "-")
            if ends.count == 2, let a = Int(ends[0]), let b = Int(ends[1]), a <= b, b - a < 50 {
                result += (a...b).map(String.init)
            } else {
                result.append(String(part))
            }
        }
        return result
    }
}
