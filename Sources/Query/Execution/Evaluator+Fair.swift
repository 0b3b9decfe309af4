// The evaluator's fair-comparison steps: pooling years (`rolling`), expected
// reversals for case-mix standardisation, and the footer notes for shrinkage,
// change between periods, pooled years and rankings (small counts, ties at the cut).

extension Totals {
    /// Adds another group's counts (pooling years).
    mutating func add(_ other: Totals) {
        upheld += other.upheld
        changed += other.changed
        remanded += other.remanded
        dismissed += other.dismissed
        dayHundredths += other.dayHundredths
        daysWeight += other.daysWeight
        rows += other.rows
    }
}

protocol Poolable { mutating func add(_ other: Self) }
extension Totals: Poolable {}
extension Double: Poolable {
    mutating func add(_ other: Double) { self += other }
}

extension Evaluator {
    /// Each key's year also receives the values of the `years − 1` years before it.
    static func pool<T: Poolable>(_ values: [Int: T], radices: [Int], yearIndex: Int, years: Int) -> [Int: T] {
        let stride = radices[(yearIndex + 1)...].reduce(1, *)
        var result: [Int: T] = [:]
        for (key, value) in values {
            let year = (key / stride) % radices[yearIndex]
            for later in 0..<years where year + later < radices[yearIndex] {
                if result[key + later * stride] == nil { result[key + later * stride] = value } else { result[key + later * stride]!.add(value) }
            }
        }
        return result
    }

    /// Reversals each group would have at the national rate of each paragraph (same years
    /// and conditions, geography dropped), keyed like the main scan's groups.
    func expectedReversals(_ plan: Plan) -> [Int: Double] {
        let query = plan.query
        var own = plan.main
        if !own.groupBy.contains(.paragraph) { own.groupBy.append(.paragraph) }
        let reference = Planner.scan(query.nationalRows, groupBy: own.groupBy.filter { !$0.isGeographic }, areas: query.areas)
        let counts = aggregate(own), national = aggregate(reference)
        var expected: [Int: Double] = [:]
        for (key, totals) in counts.totals where totals.cases > 0 {
            let parts = counts.components(of: key)
            var mainKey = 0, nationalKey = 0
            for (i, dimension) in own.groupBy.enumerated() {
                if i < query.groupBy.count { mainKey = mainKey * counts.radices[i] + parts[i] }
                if !dimension.isGeographic { nationalKey = nationalKey * counts.radices[i] + parts[i] }
            }
            guard let base = national.totals[nationalKey], base.cases > 0 else { continue }
            expected[mainKey, default: 0] += Double(totals.cases) * Double(base.reversed) / Double(base.cases)
        }
        return expected
    }

    /// Every municipality (or region, when the rows are regions) under the query's conditions
    /// without geography, as (reversed, cases) per stratum (the key of the national reference):
    /// the funnel whose dispersion the `vs national` verdict allows for.
    func funnelUnits(_ plan: Plan) -> [Int: [(k: Int, n: Int)]] {
        let query = plan.query
        let strata = query.groupBy.filter { !$0.isGeographic }
        let unit: Dimension = query.groupBy.contains(.region) && !query.groupBy.contains(.municipality) ? .region : .municipality
        let scan = Planner.scan(query.nationalRows, groupBy: strata + [unit], areas: query.areas)
        var all = aggregate(scan)
        if let years = query.rolling, let y = strata.firstIndex(of: .year) {
            all.totals = Self.pool(all.totals, radices: all.radices, yearIndex: y, years: years)
        }
        let shownYears = Set(query.rollingYears.map { $0 - domains.firstYear })
        var funnel: [Int: [(k: Int, n: Int)]] = [:]
        for (key, totals) in all.totals.sorted(by: { $0.key < $1.key }) where totals.cases > 0 {
            let parts = all.components(of: key)
            if query.rolling != nil, let y = strata.firstIndex(of: .year), !shownYears.contains(parts[y]) { continue }
            var stratum = 0
            for i in strata.indices { stratum = stratum * all.radices[i] + parts[i] }
            funnel[stratum, default: []].append((totals.reversed, totals.cases))
        }
        return funnel
    }

    /// True when the conditions select one municipality: each row is then that municipality's
    /// unit in the funnel of all municipalities (per year, paragraph, … as grouped).
    static func singleMunicipality(_ plan: Plan) -> Bool {
        plan.main.residual == nil && plan.main.municipalities?.filter { $0 }.count == 1
    }

    /// "municipalities" or "regions": what the units of a funnel are.
    func unitName(_ query: BoundQuery) -> String {
        query.groupBy.contains(.region) && !query.groupBy.contains(.municipality) ? "regions" : "municipalities"
    }

    static func shrinkageNotes(_ prior: BetaPrior?) -> [String] {
        guard let prior else {
            return ["rate_shrunk is empty: its prior is fitted on the rows compared, and fewer than \(Shrinkage.minimumUnits) rows have cases (group by more, e.g. by municipality)."]
        }
        let f = { (x: Double) in Renderer.formatDecimal(x, 1) }
        return ["rate_shrunk = empirical-Bayes beta-binomial: prior Beta(\(f(prior.alpha)), \(f(prior.beta))) fitted by maximum likelihood to the \(prior.units) rows with cases (mean \(f(100 * prior.mean)) %, worth \(f(prior.alpha + prior.beta)) cases); rate_shrunk_low/high = 95 % credible interval."]
    }

