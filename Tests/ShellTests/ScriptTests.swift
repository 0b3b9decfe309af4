// End to end: the built dkq run as a subprocess with -c, a script file and
// stdin; exit codes, error places, invalid UTF-8, a 1 MB line, control characters.
import Foundation
import Testing

@Suite struct ScriptTests {
    @Test func versionAndHelp() throws {
        let version = try runDkq(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("dkq "))
        let help = try runDkq(["--help"])
        #expect(help.status == 0)
        for option in ["-c, --command <QUERY>", "-f, --format <FMT>", "--decimal-comma", "-d, --data <DIR>", "-l, --load <FILE>",
                       "--set <NAME=VALUE>", "--init <FILE>", "--no-init", "--version"] {
            #expect(help.stdout.contains(option), "--help documents \(option)")
        }
    }

    @Test func badOptionExitsTwoWithSuggestion() throws {
        let result = try runDkq(["--fromat", "csv"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--fromat'. Did you mean '--format'?"))
        let format = try runDkq(["--format", "xml", "-c", "rate"])
        #expect(format.status == 2)
        #expect(format.stderr.contains("The value 'xml' is invalid for '--format <FMT>'"), "\(format.stderr)")
    }

    @Test func missingDataFolderIsADataErrorAndExitsOne() throws {
        let result = try runDkq(["--data", "/nonexistent/dkq-data", "-c", ".format"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("/nonexistent/dkq-data: error:"))
        let fromEnvironment = try runDkq(["-c", ".format"], environment: ["DKQ_DATA": "/nonexistent/env-data"])
        #expect(fromEnvironment.status == 1)
        #expect(fromEnvironment.stderr.contains("/nonexistent/env-data: error:"))
        let optionWins = try runDkq(
            ["--data", dataFolder, "-c", ".format"], environment: ["DKQ_DATA": "/nonexistent/env-data"])
        #expect(optionWins.stderr.contains("env-data") == false)
    }

    @Test func commandRunsDotCommandsAndSeveralLines() throws {
        let result = try runDkq(["-c", ".format json\n.format\n.timer\n"])
        #expect(result.status == 0)
        #expect(result.stdout == "json\ntimer off\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func formatOptionSetsTheStartingFormat() throws {
        let result = try runDkq(["--format", "markdown", "-c", ".format"])
        #expect(result.stdout == "markdown\n")
    }

    @Test func scriptErrorNamesFileAndLineAndStops() throws {
        let script = try temporaryFile("bad.dkq", ".format csv\n\n.fromat tsv\n.help formats\n")
        let result = try runDkq([script])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.dkq:3: error: unknown command '.fromat'; did you mean '.format'?"))
        #expect(!result.stdout.contains("Output formats"), "nothing after the first error runs")
    }

    @Test func readNamesTheInnerFile() throws {
        let inner = try temporaryFile("inner.dkq", ".timer on\n.timer sometimes\n")
        let result = try runDkq(["-c", ".read \(inner)"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("inner.dkq:2: error: expected on or off"))
        let missing = try runDkq(["-c", ".read /nonexistent/x.dkq"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/x.dkq: error: cannot read"))
    }

    @Test func stdinPipeRunsLinesWithoutPromptOrHistory() throws {
        let history = try temporaryPath("history")
        let result = try runDkq(
            [], stdin: Data(".mode tsv\n\n   \n.format\n".utf8), environment: ["DKQ_HISTORY": history])
        #expect(result.status == 0)
        #expect(result.stdout == "tsv\n", "no prompt, no banner")
        #expect(!FileManager.default.fileExists(atPath: history), "script input is never recorded")
    }

    @Test func invalidUTF8OnStdinNamesTheByte() throws {
        let input = Data(".format csv\n".utf8) + Data([0x61, 0x62, 0xC3, 0x28, 0x0A]) + Data(".format\n".utf8)
        let result = try runDkq([], stdin: input)
        #expect(result.status == 1)
        #expect(result.stderr == "stdin:2: error: invalid UTF-8 at byte 3 of the line\n")
        #expect(result.stdout.isEmpty, "stops at the bad line")
    }

    @Test func oneMegabyteLineIsReadWhole() throws {
        var line = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        line.append(0xFF)
        line.append(0x0A)
        let result = try runDkq([], stdin: line)
        #expect(result.exitedNormally)
        #expect(result.stderr == "stdin:1: error: invalid UTF-8 at byte \((1 << 20) + 1) of the line\n")
    }

    @Test func controlCharactersDoNotCrash() throws {
        let input = Data("rate\u{01} by\u{1B}[2J year\u{7F} 2021\n\u{00}\n.format\n".utf8)
        let result = try runDkq([], stdin: input)
        #expect(result.exitedNormally)
        #expect(result.status == 0 || result.status == 1)
        #expect(!result.stdoutBytes.contains(0x1B), "no raw escape reaches stdout")
    }

    @Test func outputFileThatCannotBeWrittenIsAnError() throws {
        let result = try runDkq(["-c", ".output /nonexistent/dir/out.csv"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("query:1: error: cannot write /nonexistent/dir/out.csv"))
    }

    @Test func timerPrintsRunTime() throws {
        let result = try runDkq(["-c", ".timer on\nrate by year\n"])
        #expect(result.stdout.contains(/Run Time: \d+\.\d{3} s\n/))
    }

    @Test func quitStopsAScript() throws {
        let result = try runDkq([], stdin: Data(".format csv\n.quit\n.format\n".utf8))
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
    }

    // Tests of query output: enabled once the engine answers queries.

    @Test
    func commandPrintsAResultTable() throws {
        let result = try runDkq(["-c", "rate by year year 2021"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("rate"))
        #expect(!result.stdoutBytes.contains(0x1B), "no colour when stdout is not a terminal")
    }

    @Test
    func csvFormatAndOnceFile() throws {
        let out = try temporaryPath("once.csv")
        let result = try runDkq(["--format", "csv", "-c", ".once \(out)\nrate by year year 2021\nrate by year year 2021"])
        #expect(result.status == 0)
        let file = try String(contentsOfFile: out, encoding: .utf8)
        #expect(file.hasPrefix("year,rate") || file.contains("rate"))
        #expect(result.stdout.contains(","), "the second result went to stdout as CSV")
    }

    @Test
    func queryErrorInAScriptNamesFileAndLine() throws {
        let script = try temporaryFile("q.dkq", "rate by year year 2021\n\nrate by nonsense\nrate by year\n")
        let result = try runDkq([script])
        #expect(result.status == 1)
        #expect(result.stderr.contains("q.dkq:3:"))
    }

    @Test
    func statementSpanningLinesOnStdin() throws {
        let result = try runDkq([], stdin: Data("rate by\n  year year 2021\n.format\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("rate"))
        #expect(result.stdout.hasSuffix("table\n"), "the dot command after the statement ran")
    }

    @Test
    func outputSendsResultsToAFileUntilReset() throws {
        let out = try temporaryPath("out.txt")
        let result = try runDkq(["-c", ".output \(out)\nrate by year year 2021\n.output\nupheld by year year 2021"])
        #expect(result.status == 0, "\(result.stderr)")
        let file = try String(contentsOfFile: out, encoding: .utf8)
        #expect(file.contains("rate") && !file.contains("upheld"))
        #expect(result.stdout.contains("upheld") && !result.stdout.contains("rate"))
    }

    /// The megabyte line is read whole and refused at the token cap with a short message.
    @Test
    func oneMegabyteQueryIsRefusedWithAShortError() throws {
        let names = Array(repeating: "Aarhus", count: (1 << 20) / 8).joined(separator: ", ")
        let result = try runDkq(["--format", "csv"], stdin: Data("rate where municipality in (\(names)) year 2021\nrate year 2021\n".utf8))
        #expect(result.exitedNormally)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error[E116]: statement too long (more than 10000 words and symbols)"), "\(result.stderr.prefix(300))")
        #expect(result.stderr.count < 800, "quotes an excerpt of the line")
        #expect(result.stdout.isEmpty, "a script stops at its first error")
    }

    @Test func loadOptionLoadsBeforeTheQuery() throws {
        let file = repositoryRoot + "/Tests/Fixtures/import/talportal.csv"
        let result = try runDkq(["--load", file, "--format", "csv", "-c", "cases by municipality year 2021"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("loaded 32 rows: year 2021, 3 municipalities (talportal-csv, real)"))
        #expect(result.stdout.hasPrefix("municipality,cases\nKøbenhavn,146\nAarhus,129\nLæsø,64\n"))
        #expect(!result.stdout.contains("SYNTHETIC"))
    }

    @Test func loadOptionWithABadFileStopsBeforeAnyQuery() throws {
        let file = repositoryRoot + "/Tests/Fixtures/import/bad/negative.csv"
        let result = try runDkq(["--load", file, "-c", "cases"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("negative.csv:3:47: error: negative count -6 in Stadfæstelse"))
    }
}

@Suite struct DecimalCommaTests {
    @Test func optionGivesDanishNumbersAndSemicolonCSV() throws {
        let result = try runDkq(["--decimal-comma", "--format", "csv", "-c", "rate, cases by region where region = Sjælland year 2021"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("region;rate;cases;data_kind\nRegion Sjælland;30,0;1059;SYNTHETIC DEMO\n"))
    }

    @Test func dotCommandSwitchesBothWays() throws {
        let result = try runDkq(["--format", "tsv", "-c", ".decimal comma\nrate where region = Sjælland year 2021\n.decimal point\nrate where region = Sjælland year 2021"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("30") }
        #expect(rows == ["30,0\t1059\tSYNTHETIC DEMO", "30.0\t1059\tSYNTHETIC DEMO"])
    }

    @Test func jsonKeepsTheDecimalPoint() throws {
        let result = try runDkq(["--decimal-comma", "--format", "json", "-c", "rate where region = Sjælland year 2021"])
        #expect(result.stdout.contains("\"rate\" : 30"), "\(result.stdout)")
        #expect(!result.stdout.contains("30,0"))
    }
}

@Suite struct DropInYearTests {
    /// A user copies next year's file into datasets/outcomes/ and sees it after a restart.
    @Test func anotherYearsFileIsPickedUpAtStart() throws {
        let folder = try temporaryPath("data")
        try FileManager.default.createDirectory(atPath: folder + "/outcomes", withIntermediateDirectories: true)
        for name in ["municipalities.csv", "paragraphs.csv"] {
            try FileManager.default.copyItem(atPath: dataFolder + "/" + name, toPath: folder + "/" + name)
        }
        try FileManager.default.copyItem(atPath: dataFolder + "/outcomes/2024.csv", toPath: folder + "/outcomes/2024.csv")
        let header = "# source: a test file\nyear,quarter,municipality,paragraph,upheld,changed,remanded,dismissed,days\n"
        try (header + "2025,1,751,1.11,3,1,0,0,90.0\n2025,2,751,1.11,1,0,1,0,80.0\n")
            .write(toFile: folder + "/outcomes/2025.csv", atomically: true, encoding: .utf8)
        let result = try runDkq(["--format", "csv", "-c", "rate, cases, days by year where municipality = Aarhus and paragraph = 83 since 2025"],
                                environment: ["DKQ_DATA": folder])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("year,rate,cases,days\n2025,33.3,6,86.7\n"), "days weighted by decided: (4 × 90 + 2 × 80) / 6")
        #expect(result.stderr.contains("# Quarters: 2025Q1–2025Q2."))
        #expect(result.stderr.contains("# Source: a test file, 2025."))
    }
}
