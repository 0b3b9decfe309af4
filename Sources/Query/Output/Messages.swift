// Error messages in Danish: every diagnostic keeps its stable code and its values; this
// table words each English message (and hint) of a code in Danish, the values (names,
// years, spellings as typed) carried over verbatim. `{}` in a template is a value.
// Parts of messages built from pieces ("expected a measure, found …") are worded by
// the phrase table at the end. A message with no entry stays in English.

enum Messages {
    /// (code or "" for any, English template, Danish template).
    static let templates: [(String, String, String)] = [
        ("E100", "unexpected character {}", "uventet tegn {}"),
        ("E101", "unterminated string", "uafsluttet tekst i anførselstegn"),
        ("E102", "expected a section number after '{}'", "forventede et paragrafnummer efter '{}'"),
        ("E103", "number too large: {}", "tallet er for stort: {}"),
        ("E104", "quarter must be 1-4, found {}", "kvartal skal være 1-4, fandt {}"),
        ("E105", "a word of {} bytes is too long (at most {})", "et ord på {} byte er for langt (højst {})"),
        ("E113", "expression nested too deeply (more than {} levels)", "udtrykket er indlejret for dybt (mere end {} niveauer)"),
        ("E115", "pool 1 to 20 years, not {}", "læg 1 til 20 år sammen, ikke {}"),
        ("E116", "statement too long (more than {} words and symbols)", "sætningen er for lang (mere end {} ord og tegn)"),
        ("", "expected {}, found end of input", "forventede {}, fandt slutningen af sætningen"),
        ("", "expected {}, found {}", "forventede {}, fandt {}"),
        ("E200", "nothing called '{}' to describe", "intet ved navn '{}' at beskrive"),
        ("E200", "'{}' is a dimension, not a measure", "'{}' er en dimension, ikke et mål"),
        ("E200", "unknown measure '{}'", "ukendt mål '{}'"),
        ("E200", "'{}' needs outcome data", "'{}' kræver afgørelsesdata"),
        ("E201", "no municipality has code {}", "ingen kommune har koden {}"),
        ("E201", "unknown municipality '{}'", "ukendt kommune '{}'"),
        ("E202", "'{}' matches {} paragraphs", "'{}' passer på {} paragraffer"),
        ("E202", "unknown paragraph '{}'", "ukendt paragraf '{}'"),
        ("E202", "no paragraph covers {}", "ingen paragraf dækker {}"),
        ("E203", "unknown field '{}'", "ukendt felt '{}'"),
        ("E203", "'{}' is a measure; 'by' takes a dimension", "'{}' er et mål; 'by' tager en dimension"),
        ("E203", "unknown dimension '{}'", "ukendt dimension '{}'"),
        ("E204", "unknown area '{}'", "ukendt område '{}'"),
        ("E205", "unknown region '{}'", "ukendt region '{}'"),
        ("E211", "unknown law '{}'", "ukendt lov '{}'"),
        ("", "the range runs backwards", "intervallet går baglæns"),
        ("E206", "expected a year (2021) or a quarter (2021Q3), found '{}'", "forventede et år (2021) eller et kvartal (2021Q3), fandt '{}'"),
        ("E206", "expected a year from {} to {}, found '{}'", "forventede et år fra {} til {}, fandt '{}'"),
        ("E206", "no data for {}", "ingen data for {}"),
        ("E207", "'in' compares a dimension with a list of values; '{}' is a measure", "'in' sammenligner en dimension med en liste af værdier; '{}' er et mål"),
        ("E207", "'{}' is compared with a number, not '{}'", "'{}' sammenlignes med et tal, ikke '{}'"),
        ("E207", "'{}' does not apply to {}; use '=', '!=' or 'in'", "'{}' kan ikke bruges på {}; brug '=', '!=' eller 'in'"),
        ("E207", "year is compared with a year such as 2021, not '{}'", "år sammenlignes med et år som 2021, ikke '{}'"),
        ("E208", "cannot show '{}'", "kan ikke vise '{}'"),
        ("E209", "cannot order by '{}': it is not a column of the result", "kan ikke sortere efter '{}': den er ikke en kolonne i resultatet"),
        ("E210", "a quarter is 1, 2, 3 or 4, not '{}'", "et kvartal er 1, 2, 3 eller 4, ikke '{}'"),
        ("E212", "a condition on a dimension and one on a measure cannot be joined by '{}' here", "en betingelse på en dimension og en på et mål kan ikke forbindes med '{}' her"),
        ("E215", "'{}' is grouped by twice", "der opdeles efter '{}' to gange"),
        ("E217", "'{}' needs a {} table from {}, and none is loaded", "'{}' kræver en {}-tabel fra {}, og ingen er indlæst"),
        ("E217", "'{}' needs conditions joined by 'and'", "'{}' kræver betingelser forbundet med 'and'"),
        ("E217", "'{}' needs whole years: {} are counted per year, not per quarter", "'{}' kræver hele år: {} tælles pr. år, ikke pr. kvartal"),
        ("E217", "'{}' needs one area: {} are counted per area", "'{}' kræver ét område: {} tælles pr. område"),
        ("E218", "'vs' a period compares each row with the same row in another period; it cannot be combined with 'by year'",
         "'vs' en periode sammenligner hver række med samme række i en anden periode; det kan ikke kombineres med 'by year'"),
        ("E218", "the time conditions contradict each other: with {} no year or quarter is left", "tidsbetingelserne modsiger hinanden: med {} er der intet år eller kvartal tilbage"),
        ("E219", "'{}' depends on all the rows compared, so it cannot be a condition on them", "'{}' afhænger af alle de sammenlignede rækker, så den kan ikke være en betingelse på dem"),
        ("E310", "variable ${} is not set", "variablen ${} er ikke sat"),
        ("E901", "cancelled", "afbrudt"),
        // Hints.
        ("", "did you mean '{}'?", "mente du '{}'?"),
        ("", "did you mean {}?", "mente du {}?"),
        ("", "see 'show municipalities'", "se 'show municipalities'"),
        ("", "no outcome data is loaded", "ingen afgørelsesdata er indlæst"),
        ("", "the data covers {}", "data dækker {}"),
        ("", "keep one of them", "behold én af dem"),
        ("", "simplify the condition", "forenkl betingelsen"),
        ("", "be more precise: {}", "vær mere præcis: {}"),
        ("", "group by it: e.g. '{}'", "opdel efter den: fx '{}'"),
        ("", "drop 'year' from 'by', e.g. {}", "fjern 'year' fra 'by', fx {}"),
        ("", "order by it instead, or filter on cases: where cases >= 30", "sorter efter den i stedet, eller filtrer på sager: where cases >= 30"),
        ("", "measure conditions apply to grouped rows: join them to the rest with a top-level 'and'",
         "betingelser på mål gælder de opdelte rækker: forbind dem med resten med et 'and' yderst"),
        ("", "for one quarter of one year write e.g. 'year 2021Q3'", "skriv fx 'year 2021Q3' for ét kvartal i ét år"),
        ("", "load one first: load \"{}\" (see docs/IMPORT.md)", "indlæs en først: load \"{}\" (se docs/IMPORT.md)"),
        ("", "add 'where area = børnehandicap' or group 'by area'", "tilføj 'where area = børnehandicap' eller opdel 'by area'"),
        ("", "leave out 'quarter' and 'by quarter'", "udelad 'quarter' og 'by quarter'"),
        ("", "nothing was loaded; the data loaded before is unchanged", "intet blev indlæst; de data, der var indlæst før, er uændrede"),
        ("", "Ctrl-C stopped the statement; nothing was changed", "Ctrl-C stoppede sætningen; intet blev ændret"),
        ("", "describe a measure or a dimension (show measures)", "beskriv et mål eller en dimension (show measures)"),
        ("", "e.g. {}", "fx {}"),
    ]

