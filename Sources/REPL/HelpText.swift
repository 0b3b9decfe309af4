// Every help text of the shell in one place: `.help` and `.help TOPIC` (`--help` is
// generated from the command-line declaration in Arguments.swift).
// Measures and dimensions mirror the library's definitions (describe <name> for more).
import Query

/// A `.help` topic.
enum HelpTopic: String, CaseIterable {
    case language, measures, dimensions, formats, commands

    /// The topic for a typed word, accepting a few aliases.
    static func named(_ word: String) -> HelpTopic? {
        switch word.lowercased() {
        case "keywords", "syntax", "query", "queries": .language
        case "measure": .measures
        case "dimension", "fields": .dimensions
        case "format", "mode", "output": .formats
        case "command", "dot", "dots": .commands
        case let other: HelpTopic(rawValue: other)
        }
    }

    /// The text shown for this topic.
    var text: String {
        switch self {
        case .language: HelpText.language + Schema.keywordHelp
        case .measures: HelpText.measures
        case .dimensions: HelpText.dimensions
        case .formats: HelpText.formats
        case .commands: HelpText.commands
        }
    }
}

/// Help texts.
enum HelpText {
    static let version = "dkq 0.1.0"

    static let overview = """
        Type a query and press Enter, e.g.
          rate by paragraph where municipality = Aarhus year 2021
          rate, cases by municipality year 2022 order by rate desc top 10
        A statement continues on the next line (prompt ...>) while it is unfinished.
        TAB completes, Up/Down and Ctrl-R search history, Ctrl-C cancels a line,
        Ctrl-D leaves.

        .help TOPIC for more: \(HelpTopic.allCases.map(\.rawValue).joined(separator: ", "))

        """ + commands

    static let language = """
        Statements
          MEASURES [by DIMENSIONS] [where FILTER] [TIME] [vs national [exact] [fdr] | vs YEAR]
                   [rolling N | over N years] [order by KEY [asc|desc]] [top N | bottom N] [limit N]
          show municipalities | paragraphs | areas | years | datasets
          describe NAME          what a measure or dimension means
          load "PATH"            load a data file or folder (a file is loaded again at the next start)
          unload "PATH"          forget a loaded file (also: fjern)
          check                  compare the data with the published national figures
        Filters
          field = value, != < <= > >=, field in (a, b), field not in (…), and, or, not
          e.g. municipality = Aarhus, paragraph = §83, area = børnehandicap, cases >= 10
        Time
          year 2021, year 2019..2023, years 2019, 2021, year 2020Q3..2021Q2,
          since 2020, quarter 3, quarters 1..2
        A rate over several groups is the ratio of the summed counts, never a mean of rates.
        Fair comparison
          vs national            verdict over/within/under the national rate, allowing for
                                 overdispersion (φ, τ and the flags chance alone gives in the footer)
          vs 2021                then_*, change_* and whether the change exceeds chance
          rolling 3              pool each year with the two before it (small municipalities)
          rate_shrunk            for league tables: rates over few cases pulled to the average
          std_ratio              reversals / those expected from national paragraph rates (case mix)

        """

    /// From the library's own definitions, so help and `describe` never disagree.
    static var measures: String {
        let width = (Schema.measures.map(\.name.count).max() ?? 0) + 2
        return "Measures (describe NAME for the formula)\n"
            + Schema.measures.map { "  " + $0.name.padding(to: width) + Schema.withSpellings($0.definition, $0.spellings) + "\n" }.joined() + "\n"
    }

    static var dimensions: String {
        let width = (Schema.dimensions.map(\.name.count).max() ?? 0) + 2
        return "Dimensions (group with `by`, filter with `where`)\n"
            + Schema.dimensions.map { "  " + $0.name.padding(to: width) + Schema.withSpellings($0.definition, $0.spellings) + "\n" }.joined() + "\n"
    }

    static let formats = """
        Output formats (.format NAME, or --format NAME on the command line)
          \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
        table is for reading; csv/tsv/json/markdown for other programs and reports.
        .output FILE sends results to a file, .once FILE only the next one.

        """

    static var commands: String {
        let width = (DotCommand.catalog.map(\.usage.count).max() ?? 0) + 2
        var text = "Commands (at the start of a line)\n"
        for entry in DotCommand.catalog {
            text += "  " + entry.usage.padding(to: width) + entry.summary + "\n"
        }
        return text
    }
}

// MARK: Danish (`.language da`): the same topics; keywords and names stay as typed in queries.

extension HelpTopic {
    var danish: String {
        switch self {
        case .language: HelpText.languageDa
        case .measures: HelpText.measuresDa
        case .dimensions: HelpText.dimensionsDa
        case .formats: HelpText.formatsDa
        case .commands: HelpText.commandsDa
        }
    }
}

