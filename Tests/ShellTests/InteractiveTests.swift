// The interactive shell in a real terminal (tmux): editing with æ/ø/å, history
// across restarts, multi-line entries, Ctrl-R, TAB, Ctrl-C, Ctrl-D, .format.
import Foundation
import Testing

@testable import REPL

@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed (apt-get install tmux)"))
struct InteractiveTests {
    /// The prompt as the screen shows it (trailing blanks are trimmed).
    let prompt = "dkq>"

    func start(history: [String] = [], historyPath: String? = nil) throws -> TmuxShell {
        let path = try historyPath ?? temporaryPath("history")
        if !history.isEmpty {
            var file = HistoryFile(path: path)
            for entry in history { file.append(entry) }
        }
        let shell = try TmuxShell(historyPath: path)
        #expect(shell.waitForLastLine(prompt), "no prompt: \(shell.screen())")
        return shell
    }

    @Test func editingDanishLettersOneKeyOneCharacter() throws {
        let shell = try start()
        shell.type("municipality = Tårnbyx")
        #expect(shell.waitForLastLine("dkq> municipality = Tårnbyx"))
        shell.press("BSpace")
        #expect(shell.waitForLastLine("dkq> municipality = Tårnby"))
        shell.press("C-a")
        shell.type("rate where ")
        shell.press("C-e")
        shell.type(" year 2021 æøå")
        #expect(shell.waitForLastLine("dkq> rate where municipality = Tårnby year 2021 æøå"))
        shell.press("BSpace")
        #expect(shell.waitForLastLine("dkq> rate where municipality = Tårnby year 2021 æø"))
        shell.press("BSpace", "BSpace", "BSpace")
        #expect(shell.waitForLastLine("dkq> rate where municipality = Tårnby year 2021"))
        shell.press("Enter")
        #expect(shell.waitFor { $0.last == prompt && $0.count > 3 })
        #expect(shell.savedHistory().last == "rate where municipality = Tårnby year 2021")
    }

    @Test func historyIsRecalledAfterARestartAndFormatCSV() throws {
        let path = try temporaryPath("history")
        do {
            let first = try start(historyPath: path)
            first.type(".format csv")
            first.press("Enter")
            first.type(".timer on")
            first.press("Enter")
            #expect(first.waitFor { $0.filter { $0 == prompt }.count == 1 && $0.contains("dkq> .timer on") })
            first.press("C-d")
            #expect(first.waitForLine("EXIT=0"))
        }
        let second = try start(historyPath: path)
        second.press("Up")
        #expect(second.waitForLastLine("dkq> .timer on"))
        second.press("Up")
        #expect(second.waitForLastLine("dkq> .format csv"))
        second.press("Enter")
        second.type(".format")
        second.press("Enter")
        #expect(second.waitForLine("csv"), "\(second.screen())")
    }

