// Maps the names imported tables use onto the catalog: municipalities (by code,
// DAWA name or Ankestyrelsen's spelling), "Hele landet" and regions as totals.

/// What an imported municipality value stands for.
enum PlaceValue: Sendable, Equatable {
    case municipality(Int)
    /// "Hele landet": the national total.
    case national
    /// A region total, with the indices of its municipalities.
    case region(String)
    case unknown(suggestion: String?)
}

/// Resolves municipality names and codes against a catalog.
struct MunicipalityResolver: Sendable {
    private var byName: [String: Int] = [:]
    private var byCode: [Int: Int] = [:]
    private var regions: [String: String] = [:]
    private let candidates: [String]

    init(catalog: Catalog) {
        var names: [String] = []
        for (index, municipality) in catalog.municipalities.enumerated() {
            for name in [municipality.name, municipality.astName, municipality.fullName] {
                byName[foldName(name)] = index
            }
            byName[foldName(municipality.name + " kommune")] = index
            byName[foldName(municipality.astName + " kommune")] = index
            byCode[municipality.code] = index
            names.append(municipality.name)
            if municipality.astName != municipality.name { names.append(municipality.astName) }
        }
        for region in catalog.regions {
            regions[foldName(region)] = region
            if region.hasPrefix("Region ") { regions[foldName(String(region.dropFirst(7)))] = region }
        }
        candidates = names
    }

    private static let nationalNames: Set<String> = [
        "hele landet", "landsplan", "danmark", "hele danmark", "i alt", "alle kommuner", "kommuner i alt",
        "national", "all municipalities", "total", "denmark", "whole country",
    ]

    /// Resolves `text`, e.g. "751 Aarhus", "Århus", "Aarhus Kommune", "Hele landet".
    func resolve(_ text: String) -> PlaceValue {
        var name = text.trimmed
        var code: Int?
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 4 {
            let rest = name.dropFirst(digits.count)
            if rest.isEmpty || rest.first == " " {
                code = Int(digits)
                name = String(rest).trimmed
            }
        }
        if let code {
            if code == 0 { return .national }
            if let index = byCode[code] { return .municipality(index) }
            if name.isEmpty { return .unknown(suggestion: nil) }
        }
        let folded = foldName(name)
        if let index = byName[folded] { return .municipality(index) }
        if Self.nationalNames.contains(folded) { return .national }
        if let region = regions[folded] { return .region(region) }
        if folded.hasPrefix("landsdel ") { return .region(name) }
        if code != nil { return .unknown(suggestion: nil) }
        return .unknown(suggestion: nearest(name, in: candidates))
    }

    /// "unknown municipality 'X' (did you mean 'Y'?)".
    static func unknownMessage(_ text: String, _ suggestion: String?) -> String {
        var message = "unknown municipality '\(text)'"
        if let suggestion { message += " (did you mean '\(suggestion)'?)" }
        return message
    }
}

/// An outcome column or value in Ankestyrelsen's wording.
enum OutcomeValue: Sendable, Equatable {
    case upheld, changed, remanded, dismissed
    /// All decided cases: checked against the sum of the four.
    case total
    /// Realitetsbehandlede: checked against upheld + changed + remanded.
    case onMerits
    /// Processing time in days.
    case days
    case unknown

    static let expected = "Stadfæstet, Ændret/ophævet, Hjemvist, Afvist/henvist, I alt"

    init(_ text: String) {
        let words = foldName(text.trimmed).split { !$0.isLetter }.joined(separator: " ")
        switch words {
        case "stadfaestet", "stadfaestelse", "stadfaestede", "stadfaestelser", "upheld", "stadfaestet afgoerelse":
            self = .upheld
        case "aendret ophaevet", "aendring ophaevelse", "aendret", "aendring", "aendret eller ophaevet",
            "aendrede ophaevede", "ophaevet", "changed", "changed annulled", "changed or annulled":
            self = .changed
        case "hjemvist", "hjemvisning", "hjemviste", "remanded":
            self = .remanded
        case "afvist henvist", "afvisning henvisning", "afvist", "afviste", "henvist", "afvist eller henvist",
            "afvist henvist bortfald", "dismissed", "dismissed referred":
            self = .dismissed
        case "i alt", "afgjorte sager i alt", "afgjorte sager", "sager i alt", "antal sager i alt",
            "antal sager ialt", "afgjorte i alt", "total", "decided cases", "all decided cases":
            self = .total
        case "realitetsbehandlede", "realitetsbehandlede sager", "realitetsbehandlede sager i alt":
            self = .onMerits
        case "sagsbehandlingstid", "sagsbehandlingstid i dage", "gennemsnitlig sagsbehandlingstid":
            self = .days
        default:
            self = .unknown
        }
    }
}

/// Parses a period: "2021" (year, quarter 0), "2021K3", "2021Q3", "2021 K3", "2021-Q3", "3. kvt. 2021".
func parsePeriod(_ text: String) -> (year: Int, quarter: Int)? {
    let clean = text.trimmed.uppercased().filter { $0 != " " && $0 != "-" }
    let digits = clean.prefix { $0.isASCII && $0.isNumber }
    guard digits.count == 4, let year = Int(digits) else { return nil }
    let rest = clean.dropFirst(4)
    if rest.isEmpty { return (year, 0) }
    guard rest.count == 2, let letter = rest.first, letter == "K" || letter == "Q",
        let quarter = Int(rest.dropFirst()), (1...4).contains(quarter)
    else { return nil }
    return (year, quarter)
}
