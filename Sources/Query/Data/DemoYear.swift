// One year of the synthetic demo: national totals per group decided first (so the published
// rates hold by construction), then distributed over quarter × municipality × paragraph cells.

/// The counts of one generated year in dense arrays indexed by (quarter, municipality, paragraph).
struct DemoYear {
    /// Paragraph groups that partition the generelt paragraphs: børnehandicap, voksenhandicap, the rest.
    enum Group: UInt64, CaseIterable { case child = 1, adult = 2, other = 3 }

    /// National totals of one group.
    struct Totals {
        var merits = 0
        var reversed = 0
        var changed = 0
        var dismissed = 0
    }

    let target: YearTarget
    let catalog: Catalog
    let traits: MunicipalityTraits
    let groups: [Group: [Int]]
    let totals: [Group: Totals]
    private(set) var upheld: [Int]
    private(set) var changed: [Int]
    private(set) var remanded: [Int]
    private(set) var dismissed: [Int]

    init(target: YearTarget, catalog: Catalog, traits: MunicipalityTraits) throws(DataError) {
        self.target = target
        self.catalog = catalog
        self.traits = traits
        let cells = 4 * catalog.municipalities.count * catalog.paragraphs.count
        upheld = [Int](repeating: 0, count: cells)
        changed = upheld
        remanded = upheld
        dismissed = upheld
        let modelled = { (p: Paragraph) in p.law != "Barnets lov" || DemoTargets.modelledSuccessors.contains(p.code) }
        let successors = Set(catalog.paragraphs.filter(modelled).compactMap(\.formerly))
        var groups: [Group: [Int]] = [.child: [], .adult: [], .other: []]
        for (index, paragraph) in catalog.paragraphs.enumerated() where modelled(paragraph) {
            let active = paragraph.formerly != nil
                ? target.year >= DemoTargets.successorYear
                : !(successors.contains(paragraph.code) && target.year >= DemoTargets.successorYear)
            guard active, paragraph.areas.contains(.general) else { continue }
            let group: Group = paragraph.areas.contains(.childDisability) ? .child
                : paragraph.areas.contains(.adultDisability) ? .adult : .other
            groups[group, default: []].append(index)
        }
        for group in Group.allCases where groups[group, default: []].isEmpty {
            throw DataError(file: "paragraphs.csv", "demo data needs at least one active paragraph in group \(group) for \(target.year)")
        }
        self.groups = groups
        self.totals = try Self.totals(target)
    }

    /// Decides each group's national counts so the three areas hit their targets exactly (up to rounding).
    private static func totals(_ target: YearTarget) throws(DataError) -> [Group: Totals] {
        let keep = 1 - target.dismissedShare
        func area(_ area: AreaTarget, _ kind: Area) -> Totals {
            let merits = area.volumeIsMerits ? area.volume : Int((Double(area.volume) * keep).rounded())
            let reversed = Int((area.rate / 100 * Double(merits)).rounded())
            let share = DemoTargets.changedShareOfReversed[kind] ?? 0.3
            let changed = area.changed.map { Int(($0 / 100 * Double(merits)).rounded()) }
                ?? Int((share * Double(reversed)).rounded())
            return Totals(merits: merits, reversed: reversed, changed: changed)
        }
        let general = area(target.general, .general)
        var child = area(target.childDisability, .childDisability)
        var adult = area(target.adultDisability, .adultDisability)
        var other = Totals(merits: general.merits - child.merits - adult.merits,
                           reversed: general.reversed - child.reversed - adult.reversed,
                           changed: general.changed - child.changed - adult.changed)
        guard other.changed >= 0, other.changed <= other.reversed, other.reversed <= other.merits, other.merits > 0 else {
            throw DataError(file: "DemoTargets", "targets for \(target.year) leave no consistent remainder for other paragraphs")
        }
        let ratio = target.dismissedShare / keep
        child.dismissed = Int((Double(child.merits) * ratio).rounded())
        adult.dismissed = Int((Double(adult.merits) * ratio).rounded())
        other.dismissed = Int((Double(other.merits) * ratio).rounded())
        return [.child: child, .adult: adult, .other: other]
    }

    private func cell(_ quarter: Int, _ municipality: Int, _ paragraph: Int) -> Int {
        (quarter * catalog.municipalities.count + municipality) * catalog.paragraphs.count + paragraph
    }

    private func parameters(_ paragraph: Int) -> (share: Double, rate: Double, days: Double) {
        let entry = catalog.paragraphs[paragraph]
        return DemoTargets.paragraphs[entry.code]
            ?? entry.formerly.flatMap { DemoTargets.paragraphs[$0] } ?? (0.03, 1.0, 1.0)
    }

    /// Fills the count arrays.
    mutating func generate() {
        let year = UInt64(target.year)
        var yearly = SplitMix64.stream(DemoData.seed, year, 10)
        let yearRate = catalog.municipalities.map { _ in yearly.factor(spread: 0.10, range: 0.7...1.3) }
        let drift = catalog.paragraphs.map { _ in yearly.factor(spread: 0.12, range: 0.6...1.4) }
        for group in Group.allCases {
            guard let paragraphs = groups[group], let totals = totals[group] else { continue }
            var random = SplitMix64.stream(DemoData.seed, year, 20, group.rawValue)
            let quarterWeight = (0..<4).map { _ in random.factor(spread: 0.10, range: 0.7...1.3) }
            var cells: [Int] = []
            var weights: [Double] = []
            var propensity: [Double] = []
            var changedPropensity: [Double] = []
            for quarter in 0..<4 {
                for municipality in catalog.municipalities.indices {
                    for paragraph in paragraphs {
                        let parameters = parameters(paragraph)
                        cells.append(cell(quarter, municipality, paragraph))
                        weights.append(traits.size[municipality] * parameters.share * drift[paragraph] * quarterWeight[quarter]
                            * random.factor(spread: 0.35, range: 0.2...2.2))
                        propensity.append(traits.rate[municipality] * yearRate[municipality] * parameters.rate)
                        changedPropensity.append(traits.changed[municipality])
                    }
                }
            }
            let merits = random.multinomial(totals.merits, weights: weights)
            let reversed = Self.thin(merits, propensity, to: totals.reversed, random: &random)
            let changedCounts = Self.thin(reversed, changedPropensity, to: totals.changed, random: &random)
            let dismissedCounts = random.multinomial(totals.dismissed, weights: weights)
            for (position, index) in cells.enumerated() {
                upheld[index] = merits[position] - reversed[position]
                changed[index] = changedCounts[position]
                remanded[index] = reversed[position] - changedCounts[position]
                dismissed[index] = dismissedCounts[position]
            }
        }
    }

    /// Binomial thinning of `counts` with probabilities proportional to `propensity`, then adjusted to sum to `total`.
    private static func thin(_ counts: [Int], _ propensity: [Double], to total: Int, random: inout SplitMix64) -> [Int] {
        var expected = 0.0
        for (count, weight) in zip(counts, propensity) { expected += Double(count) * weight }
        let scale = expected > 0 ? Double(total) / expected : 0
        var result = zip(counts, propensity).map { count, weight in random.binomial(count, min(0.95, weight * scale)) }
        random.adjust(&result, capacity: counts, to: total)
        return result
    }
}
