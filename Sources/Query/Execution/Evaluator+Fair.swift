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
        // A pool over a cell marked missing is missing what that cell lacks, whichever year came first.
        missing |= other.missing
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
            all.totals = GroupTotals(Self.pool(all.totals.dictionary, radices: all.radices, yearIndex: y, years: years))
        }
        let shownYears = Set(query.rollingYears.map { $0 - domains.firstYear })
        var funnel: [Int: [(k: Int, n: Int)]] = [:]
        for (key, totals) in all.totals where totals.cases > 0 {
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
    /// The dimension whose units the funnels compare.
    func unitName(_ query: BoundQuery) -> String {
        query.groupBy.contains(.region) && !query.groupBy.contains(.municipality) ? "region" : "municipality"
    }

    static func shrinkageNotes(_ prior: BetaPrior?) -> [Note] {
        guard let prior else { return [.shrinkageEmpty(minimum: Shrinkage.minimumUnits)] }
        return [.shrinkage(alpha: prior.alpha, beta: prior.beta, units: prior.units, mean: prior.mean)]
    }

    /// What `vs YEAR` compared, how the change was tested, and how many changes chance alone would flag.
    func changeNotes(_ query: BoundQuery, _ groups: some Sequence<(before: Totals, now: Totals)>, _ then: Aggregate) -> [Note] {
        var thenName = query.thenName, nowName = query.nowName
        if let rolling = query.rolling {
            thenName = Binder.describeYears(Set(then.presentPeriods.map { $0 / 4 }).sorted())
            let data = Set(domains.yearList)
            let pooled = Set(query.rollingYears.flatMap { year in (year - rolling + 1...year).filter { data.contains($0) } })
            nowName = Binder.describeYears(pooled.sorted())
        }
        var notes: [Note] = [.changeColumns(then: thenName, now: nowName, rolling: query.rolling)]
        guard query.measures.contains(.rate) else { return notes }
        let tested = groups.compactMap { Change.twoProportionP($0.before.reversed, $0.before.cases, $0.now.reversed, $0.now.cases) }
        let at95 = tested.filter { $0 < 0.05 }.count, at998 = tested.filter { $0 < 0.002 }.count
        notes.append(.changeMethod)
        if tested.count > 1 { notes.append(.changesFlagged(at95, of: tested.count, strong: at998)) }
        return notes
    }

    /// Which years each row pools under `rolling N`.
    func rollingNotes(_ query: BoundQuery, _ main: Aggregate) -> [Note] {
        guard let rolling = query.rolling else { return [] }
        let dataYears = Set(domains.yearList)
        let start = domains.yearList.first ?? 0
        func pooled(_ year: Int) -> [Int] { (year - rolling + 1...year).filter { dataYears.contains($0) } }
        if query.groupBy.contains(.year) {
            let shown = query.rollingYears
            guard let first = shown.first, let last = shown.last else { return [] }
            return [.rollingByYear(
                n: rolling, first: first, firstPooled: pooled(first), last: last != first ? last : nil, lastPooled: pooled(last),
                short: shown.filter { pooled($0).count < rolling }, dataStart: start)]
        }
        let years = Set(main.presentPeriods.map { $0 / 4 }).sorted()
        let fewer = query.rollingYears.contains(where: { pooled($0).count < rolling })
        return [.rollingPooled(n: rolling, years: years, dataStart: fewer ? start : nil)]
    }

    /// Under `top`/`bottom`: rows cut although tied with the last one shown, and a warning when a
    /// ranking by a raw rate rests on small counts.
    func rankingNotes(_ query: BoundQuery, columns: [Column], order: [(Int, Bool)], rows: [[Value]], cases: [Int], shown: Int) -> [Note] {
        guard let cut = query.cut, let (primary, _) = order.first, shown > 0 else { return [] }
        var notes: [Note] = []
        let last = rows[shown - 1]
        if shown < rows.count, last[primary] != .missing {
            var tied = shown
            while tied < rows.count, order.allSatisfy({ Self.compare(rows[tied][$0.0], last[$0.0], descending: false) == 0 }) { tied += 1 }
            if tied > shown {
                notes.append(.tie(
                    count: tied - shown, column: columns[primary].name, value: Renderer.plain(last[primary]),
                    names: rows[shown..<tied].prefix(3).map { Renderer.plain($0[0]) }, top: cut.fromTop, tied: tied))
            }
        }
        if let measure = Schema.measure(named: columns[primary].name), measure.restsOnCases, !measure.dependsOnAllRows {
            let small = cases.prefix(shown).filter { $0 < 30 }.count
            if small > 0 {
                notes.append(.smallCountRanking(measure: measure.name, small: small, shown: shown))
            }
        }
        return notes
    }
}
