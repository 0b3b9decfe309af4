// `show …` and `describe …`: what the loaded data holds and what each measure
// and dimension means, as ordinary results and text.

/// What `show` can list.
enum ShowTarget: String, CaseIterable {
    case municipalities, regions, paragraphs, laws, areas, years, measures, dimensions, datasets, comments, published
}

extension Engine {
    func show(_ name: Name) throws(Diagnostic) -> ResultSet {
        let folded = foldName(name.text)
        guard let target = Schema.showTargets.first(where: { $0.spellings.contains { foldName($0) == folded } })?.target else {
            throw Diagnostic(
                "E208", "cannot show '\(name.text)'", at: name.range,
                hint: nearest(name.text, in: ShowTarget.allCases.map(\.rawValue)).map { "did you mean '\($0)'?" }
                    ?? "show " + ShowTarget.allCases.map(\.rawValue).joined(separator: " | "))
        }
        let catalog = store.catalog
        switch target {
        case .municipalities:
            return ResultSet(
                columns: [Column("code", .dimension), Column("municipality", .dimension), Column("ankestyrelsen", .dimension), Column("region", .dimension)],
                rows: catalog.municipalities.map { [.integer($0.code), .text($0.name), .text($0.astName), .text($0.region)] },
                notes: [.remark(.municipalitiesSource)])
        case .regions:
            return ResultSet(
                columns: [Column("region", .dimension), Column("municipalities", .measure)],
                rows: catalog.regions.map { region in [.text(region), .integer(catalog.municipalities.filter { $0.region == region }.count)] })
        case .paragraphs:
            return ResultSet(
                columns: [Column("code", .dimension), Column("law", .dimension), Column("paragraph", .dimension), Column("areas", .dimension)],
                rows: catalog.paragraphs.map { p in
                    [.text(p.code), .text(p.law), .text(p.label), .text(p.areas.map(\.fileName).joined(separator: ", "))]
                },
                notes: [.remark(.paragraphsSource)])
        case .laws:
            return ResultSet(
                columns: [Column("law", .dimension), Column("paragraphs", .measure)],
                rows: catalog.laws.map { law in [.text(law), .integer(catalog.paragraphs.filter { $0.law == law }.count)] })
        case .areas:
            return ResultSet(
                columns: [Column("area", .dimension), Column("paragraphs", .measure), Column("sections", .dimension)],
                rows: Area.allCases.map { area in
                    let members = catalog.paragraphs.filter { $0.areas.contains(area) }
                    return [.text(area.rawValue), .integer(members.count), .text(members.map(\.sectionText).joined(separator: "; "))]
                })
        case .years:
            let facts = store.facts
            var rows: [[Value]] = []
            for year in domains.yearList {
                var cases = 0, decided = 0, sources = Set<Int>()
                for i in 0..<facts.count where Int(facts.year[i]) == year {
                    let c = Int(facts.upheld[i] + facts.changed[i] + facts.remanded[i])
                    cases += c
                    decided += c + Int(facts.dismissed[i])
                    sources.insert(Int(facts.dataset[i]))
                }
                let infos = sources.sorted().map { store.datasets[$0] }
                rows.append([
                    .integer(year), .integer(cases), .integer(decided),
                    .text(infos.map(\.path).joined(separator: ", ")),
                    .text(infos.allSatisfy(\.synthetic) ? "synthetic" : (infos.contains(where: \.synthetic) ? "mixed" : "real")),
                ])
            }
            return ResultSet(
                columns: [Column("year", .dimension), Column("cases", .measure), Column("decided", .measure), Column("file", .dimension), Column("kind", .dimension)],
                rows: rows)
        case .measures:
            return ResultSet(
                columns: [Column("measure", .dimension), Column("definition", .dimension)],
                rows: Schema.measures.map { [.text($0.name), .text(language == .da ? $0.definitionDa : $0.definition)] })
        case .dimensions:
            return ResultSet(
                columns: [Column("dimension", .dimension), Column("values", .dimension)],
                rows: Schema.dimensions.map { [.text($0.name), .text(language == .da ? $0.definitionDa : $0.definition)] })
        case .published:
            return ResultSet(
                columns: ["year", "area", "place"].map { Column($0, .dimension) } + [Column("rate", .measure), Column("source", .dimension)],
                rows: store.published.map { p in
                    [.integer(p.year), .text(p.area.rawValue), .text(p.municipality.map { catalog.municipalities[$0].name } ?? "Hele landet"),
                     .number(p.rate, decimals: 1), .text(p.source)]
                },
                notes: [.remark(.publishedSource)])
        case .comments:
            return ResultSet(
                columns: ["municipality", "year", "area", "comment"].map { Column($0, .dimension) },
                rows: store.comments.sorted { ($0.municipality, $0.year) < ($1.municipality, $1.year) }.map { c in
                    [.text(catalog.municipalities[c.municipality].name), .integer(c.year), .text(c.area.rawValue), .text(c.text)]
                },
                notes: store.comments.isEmpty ? [.remark(.noComments)] : [])
        case .datasets:
            let facts = store.facts
            var rowsPer = [Int](repeating: 0, count: store.datasets.count)
            var yearsPer = [Set<Int>](repeating: [], count: store.datasets.count)
            for i in 0..<facts.count {
                rowsPer[Int(facts.dataset[i])] += 1
                yearsPer[Int(facts.dataset[i])].insert(Int(facts.year[i]))
            }
            for (dataset, year) in store.population.map({ ($0.dataset, $0.year) }) + store.decisions.map({ ($0.dataset, $0.year) })
            where dataset < store.datasets.count {
                rowsPer[dataset] += 1
                yearsPer[dataset].insert(year)
            }
            return ResultSet(
                columns: ["dataset", "file", "format", "years", "rows", "kind", "checksum"].map { Column($0, .dimension) },
                rows: store.datasets.enumerated().map { index, info in
                    [.text(info.name), .text(info.path), .text(info.format), .text(Binder.describeYears(Array(yearsPer[index]))),
                     .integer(rowsPer[index]), .text(info.synthetic ? "synthetic" : "real"), .text(info.checksum)]
                },
                notes: store.datasets.contains(where: \.synthetic) ? [.remark(.syntheticDatasets)] : [])
        }
    }

