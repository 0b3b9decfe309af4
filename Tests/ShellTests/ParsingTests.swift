// Unit tests of the shell's parsers: dot commands, the command line, input
// lines (UTF-8 check, line reader), statement collection and the data folder search.
import Foundation
import Query
import Testing

@testable import REPL

@Suite struct DotCommandTests {
    @Test(arguments: [
        (".format csv", DotCommand.format(.csv)),
        ("  .mode JSON", .format(.json)),
        (".format", .format(nil)),
        (".timer on", .timer(true)),
        (".timer OFF", .timer(false)),
        (".output", .output(path: nil)),
        (".output 'my results.csv'", .output(path: "my results.csv")),
        (".once out.md", .once(path: "out.md")),
        (".read \"dir/script one.dkq\"", .read(path: "dir/script one.dkq")),
        (".help", .help(topic: nil)),
        (".help measures", .help(topic: .measures)),
        (".help keywords", .help(topic: .language)),
        (".help dot", .help(topic: .commands)),
        (".history", .history),
        (".hist", .history),
        (".fo csv", .format(.csv)),
        (".quit", .quit),
        (".exit", .quit),
    ])
    func parses(line: String, command: DotCommand) throws {
        #expect(try DotCommand.parse(line).get() == command)
    }

    @Test(arguments: [
        (".fromat csv", "unknown command '.fromat'; did you mean '.format'?"),
        (".h", "ambiguous command '.h': .help, .history"),
        (".hitsory", "unknown command '.hitsory'; did you mean '.history'?"),
        (".zzzzzz", "unknown command '.zzzzzz'; see .help"),
        (".format xml", "unknown format 'xml'"),
        (".format cvs", "did you mean 'csv'?"),
        (".timer maybe", "expected on or off after .timer, not 'maybe'"),
        (".once", "usage: .once FILE"),
        (".read a b", "usage: .read FILE"),
        (".quit now", "usage: .quit"),
        (".help measurs", "unknown help topic 'measurs'; did you mean 'measures'?"),
    ])
    func rejects(line: String, message: String) {
        guard case .failure(let error) = DotCommand.parse(line) else {
            Issue.record("\(line) should not parse")
            return
        }
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test func everyHelpTopicHasText() {
        for topic in HelpTopic.allCases {
            #expect(topic.text.count > 40, "\(topic)")
        }
        for entry in DotCommand.catalog {
            #expect(HelpText.commands.contains(entry.usage))
            #expect(HelpText.commandSummariesDa[entry.name] != nil, "\(entry.name) has no Danish summary")
        }
        for topic in HelpTopic.allCases {
            #expect(topic.danish.count > 40 && topic.danish != topic.text, "\(topic)")
        }
    }

    /// `.help language`, `.help measures` and `.help dimensions` list every spelling in the Schema.
    @Test func helpListsEverySpelling() {
        for entry in Schema.keywords {
            for spelling in entry.spellings { #expect(HelpTopic.language.text.contains(spelling), "\(spelling)") }
        }
        for measure in Schema.measures {
            for spelling in [measure.name] + measure.spellings { #expect(HelpTopic.measures.text.contains(spelling), "\(spelling)") }
        }
        for dimension in Schema.dimensions {
            for spelling in [dimension.name] + dimension.spellings { #expect(HelpTopic.dimensions.text.contains(spelling), "\(spelling)") }
        }
    }
}

@Suite struct ArgumentTests {
    /// `--language` wins; else DKQ_LANGUAGE; else the first set of LC_ALL, LC_MESSAGES, LANG decides
    /// (Danish when it starts with `da`); else nil (English, answers Danish).
    @Test(arguments: [
        ([:], nil),
        (["LANG": "da_DK.UTF-8"], Language.da),
        (["LANG": "en_US.UTF-8"], nil),
        (["LC_ALL": "en_GB.UTF-8", "LANG": "da_DK.UTF-8"], nil),
        (["LC_ALL": "", "LC_MESSAGES": "da_DK", "LANG": "C"], .da),
        (["DKQ_LANGUAGE": "en", "LANG": "da_DK.UTF-8"], .en),
        (["DKQ_LANGUAGE": "DA"], .da),
        (["DKQ_LANGUAGE": "fr", "LANG": "da"], .da),
    ] as [([String: String], Language?)])
    func languageFromTheEnvironment(variables: [String: String], expected: Language?) {
        #expect(Arguments.environmentLanguage { variables[$0] } == expected)
    }

    @Test func danishFromTheLocaleInTheProgram() throws {
        let danish = try runDkq(["-c", "cases by region year 2021"], environment: ["DKQ_LANGUAGE": "", "LANG": "da_DK.UTF-8", "LC_ALL": ""])
        #expect(danish.stdout.contains("│ region             │ sager │"), "\(danish.stdout)")
        #expect(danish.stdout.contains("5 rækker"))
        let english = try runDkq(["--language", "en", "-c", "cases by region year 2021"], environment: ["LANG": "da_DK.UTF-8"])
        #expect(english.stdout.contains("5 rows"))
        let shell = try runDkq(["-c", ".language da\ncases by region year 2021\n.language"], environment: [:])
        #expect(shell.stdout.contains("5 rækker") && shell.stdout.hasSuffix("da\n"), "\(shell.stdout)")
        #expect(Shell.banner(Engine(store: OutcomeStore(catalog: Catalog(municipalities: [], paragraphs: []))).store, language: .da).contains("fuldfører"))
    }

    @Test(arguments: [
        ([], Arguments()),
        (["-c", "rate by year"], Arguments(command: "rate by year")),
        (["--command", "rate by year"], Arguments(command: "rate by year")),
        (["--format", "csv", "x.dkq"], Arguments(file: "x.dkq", format: .csv)),
        (["-f", "json", "-d", "/d", "-l", "a.px", "--load", "b.csv"],
         Arguments(format: .json, dataDirectory: "/d", loads: ["a.px", "b.csv"])),
        (["--format=tsv", "--data=/d", "-"], Arguments(file: "-", format: .tsv, dataDirectory: "/d")),
        (["--", "-weird.dkq"], Arguments(file: "-weird.dkq")),
        (["c.dkq", "--set", "kommune=Odense", "--set", "år=2024", "--init", "rc", "--decimal-comma"],
         Arguments(file: "c.dkq", decimalComma: true,
                   variables: [.init(name: "kommune", value: "Odense"), .init(name: "år", value: "2024")], initFile: "rc")),
        (["--no-init"], Arguments(noInit: true)),
    ])
    func parses(words: [String], expected: Arguments) throws {
        #expect(try Arguments.parse(words).get() == expected)
    }

    @Test(arguments: [
        (["--help"], "--format <FMT>"),
        (["--data", "/d", "--help"], "--set <NAME=VALUE>"),
        (["--version"], "dkq "),
        (["--generate-completion-script", "bash"], "-F _dkq dkq"),
    ])
    func endsWithAMessageOnStdout(words: [String], message: String) {
        guard case .failure(let exit) = Arguments.parse(words) else {
            Issue.record("\(words) should end the program")
            return
        }
        #expect(exit.status == 0)
        #expect(exit.message.contains(message), "\(exit.message)")
    }

    @Test(arguments: [
        (["-c"], "Missing value for '-c <QUERY>'"),
        (["--format", "xml"], "'xml'"),
        (["--dta", "x"], "Did you mean '--data'?"),
        (["a.dkq", "b.dkq"], "Unexpected argument 'b.dkq'"),
        (["-c", "rate", "a.dkq"], "not both"),
        (["--set", "kommune"], "--set needs NAME=VALUE"),
        (["--set", "2x=1"], "--set needs NAME=VALUE"),
    ])
    func rejects(words: [String], message: String) {
        guard case .failure(let exit) = Arguments.parse(words) else {
            Issue.record("\(words) should not parse")
            return
        }
        #expect(exit.status == 2)
        #expect(exit.message.contains(message), "\(exit.message)")
    }

    /// Every command line of one or two pieces from `pieces`, and of three readable ones: where
    /// `Arguments.direct` reads one, swift-argument-parser reads exactly the same; everything
    /// else direct leaves to it. The common lines must be read directly.
    @Test func directReadingAgreesWithArgumentParser() {
        let pieces: [[String]] = [
            [], ["-c", "rate by year"], ["--command", "cases"], ["-c", ""], ["-c", "-x"], ["-c"], ["-c=cases"], ["-ccases"],
            ["-f", "csv"], ["--format", "json"], ["--format", "xml"], ["--format", "CSV"], ["--format=csv"], ["-f"],
            ["--language", "da"], ["--language", "en"], ["--language", "de"], ["--decimal-comma"], ["--ascii"], ["--no-init"],
            ["-d", "/data"], ["--data", "datasets"], ["--data", ""], ["-l", "a.px"], ["--load", "b csv"],
            ["--set", "kommune=Odense"], ["--set", "år=2024"], ["--set", "2x=1"], ["--set", "novalue"], ["--set", "a="],
            ["--init", "rc"], ["script.dkq"], ["other.dkq"], ["help"], ["-"], ["--"], ["--", "-weird.dkq"],
            ["--help"], ["-h"], ["--version"], ["--generate-completion-script", "bash"], ["-x"], ["--unknown"],
            ["-fc"], ["-ac"], ["--ascii=true"], [""], ["-c", "rate", "extra"],
        ]
        let valid = pieces.filter { Arguments.direct($0) != nil && !$0.isEmpty }
        var lines: [[String]] = [[]]
        for a in pieces {
            lines.append(a)
            for b in pieces { lines.append(a + b) }
        }
        for a in valid.prefix(4) {
            for b in valid { for c in valid { lines.append(a + b + c) } }
        }
        var direct = 0
        for words in lines {
            guard let arguments = Arguments.direct(words) else { continue }
            direct += 1
            #expect(Arguments.parsedByArgumentParser(words) == .success(arguments), "\(words)")
        }
        #expect(direct > 500, "\(direct) of \(lines.count)")
        for common in [
            [], ["-c", "rate by paragraph where municipality = Aarhus year 2021"], ["--format", "csv", "-c", "cases by year"],
            ["script.dkq", "--set", "kommune=Odense"], ["--data", "datasets", "--load", "x.csv", "-c", "rate"], ["--no-init", "-f", "json"],
        ] {
            #expect(Arguments.direct(common) != nil, "\(common)")
            #expect(Arguments.parse(common) == Arguments.parsedByArgumentParser(common))
        }
    }
}

@Suite struct InputLineTests {
    @Test(arguments: [
        ([UInt8]("rate æøå ÆØÅ §83".utf8), nil),
        ([0x61, 0xFF], 1),
        ([0x61, 0x62, 0xC0, 0x80], 2),          // overlong
        ([0xED, 0xA0, 0x80], 0),                // surrogate
        ([0x61, 0xF5, 0x80, 0x80, 0x80], 1),    // beyond U+10FFFF
        ([0x61, 0x62, 0x63, 0xE2, 0x82], 3),    // cut short at the end
        ([0xC3, 0xA6, 0xC3], 2),
        ([0xF0, 0x9F, 0x98, 0x80], nil),        // emoji
    ] as [([UInt8], Int?)])
    func findsFirstInvalidByte(bytes: [UInt8], expected: Int?) {
        #expect(firstInvalidUTF8(bytes) == expected)
    }

    @Test func decodeLineSaysWhere() {
        #expect(decodeLine([0x61, 0x62, 0xFE]) == .failure(LineError(message: "invalid UTF-8 at byte 3 of the line")))
        #expect(decodeLine(Array("Tårnby".utf8)) == .success("Tårnby"))
    }

    @Test func readerSplitsLinesOfAnyLength() throws {
        let long = String(repeating: "ø", count: 300_000)
        let path = try temporaryFile("lines.txt", "first\r\n\n\(long)\nlast without newline")
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        var reader = ByteLineReader(fd: fd)
        var lines: [String] = []
        while let line = reader.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
        #expect(lines == ["first", "", long, "last without newline"])
        #expect(!reader.failed)
    }
}

@Suite struct StatementBufferTests {
    @Test func blankLinesCommandsAndStatements() {
        var buffer = StatementBuffer()
        #expect(buffer.add("   ", number: 1) == [.blank])
        #expect(buffer.add("  .format csv", number: 2) == [.command("  .format csv")])
        #expect(buffer.add("rate by year", number: 3) == [.statement("rate by year", firstLine: 3)])
        #expect(buffer.isEmpty)
        #expect(buffer.finish() == nil)
    }

    @Test
    func unfinishedStatementContinues() {
        var buffer = StatementBuffer()
        #expect(buffer.add("rate by", number: 4) == [.more])
        #expect(buffer.text == "rate by")
        buffer.reset()
        #expect(buffer.isEmpty)
        #expect(buffer.add("rate by", number: 7) == [.more])
        #expect(buffer.add("  year", number: 8) == [.statement("rate by\n  year", firstLine: 7)])
    }

    @Test func scriptsHoldAStatementUntilTheNextLineDecides() {
        var buffer = StatementBuffer()
        buffer.holdsComplete = true
        #expect(buffer.add("rate, cases", number: 1) == [.more])
        #expect(buffer.add("  -- a comment", number: 2) == [.more])
        #expect(buffer.add("  by municipality", number: 3) == [.more])
        #expect(buffer.add("  where region = Nordjylland", number: 4) == [.more])
        #expect(buffer.add("cases by year", number: 5) == [
            .statement("rate, cases\n  -- a comment\n  by municipality\n  where region = Nordjylland", firstLine: 1),
            .more,
        ])
        #expect(buffer.add(".format csv", number: 6) == [.statement("cases by year", firstLine: 5), .command(".format csv")])
        #expect(buffer.add("show years", number: 7) == [.more])
        #expect(buffer.finish() == .statement("show years", firstLine: 7))
    }

    /// The shell holds only while a paste is arriving; the paste's last line releases it.
    @Test func aHeldStatementIsReleasedWhenHoldingStops() {
        var buffer = StatementBuffer()
        buffer.holdsComplete = true
        #expect(buffer.add("rate, cases", number: 1) == [.more])
        buffer.holdsComplete = false
        #expect(buffer.add("  by region", number: 1) == [.statement("rate, cases\n  by region", firstLine: 1)])
        buffer.holdsComplete = true
        #expect(buffer.add("cases", number: 1) == [.more])
        buffer.holdsComplete = false
        #expect(buffer.add(".format csv", number: 1) == [.statement("cases", firstLine: 1), .command(".format csv")])
    }
}

@Suite struct DataLocationTests {
    @Test func optionThenEnvironmentThenWalkUp() throws {
        let root = URL(fileURLWithPath: try temporaryPath("root")).path
        let data = root + "/project/datasets"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/project/.build/debug", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: data + "/municipalities.csv", contents: Data())
        let executable = root + "/project/.build/debug/dkq"

        #expect(DataLocation.find(explicit: "/x", environment: "/y", executable: executable, currentDirectory: nil) == "/x")
        #expect(DataLocation.find(explicit: nil, environment: "/y", executable: executable, currentDirectory: nil) == "/y")
        #expect(DataLocation.find(explicit: nil, environment: "", executable: executable, currentDirectory: nil) == data)
        #expect(
            DataLocation.find(explicit: nil, environment: nil, executable: "/usr/bin/dkq", currentDirectory: root + "/project/docs")
                == data)
        #expect(DataLocation.find(explicit: nil, environment: nil, executable: "/usr/bin/dkq", currentDirectory: root) == nil)
        // `make install PREFIX=…`: PREFIX/bin/dkq finds PREFIX/share/dkq/datasets.
        let installed = root + "/prefix/share/dkq/datasets"
        try FileManager.default.createDirectory(atPath: installed, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: installed + "/municipalities.csv", contents: Data())
        #expect(DataLocation.find(explicit: nil, environment: nil, executable: root + "/prefix/bin/dkq", currentDirectory: "/") == installed)
    }

    @Test(arguments: [("/a/b/c", "/a/b"), ("/a/b/", "/a"), ("/a", "/"), ("/", "/"), ("dkq", ".")])
    func parent(path: String, expected: String) {
        #expect(DataLocation.parent(path) == expected)
    }
}

@Suite struct CompletionTests {
    @Test(arguments: [
        ("rate by munic", "munic"),
        ("rate where municipality=Tår", "Tår"),
        ("rate by year, mun", "mun"),
        ("", ""),
        ("rate ", ""),
    ])
    func wordBeforeCursor(prefix: String, word: String) {
        #expect(Completion.word(before: prefix[...]) == word[...])
    }