    @Test func multiLineEntryIsRecalledAsOne() throws {
        let shell = try start(history: ["rate by paragraph\n  where municipality = Aarhus", ".timer on"])
        shell.press("Up")
        #expect(shell.waitForLastLine("dkq> .timer on"))
        shell.press("Up")
        #expect(shell.waitFor { screen in
            screen.suffix(2) == ["dkq> rate by paragraph", "  where municipality = Aarhus"]
        }, "\(shell.screen())")
    }

    /// A statement pasted over several lines, with lines that start with `by` and `and`,
    /// runs as one statement, as it would from a script.
    @Test func pastedMultiLineStatementRunsAsOne() throws {
        let shell = try start()
        shell.paste("rate, cases\n  by region\n  where region != Hovedstaden\n    and cases >= 1000\n  year 2021\n")
        #expect(shell.waitForLine("│ Region Syddanmark  │ 33.4 │ 1 763 │"), "\(shell.screen())")
        #expect(shell.waitForLastLine(prompt))
        #expect(!shell.screen().contains { $0.hasPrefix("error") }, "\(shell.screen())")
    }

    @Test
    func continuationPromptAndOneHistoryEntry() throws {
        let shell = try start()
        shell.type("rate by")
        shell.press("Enter")
        #expect(shell.waitForLastLine("...>"))
        shell.type("year")
        shell.press("Enter")
        #expect(shell.waitForLastLine(prompt))
        #expect(shell.savedHistory().last == "rate by\\nyear")
        shell.press("Up")
        #expect(shell.waitFor { $0.suffix(2) == ["dkq> rate by", "year"] })
        shell.press("C-u", "C-c")
        #expect(shell.waitForLastLine(prompt))
        shell.type("rate by")
        shell.press("Enter")
        #expect(shell.waitForLastLine("...>"))
        shell.press("C-c")
        #expect(shell.waitForLastLine(prompt), "Ctrl-C drops the pending statement too")
        shell.type(".format")
        shell.press("Enter")
        #expect(shell.waitForLine("table"))
    }

    @Test func ctrlRFindsAnEarlierEntry() throws {
        let shell = try start(history: ["rate where municipality = Tårnby", ".timer on", ".format json"])
        shell.press("C-r")
        shell.type("Tårn")
        // libedit shows the match on the edit line and `bck:Tårn` below it.
        #expect(shell.waitFor { $0.suffix(2).first == "dkq> rate where municipality = Tårnby" && $0.last == "bck:Tårn" },
            "\(shell.screen())")
        shell.press("Enter")
        #expect(shell.waitFor { _ in shell.savedHistory().last == "rate where municipality = Tårnby" })
        #expect(shell.waitForLastLine(prompt))
    }

    @Test func tabCompletesAtTheCursor() throws {
        let shell = try start()
        shell.type(".fo")
        shell.press("Tab")
        #expect(shell.waitForLastLine("dkq> .format"))
        shell.type("cs")
        shell.press("Tab")
        #expect(shell.waitForLastLine("dkq> .format csv"))
        shell.press("Enter")
        shell.type(".ti on")
        shell.press("C-a", "Right", "Right", "Right")
        shell.press("Tab")
        #expect(shell.waitForLastLine("dkq> .timer on"), "completes the word before the cursor, not the line end")
        shell.press("C-u")
        shell.type(".h")
        shell.press("Tab")
        #expect(shell.waitFor { $0.contains { $0.hasPrefix(".help") && $0.contains(".history") } }, "lists both")
        #expect(shell.waitForLastLine("dkq> .h"))
        shell.press("C-u")
        shell.type(".format")
        shell.press("Enter")
        #expect(shell.waitForLine("csv"))
    }

    @Test
    func tabCompletesADimension() throws {
        let shell = try start()
        shell.type("rate by munic")
        shell.press("Tab")
        #expect(shell.waitForLastLine("dkq> rate by municipality"))
    }

    @Test func pastedTabDoesNotComplete() throws {
        let shell = try start()
        shell.type(".fo\tcsv")
        #expect(shell.waitForLastLine("dkq> .fo csv"), "\(shell.screen())")
    }

    @Test func ctrlCCancelsTheLineAndTheShellStaysAlive() throws {
        let shell = try start()
        shell.type("rate by year")
        #expect(shell.waitForLastLine("dkq> rate by year"))
        shell.press("C-c")
        #expect(shell.waitForLastLine(prompt))
        shell.press("C-c")
        shell.type(".format")
        shell.press("Enter")
        #expect(shell.waitForLine("table"))
        #expect(!shell.savedHistory().contains("rate by year"))
    }

    @Test func ctrlDExitsOnlyOnAnEmptyLineAndRestoresTheTerminal() throws {
        let shell = try start()
        shell.type("ab")
        shell.press("C-a", "C-d")
        #expect(shell.waitForLastLine("dkq> b"), "Ctrl-D inside a line deletes a character")
        shell.press("C-e", "BSpace", "C-d")
        #expect(shell.waitForLine("EXIT=0"), "\(shell.screen())")
        // stty prints `icanon`/`echo` in cooked mode, `-icanon`/`-echo` if left raw; wait for its lines.
        #expect(shell.waitFor { $0.contains("icanon") && $0.contains("echo") }, "terminal back in cooked mode: \(shell.screen())")
    }

    @Test func invalidUTF8GivesAnErrorAndANewPrompt() throws {
        let shell = try start()
        shell.sendBytes(["61", "ff", "62"])
        shell.press("Enter")
        #expect(shell.waitForLine("error: invalid UTF-8 at byte 2 of the line"), "\(shell.screen())")
        #expect(shell.waitForLastLine(prompt))
    }

    @Test
    func queryResultIsShown() throws {
        let shell = try start()
        shell.type("rate by year year 2021")
        shell.press("Enter")
        #expect(shell.waitFor { $0.contains { $0.contains("rate") && !$0.hasPrefix("dkq>") } })
        #expect(shell.waitForLastLine(prompt))
    }
}