    /// What `vs YEAR` compared, how the change was tested, and how many changes chance alone would flag.
    func changeNotes(_ query: BoundQuery, _ entries: [Entry], _ then: Aggregate) -> [String] {
        var thenName = query.thenName ?? "the other period", nowName = query.nowName ?? "the period above"
        if let rolling = query.rolling {
            thenName = Binder.describeYears(Set(then.presentPeriods.map { $0 / 4 }).sorted()) + " (rolling \(rolling))"
            let data = Set(domains.yearList)
            let pooled = Set(query.rollingYears.flatMap { year in (year - rolling + 1...year).filter { data.contains($0) } })
            nowName = Binder.describeYears(pooled.sorted()) + " (rolling \(rolling))"
        }
        var notes = ["then_* = the same row in \(thenName), now = \(nowName); change_* = now − then (percentage points for rates)."]
        guard query.measures.contains(.rate) else { return notes }
        let tested = entries.compactMap { e in e.then.flatMap { Change.twoProportionP($0.reversed, $0.cases, e.totals.reversed, e.totals.cases) } }
        let at95 = tested.filter { $0 < 0.05 }.count, at998 = tested.filter { $0 < 0.002 }.count
        notes.append("change = two-proportion z-test (pooled rate), assuming binomial variation: overdispersed data make it flag too many, and extreme rows tend to move towards the average by chance (regression to the mean).")
        if tested.count > 1 {
            notes.append("Changes flagged: \(at95) of \(tested.count) at 95 % (chance alone would flag about \(Funnel.about(0.05 * Double(tested.count)))) and \(at998) at 99.8 % (about \(Funnel.about(0.002 * Double(tested.count)))).")
        }
        return notes
    }

    /// Which years each row pools under `rolling N`.
    func rollingNotes(_ query: BoundQuery, _ main: Aggregate) -> [String] {
        guard let rolling = query.rolling else { return [] }
        let dataYears = Set(domains.yearList)
        func pooled(_ year: Int) -> [Int] { (year - rolling + 1...year).filter { dataYears.contains($0) } }
        if query.groupBy.contains(.year) {
            let shown = query.rollingYears
            guard let first = shown.first, let last = shown.last else { return [] }
            var note = "rolling \(rolling): each year's row pools it with the \(rolling - 1) year\(rolling == 2 ? "" : "s") before it (\(first) = \(Binder.describeYears(pooled(first)))"
            if last != first { note += ", …, \(last) = \(Binder.describeYears(pooled(last)))" }
            note += ")."
            let short = shown.filter { pooled($0).count < rolling }
            if !short.isEmpty {
                note += " \(Binder.describeYears(short)) pool\(short.count == 1 ? "s" : "") fewer years: the data starts in \(domains.yearList.first ?? 0)."
            }
            return [note]
        }
        let years = Set(main.presentPeriods.map { $0 / 4 }).sorted()
        var note = "rolling \(rolling): pooled \(Binder.describeYears(years))"
        if query.rollingYears.contains(where: { pooled($0).count < rolling }) {
            note += " (fewer than \(rolling) years: the data starts in \(domains.yearList.first ?? 0))"
        }
        return [note + "."]
    }

    /// Under `top`/`bottom`: rows cut although tied with the last one shown, and a warning when a
    /// ranking by a raw rate rests on small counts.
    func rankingNotes(_ query: BoundQuery, columns: [Column], order: [(Int, Bool)], rows: [[Value]], cases: [Int], shown: Int) -> [String] {
        guard let cut = query.cut, let (primary, _) = order.first, shown > 0 else { return [] }
        var notes: [String] = []
        let last = rows[shown - 1]
        if shown < rows.count, last[primary] != .missing {
            var tied = shown
            while tied < rows.count, order.allSatisfy({ Self.compare(rows[tied][$0.0], last[$0.0], descending: false) == 0 }) { tied += 1 }
            if tied > shown {
                let names = rows[shown..<tied].prefix(3).map { Renderer.plain($0[0]) }.joined(separator: ", ")
                let count = tied - shown
                notes.append("\(count) more row\(count == 1 ? "" : "s") tie\(count == 1 ? "s" : "") with the last one shown (\(columns[primary].name) \(Renderer.plain(last[primary]))) and \(count == 1 ? "was" : "were") cut: \(names)\(count > 3 ? ", …" : ""); '\(cut.fromTop ? "top" : "bottom") \(tied)' shows \(count == 1 ? "it" : "them").")
            }
        }
        if let measure = Schema.measure(named: columns[primary].name), measure.restsOnCases, !measure.dependsOnAllRows {
            let small = cases.prefix(shown).filter { $0 < 30 }.count
            if small > 0 {
                notes.append("The ranking by \(measure.name) rests on small counts: \(small) of the \(shown) rows shown rest on fewer than 30 cases, where chance moves a rate most. For a fairer league table rank by rate_shrunk (put it first: rate_shrunk, rate by …), which pulls small counts towards the average.")
            }
        }
        return notes
    }
}
