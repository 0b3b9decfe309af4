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

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