extension HelpText {
    static var overviewDa: String {
        """
        Skriv en forespørgsel og tryk Enter, fx
          rate by paragraph where municipality = Aarhus year 2021
          rate, cases by municipality year 2022 order by rate desc top 10
        En sætning fortsætter på næste linje (prompt ...>), så længe den er ufærdig.
        TAB fuldfører, Op/Ned og Ctrl-R søger i historikken, Ctrl-C annullerer en linje,
        Ctrl-D afslutter.

        .help EMNE for mere: \(HelpTopic.allCases.map(\.rawValue).joined(separator: ", "))

        """ + commandsDa
    }

    static let languageDa = """
        Sætninger
          MÅL [by DIMENSIONER] [where FILTER] [TID] [vs national [exact] [fdr] | vs ÅR]
              [rolling N | over N years] [order by NØGLE [asc|desc]] [top N | bottom N] [limit N]
          show municipalities | paragraphs | areas | years | datasets
          describe NAVN          hvad et mål eller en dimension betyder
          load "STI"             indlæs en datafil eller mappe
          check                  sammenlign data med de offentliggjorte tal for hele landet
        Filtre
          felt = værdi, != < <= > >=, felt in (a, b), felt not in (…), and, or, not
          fx municipality = Aarhus, paragraph = §83, area = børnehandicap, cases >= 10
        Tid
          year 2021, year 2019..2023, years 2019, 2021, year 2020Q3..2021Q2,
          since 2020, quarter 3, quarters 1..2
        En procent over flere grupper er forholdet mellem de summerede tal, aldrig et gennemsnit af procenter.
        Retfærdig sammenligning
          vs national            vurdering over/inden for/under landsplan, med overdispersion
                                 (φ, τ og de markeringer, tilfældigheder alene giver, står under tabellen)
          vs 2021                før, ændring, og om ændringen er større end tilfældigheder
          rolling 3              læg hvert år sammen med de to foregående (små kommuner)
          rate_shrunk            til ranglister: procenter over få sager trukket mod gennemsnittet
          std_ratio              omgørelser / de forventede ud fra paragraffernes procent på landsplan

        """

    /// From the catalogue's Danish definitions.
    static var measuresDa: String {
        let width = (Schema.measures.map(\.name.count).max() ?? 0) + 2
        return "Mål (describe NAVN for formlen)\n"
            + Schema.measures.map { "  " + $0.name.padding(to: width) + $0.definitionDa + "\n" }.joined() + "\n"
    }

    static var dimensionsDa: String {
        let width = (Schema.dimensions.map(\.name.count).max() ?? 0) + 2
        return "Dimensioner (opdel med `by`, filtrer med `where`)\n"
            + Schema.dimensions.map { "  " + $0.name.padding(to: width) + $0.definitionDa + "\n" }.joined() + "\n"
    }

    static let formatsDa = """
        Uddataformater (.format NAVN, eller --format NAVN på kommandolinjen)
          \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
        table er til at læse; csv/tsv/json/markdown til andre programmer og rapporter.
        På dansk: decimalkomma og 1.234 i tabeller; csv adskilt med ';' (som dansk Excel forventer);
        json beholder de engelske kolonnenavne og decimalpunktum.
        .output FIL sender resultater til en fil, .once FIL kun det næste.

        """

    /// The dot commands' summaries in Danish, by name.
    static let commandSummariesDa: [String: String] = [
        ".help": "vis hjælp; emner: \(HelpTopic.allCases.map(\.rawValue).joined(separator: ", "))",
        ".format": "vælg uddataformat (uden argument: vis det)",
        ".mode": "det samme som .format",
        ".timer": "vis køretiden efter hver sætning",
        ".decimal": "decimalkomma (csv bruger så ';'); standard følger sproget: komma på dansk",
        ".language": "sproget i overskrifter, noter, hjælp og fejl (uden argument: vis det)",
        ".output": "send resultater til FIL; uden FIL: tilbage til skærmen",
        ".once": "send næste sætnings resultater til FIL",
        ".read": "kør sætningerne i FIL",
        ".history": "vis de seneste linjer i historikken",
        ".last": "vis hele det sidste resultat gennem $PAGER (standard less -S)",
        ".maxrows": "vis højst N rækker af et resultat i skallen: de første og sidste N/2 (standard 40; 0: alle)",
        ".maxwidth": "udelad midterste kolonner ud over N tegn (standard 0: terminalens bredde)",
        ".set": "sæt en variabel: $NAVN i en sætning står for VÆRDI (uden argument: vis dem)",
        ".unset": "glem en variabel",
        ".quit": "forlad skallen (også .exit eller Ctrl-D)",
        ".exit": "det samme som .quit",
    ]

    static var commandsDa: String {
        let width = (DotCommand.catalog.map(\.usage.count).max() ?? 0) + 2
        var text = "Kommandoer (i starten af en linje)\n"
        for entry in DotCommand.catalog {
            text += "  " + entry.usage.padding(to: width) + (commandSummariesDa[entry.name] ?? entry.summary) + "\n"
        }
        return text
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
