// Footer notes for breaks and overlaps: a result crossing 1 January 2024 (Barnets lov
// took children's provisions out of Serviceloven) says what moved; grouping by area
// says the areas overlap and must not be added.

extension Evaluator {
    func breakNotes(_ query: BoundQuery, _ main: Aggregate, _ plan: Plan) -> [Note] {
        var notes: [Note] = []
        if query.groupBy.contains(.area) {
            notes.append(.areasOverlap)
        }
        var years = Set(main.presentPeriods.map { $0 / 4 })
        if let then = plan.then?.periods {
            years.formUnion(domains.yearList.filter { year in (1...4).contains { then.allows(year: year, quarter: $0) } })
        }
        let bySection = query.groupBy.contains(.law) || query.groupBy.contains(.area) || query.groupBy.contains(.paragraph)
        let filtersSections = plan.main.paragraphs != nil || query.areas.contains(false)
        guard years.contains(where: { $0 < 2024 }), years.contains(where: { $0 >= 2024 }),
            bySection || filtersSections || plan.then != nil else { return notes }
        let catalog = store.catalog
        // The moves the loaded data uses (all of the catalogue's when it uses none).
        func moves(_ indices: [Int]) -> [String] {
            indices.compactMap { index -> String? in
                let new = catalog.paragraphs[index]
                guard let code = new.formerly, let old = catalog.paragraphs.first(where: { $0.code == code }) else { return nil }
                return "\(old.law) \(old.sectionText) → \(new.law) \(new.sectionText)"
            }
        }
        let used = moves(catalog.paragraphs.indices.filter { domains.hasData(paragraph: $0) })
        notes.append(.lawBreak(moves: used.isEmpty ? moves(Array(catalog.paragraphs.indices)) : used))
        return notes
    }
}