    @Test func oneMatchInsertsTheWholeWordAndASpace() {
        #expect(Completion.edit(word: "Munic", candidates: ["municipality"])
            == CompletionEdit(delete: 5, insert: "municipality ", list: []))
        #expect(Completion.edit(word: "Tår", candidates: ["Tårnby"])
            == CompletionEdit(delete: 3, insert: "Tårnby ", list: []), "counts characters, not bytes")
        #expect(Completion.edit(word: ".ti", candidates: [".timer"], blankFollows: true)
            == CompletionEdit(delete: 3, insert: ".timer", list: []), "no second blank in the middle of a line")
    }

    @Test func severalMatchesInsertTheCommonPrefixAndList() {
        let edit = Completion.edit(word: "r", candidates: ["rate", "rate_low", "rate_high", "rate"])
        #expect(edit == CompletionEdit(delete: 1, insert: "rate", list: ["rate", "rate_high", "rate_low"]), "sorted")
        // A complete word is left alone: `rate` never becomes `rate_`.
        #expect(Completion.edit(word: "rate", candidates: ["rate", "rate_low", "rate_high"])
            == CompletionEdit(delete: 0, insert: "", list: ["rate", "rate_high", "rate_low"]))
        #expect(Completion.edit(word: "x", candidates: []) == nil)
    }

    @Test func listsSortAsInDanish() {
        let edit = Completion.edit(word: "", candidates: ["Ærø", "Aarhus", "Odder", "Østerbro", "Åbenrå", "Assens", "\"Region Hovedstaden\"", "Zealand"])
        #expect(edit?.list == ["Aarhus", "Assens", "Odder", "\"Region Hovedstaden\"", "Zealand", "Ærø", "Østerbro", "Åbenrå"])
    }

    @Test func fileNamesAfterLoadReadOutputOnce() {
        let folder: [(name: String, directory: Bool)] = [("ankeast1.px", false), ("ankeast2.px", false), ("data", true), (".hidden", false), ("notes.txt", false)]
        func edit(_ prefix: String) -> CompletionEdit?? {
            Completion.fileEdit(prefix: prefix) { path in path == "." || path == "data/" ? folder : [] }
        }
        #expect(edit("rate by year") == .none, "not a file command")
        #expect(edit("load an") == .some(CompletionEdit(delete: 2, insert: "\"ankeast", list: ["ankeast1.px", "ankeast2.px"])))
        #expect(edit("load \"ankeast1") == .some(CompletionEdit(delete: 9, insert: "\"ankeast1.px\" ", list: [])))
        #expect(edit(".read d") == .some(CompletionEdit(delete: 1, insert: "data/", list: [])), "a folder: no blank, go on typing")
        #expect(edit(".once data/no") == .some(CompletionEdit(delete: 7, insert: "data/notes.txt ", list: [])))
        #expect(edit(".output ") == .some(CompletionEdit(delete: 0, insert: "", list: ["ankeast1.px", "ankeast2.px", "data/", "notes.txt"])))
        #expect(edit(".read zz") == .some(nil), "nothing matches: a beep")
    }

    @Test(arguments: [
        (".fo", [".format"]),
        (".h", [".help", ".history"]),
        (".format c", ["csv", "chart"]),
        (".mode ", ["table", "csv", "tsv", "json", "markdown", "svg", "chart", "map", "html"]),
        (".timer o", ["on", "off"]),
        (".help me", ["measures"]),
        (".read sc", []),
    ])
    func dotCommandCandidates(prefix: String, expected: [String]) {
        #expect(Completion.shellCandidates(prefix: prefix) == expected)
    }

    @Test func notADotCommandLeavesItToTheEngine() {
        #expect(Completion.shellCandidates(prefix: "rate by ") == nil)
    }

    @Test func columnsFitTheWidth() {
        let text = Completion.columns(["alpha", "beta", "gamma", "delta"], width: 16)
        #expect(text == "alpha  beta\ngamma  delta\n")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 16 })
    }

    @Test func runTimeHasThreeDecimals() {
        #expect(Session.seconds(.milliseconds(4)) == "0.004")
        #expect(Session.seconds(.milliseconds(12_345)) == "12.345")
        #expect(Session.seconds(.microseconds(1_500)) == "0.002")
    }
}
