// Calibration targets and fixed parameters of the synthetic demo: the published national
// Danmarkskort figures per year and area (interpolated where unpublished), municipality sizes, paragraph mix.

/// The national figures one area's synthetic counts must reproduce in one year.
struct AreaTarget: Sendable, Equatable {
    /// Omgørelsesprocent in percent.
    var rate: Double
    /// True when `rate` is a published figure (danmarkskort_national.csv), false when interpolated.
    var ratePublished: Bool
    /// Ændret/ophævet as a percent of realitetsbehandlede, when published.
    var changed: Double?
    /// Case volume: decided cases (afgjorte, incl. afviste) or, when `volumeIsMerits`, realitetsbehandlede.
    var volume: Int
    var volumeIsMerits = false
    /// True when `volume` is a published count.
    var volumePublished: Bool
}

/// One data year's targets.
struct YearTarget: Sendable, Equatable {
    var year: Int
    var general: AreaTarget
    var childDisability: AreaTarget
    var adultDisability: AreaTarget
    /// Afviste/henviste as a share of decided cases.
    var dismissedShare: Double
    /// National mean processing days before paragraph and municipality variation.
    var days: Double
}

/// Fixed inputs of the demo generator.
enum DemoTargets {
    /// Per year: generelt, børnehandicap, voksenhandicap. Published values: danmarkskort_national.csv (rates, splits,
    /// 2016 and 2022 counts), ankestyrelsen_kommunale_sager_national.csv (2021 Serviceloven decided) and
    /// ankestyrelsen_klagesager_handicap_counts_KL.csv (børne-/voksenhandicap decided). The rest is interpolated.
    static let years: [YearTarget] = [
        year(2014, g: (36.0, false, nil, 7600, false), b: (50.0, false, nil, 2500, false), v: (22.0, false, 1060, false), 0.080, 105),
        year(2015, g: (36.5, false, nil, 7850, false), b: (51.0, false, nil, 2576, true), v: (21.5, false, 1118, true), 0.078, 118),
        year(2016, g: (37.0, true, nil, 8140, true), b: (51.5, false, nil, 2623, false), v: (21.0, false, 1178, false), 0.077, 132),
        year(2017, g: (38.0, true, nil, 8420, false), b: (52.0, true, nil, 2670, false), v: (21.0, true, 1238, false), 0.075, 142),
        year(2018, g: (37.0, true, nil, 8700, false), b: (47.0, true, nil, 2716, true), v: (33.5, false, 1299, true), 0.074, 147),
        year(2019, g: (41.0, true, nil, 8560, false), b: (50.6, true, 15.6, 2530, false), v: (46.0, true, 1212, false), 0.075, 126),
        year(2020, g: (36.2, true, nil, 8420, false), b: (52.0, true, 15.5, 2345, false), v: (42.4, true, 1125, false), 0.076, 118),
        year(2021, g: (31.8, true, 7.7, 8286, true), b: (35.9, true, nil, 2159, false), v: (34.3, true, 1037, false), 0.077, 124),
        year(2022, g: (37.5, true, 9.0, 8631, true), b: (48.0, false, nil, 1973, true), v: (36.0, false, 950, true), 0.078, 138,
             generalVolumeIsMerits: true),
        year(2023, g: (37.0, false, nil, 9100, false), b: (47.0, false, nil, 2299, true), v: (36.5, false, 721, true), 0.078, 150),
        year(2024, g: (36.5, false, nil, 9000, false), b: (46.5, false, nil, 2300, false), v: (37.0, false, 720, false), 0.078, 145),
    ]

    private static func year(
        _ year: Int,
        g: (Double, Bool, Double?, Int, Bool), b: (Double, Bool, Double?, Int, Bool), v: (Double, Bool, Int, Bool),
        _ dismissed: Double, _ days: Double, generalVolumeIsMerits: Bool = false
    ) -> YearTarget {
        YearTarget(
            year: year,
            general: AreaTarget(rate: g.0, ratePublished: g.1, changed: g.2, volume: g.3,
                                volumeIsMerits: generalVolumeIsMerits, volumePublished: g.4),
            childDisability: AreaTarget(rate: b.0, ratePublished: b.1, changed: b.2, volume: b.3, volumePublished: b.4),
            adultDisability: AreaTarget(rate: v.0, ratePublished: v.1, changed: nil, volume: v.2, volumePublished: v.3),
            dismissedShare: dismissed, days: days)
    }