    func describe(_ name: Name) throws(Diagnostic) -> String {
        if language == .da, let text = describeInDanish(name.text) { return text }
        if let measure = Binder.measure(named: name.text) {
            var text = "\(measure.name): \(measure.definition)\n  formula: \(measure.formula)"
            if let method = ComparisonColumns.method(of: measure) {
                text += "\n" + method
            } else if measure.isPercent {
                text += "\n  Over several groups (municipalities, paragraphs, years) it is the ratio of the summed counts, never a mean of rates. Empty when the denominator is 0."
            }
            text += "\n  source: Ankestyrelsen, \"Afgørelsestyper og omgørelsesprocent\" (ast.dk); counts from the loaded datasets (show datasets)."
            return text
        }
        if let dimension = Binder.dimension(named: name.text) {
            return "\(dimension.name): \(dimension.definition)"
        }
        if let text = ComparisonColumns.describe(name.text) { return text }
        throw Diagnostic(
            "E200", "nothing called '\(name.text)' to describe", at: name.range,
            hint: nearest(name.text, in: Schema.measures.map(\.name) + Schema.dimensions.map(\.name)).map { "did you mean '\($0)'?" }
                ?? "describe a measure or a dimension (show measures)")
    }

    /// `describe` in Danish: the Schema's Danish definition, the formula, how it is summed, its source.
    func describeInDanish(_ text: String) -> String? {
        // A Danish header names its measure too (sager, afgjorte).
        let byHeader = Schema.measures.first { foldName($0.words.header) == foldName(text) || foldName($0.words.da) == foldName(text) }
        if let measure = Binder.measure(named: text) ?? byHeader {
            var out = "\(measure.name) (\(measure.words.da)): \(measure.definitionDa)\n  formel: \(measure.formula)"
            if let method = ComparisonColumns.method(of: measure) {
                out += "\n" + method
            } else if measure.isPercent {
                out += "\n  Over flere grupper (kommuner, paragraffer, år) er den forholdet mellem de summerede tal, aldrig et gennemsnit af procenter. Tom, når nævneren er 0."
            }
            out += "\n  kilde: Ankestyrelsen, \"Afgørelsestyper og omgørelsesprocent\" (ast.dk); tallene fra de indlæste datasæt (show datasets)."
            return out
        }
        if let dimension = Binder.dimension(named: text) {
            return "\(dimension.name) (\(dimension.words.da)): \(dimension.definitionDa)"
        }
        return ComparisonColumns.describeInDanish(text)
    }
}