    /// Phrases inside messages and hints built from pieces, longest first.
    static let phrases: [(String, String)] = [
        ("a statement starts with measures (rate by municipality) or show, describe, load, check",
         "en sætning begynder med mål (rate by municipality) eller show, describe, load, check"),
        ("a statement starts with its measures", "en sætning begynder med sine mål"),
        ("at the prompt a line goes on only where it is unfinished (end the line before with 'by', 'where', 'and' or ',')",
         "ved prompten fortsætter en linje kun, hvor den er ufærdig (slut linjen før med 'by', 'where', 'and' eller ',')"),
        ("a comparison (=, !=, <, <=, >, >=, in) after", "en sammenligning (=, !=, <, <=, >, >=, in) efter"),
        ("a condition (e.g. municipality = Aarhus)", "en betingelse (fx municipality = Aarhus)"),
        ("a year (2021) or a period (2021Q3)", "et år (2021) eller en periode (2021Q3)"),
        ("a quarter (1-4) or a period (2021Q3)", "et kvartal (1-4) eller en periode (2021Q3)"),
        ("a clause (by, where, year, …)", "et led (efter, hvor, år, …)"),
        ("a measure to describe", "et mål at beskrive"),
        ("a column to order by", "en kolonne at sortere efter"),
        ("a dimension after", "en dimension efter"),
        ("a number after", "et tal efter"),
        ("a file name in quotes", "et filnavn i anførselstegn"),
        ("the citation in quotes", "kildeangivelsen i anførselstegn"),
        ("this ')' closes nothing", "denne ')' lukker ingenting"),
        ("end of input", "slutningen af sætningen"),
        ("a measure", "et mål"),
        ("a value", "en værdi"),
        ("a number", "et tal"),
        ("a name", "et navn"),
        ("did you mean", "mente du"),
        ("measures: ", "mål: "),
        ("dimensions: ", "dimensioner: "),
        ("columns: ", "kolonner: "),
        ("regions: ", "regioner: "),
        ("laws: ", "love: "),
        ("areas: ", "områder: "),
        ("paragraphs: ", "paragraffer: "),
        ("sections: ", "paragraffer: "),
        ("see 'show paragraphs'", "se 'show paragraphs'"),
        ("e.g. ", "fx "),
    ]