    /// Ændret/ophævet as a share of omgjorte where no split is published.
    static let changedShareOfReversed: [Area: Double] = [.general: 0.25, .childDisability: 0.31, .adultDisability: 0.32]

    /// The year Barnets lov replaced Serviceloven's children's provisions (paragraphs with `formerly`).
    static let successorYear = 2024
    /// The Barnets lov paragraphs the demo generates data for; the catalogue's other Barnets lov rows
    /// exist so real downloads load, and the demo keeps those children's provisions under their SEL codes.
    static let modelledSuccessors: Set<String> = ["2.1", "2.2"]

    /// Per paragraph code: share of its group's cases, reversal-rate factor, processing-days factor.
    /// Successor paragraphs without an entry use their predecessor's.
    static let paragraphs: [String: (share: Double, rate: Double, days: Double)] = [
        "1.1": (0.03, 0.8, 0.8), "1.2": (0.10, 0.9, 0.9), "1.3": (0.03, 1.0, 0.9), "1.4": (0.03, 0.85, 0.9),
        "1.5": (0.04, 1.0, 0.9), "1.6": (0.36, 1.05, 1.1), "1.7": (0.32, 1.0, 1.1), "1.8": (0.12, 0.95, 1.0),
        "1.9": (0.22, 0.9, 1.2), "1.10": (0.05, 1.1, 1.0), "1.11": (0.16, 1.0, 0.9), "1.12": (0.03, 0.9, 0.8),
        "1.13": (0.17, 1.1, 1.0), "1.14": (0.03, 0.8, 0.8), "1.15": (0.14, 1.15, 1.3), "1.16": (0.08, 0.9, 0.8),
        "1.17": (0.03, 0.9, 0.8), "1.18": (0.22, 1.05, 1.0), "1.19": (0.07, 0.95, 1.0), "1.20": (0.16, 1.0, 1.2),
        "1.21": (0.02, 0.7, 0.7), "1.22": (0.20, 0.95, 0.9), "1.23": (0.07, 0.9, 0.8), "1.24": (0.12, 0.9, 1.1),
        "1.25": (0.08, 1.0, 1.0), "1.26": (0.04, 0.85, 0.8),
    ]

    /// Approximate population in thousands per municipality code (rounded, about 2020; an APPROXIMATE size
    /// weight for the demo, not an official figure). Codes not listed weigh 40.
    static let population: [Int: Double] = [
        101: 640, 147: 104, 151: 48, 153: 35, 155: 14, 157: 75, 159: 69, 161: 23, 163: 29, 165: 28, 167: 53,
        169: 51, 173: 56, 175: 41, 183: 23, 185: 43, 187: 17, 190: 41, 201: 26, 210: 41, 217: 63, 219: 51, 223: 25,
        230: 57, 240: 43, 250: 45, 253: 50, 259: 61, 260: 31, 265: 88, 269: 23, 270: 41, 306: 33, 316: 72, 320: 37,
        326: 49, 329: 35, 330: 79, 336: 23, 340: 30, 350: 28, 360: 41, 370: 83, 376: 61, 390: 46, 400: 40, 410: 39,
        420: 41, 430: 51, 440: 24, 450: 32, 461: 205, 479: 59, 480: 29, 482: 12, 492: 6, 510: 56, 530: 27, 540: 74,
        550: 37, 561: 116, 563: 3.5, 573: 50, 575: 43, 580: 59, 607: 51, 615: 90, 621: 93, 630: 116, 657: 89,
        661: 59, 665: 20, 671: 21, 706: 43, 707: 37, 710: 48, 727: 23, 730: 98, 740: 94, 741: 3.7, 746: 62,
        751: 350, 756: 41, 760: 57, 766: 47, 773: 20, 779: 46, 787: 43, 791: 97, 810: 36, 813: 60, 820: 37,
        825: 1.8, 840: 30, 846: 42, 849: 38, 851: 217, 860: 65,
    ]
}