    /// The message and hint of a diagnostic in the language.
    static func word(_ diagnostic: Diagnostic, _ language: Language) -> (message: String, hint: String?) {
        guard language == .da else { return (diagnostic.message, diagnostic.hint) }
        return (danish(diagnostic.message, code: diagnostic.code), diagnostic.hint.map { danish($0, code: diagnostic.code) })
    }

    /// A message or hint in Danish: a whole template when one matches, else its known phrases.
    static func danish(_ text: String, code: String) -> String {
        for (entryCode, english, danish) in templates where entryCode.isEmpty || entryCode == code {
            if let values = match(text, english) {
                var out = "", parts = danish.components(separatedBy: "{}")
                out = parts.removeFirst()
                // A value in quotes is as typed; other values are pieces of text to word too.
                let quoted = english.components(separatedBy: "{}").dropLast().map { $0.hasSuffix("'") || $0.hasSuffix("\"") }
                for (index, (value, part)) in zip(values, parts).enumerated() { out += (quoted[index] ? value : phrased(value)) + part }
                return out
            }
        }
        return phrased(text)
    }

    /// The values a template's `{}` stand for in `text`, or nil when it does not match.
    static func match(_ text: String, _ template: String) -> [String]? {
        let literals = template.components(separatedBy: "{}")
        guard text.hasPrefix(literals[0]) else { return nil }
        if literals.count == 1 { return text == template ? [] : nil }
        var rest = Substring(text.dropFirst(literals[0].count))
        var values: [String] = []
        for (index, literal) in literals.dropFirst().enumerated() {
            let isLast = index == literals.count - 2
            if isLast {
                guard rest.hasSuffix(literal), rest.count >= literal.count else { return nil }
                values.append(String(rest.dropLast(literal.count)))
            } else {
                guard !literal.isEmpty, let found = rest.firstRange(of: literal) else { return nil }
                values.append(String(rest[..<found.lowerBound]))
                rest = rest[found.upperBound...]
            }
        }
        return values
    }

    static func phrased(_ text: String) -> String {
        var out = text
        for (english, danish) in phrases where out.contains(english) { out = out.replacingAll(english, with: danish) }
        return out
    }
}
