// Big results in a real terminal (tmux): head and tail rows around a marker with a
// footer, `.last` through a pager, columns left out on a narrow screen, Ctrl-C
// stopping a long output, and TAB leaving a complete word alone.
import Foundation
import Testing

@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed (apt-get install tmux)"))
struct BigResultTests {
    func start(width: Int = 120, height: Int = 60, environment: String = "") throws -> TmuxShell {
        let shell = try TmuxShell(historyPath: try temporaryPath("history"), width: width, height: height, environment: environment)
        #expect(shell.waitForLastLine("dkq>"), "no prompt: \(shell.screen())")
        return shell
    }

    /// 98 municipalities: 20 first, a marker, 20 last, and a footer saying so; the header stays on screen.
    @Test func aLongResultShowsHeadAndTailWithAMarker() throws {
        let shell = try start()
        shell.type("rate, cases by municipality year 2021")
        shell.press("Enter")
        #expect(shell.waitForLine("98 rows (40 shown)"), "\(shell.screen())")
        let screen = shell.screen()
        let rows = screen.filter { $0.hasPrefix("│") }
        #expect(rows.first?.contains("municipality") == true, "the header is on screen: \(screen)")
        #expect(rows.count == 1 + 40 + 1, "header, 40 rows, marker")
        #expect(rows[21].hasPrefix("│ …"), "the marker after the first 20: \(rows[21])")
        #expect(rows[1].contains("København"), "the first row is the first municipality")
        #expect(rows.last?.contains("Hjørring") == true, "the last row is the last municipality")
        shell.type(".maxrows 6")
        shell.press("Enter")
        shell.type("rate, cases by municipality year 2021")
        shell.press("Enter")
        #expect(shell.waitForLine("98 rows (6 shown)"), "\(shell.screen())")
    }

    @Test func lastShowsTheWholeResultThroughThePager() throws {
        let shell = try start(environment: "PAGER='less -S'")
        shell.type("rate, cases by municipality year 2021")
        shell.press("Enter")
        #expect(shell.waitForLine("98 rows (40 shown)"))
        shell.type(".last")
        shell.press("Enter")
        // less shows the top of the whole table and waits with its `:` prompt.
        #expect(shell.waitFor { $0.last == ":" && $0.contains { $0.contains("København") } }, "\(shell.screen())")
        shell.type("/Hjørring")
        shell.press("Enter")
        #expect(shell.waitFor { $0.contains { $0.contains("Hjørring") } && $0.contains("98 rows") }, "the end, with every row: \(shell.screen())")
        #expect(!shell.screen().contains { $0.hasPrefix("│ …") }, "no marker: the whole result")
        shell.type("q")
        #expect(shell.waitForLastLine("dkq>"), "back at the prompt: \(shell.screen())")
    }

    @Test func aNarrowTerminalLeavesOutMiddleColumns() throws {
        let shell = try start(width: 60)
        shell.type("rate, cases, upheld, changed, remanded, dismissed by region year 2021")
        shell.press("Enter")
        #expect(shell.waitForLine("5 rows, 7 columns (4 shown)"), "\(shell.screen())")
        let table = shell.screen().filter { $0.hasPrefix("│") || $0.hasPrefix("┌") }
        #expect(table.allSatisfy { $0.count <= 60 }, "\(table)")
        #expect(table[1].hasPrefix("│ region") && table[1].contains("│ … │") && table[1].hasSuffix("dismissed │"), "\(table[1])")
    }

    @Test func ctrlCStopsALongOutput() throws {
        let shell = try start(height: 30)
        shell.type(".maxrows 0")
        shell.press("Enter")
        shell.type(".maxwidth 100000")
        shell.press("Enter")
        shell.type("rate, cases, upheld, changed, remanded, dismissed, rate_low, rate_high, days by municipality, paragraph, year")
        shell.press("Enter")
        #expect(shell.waitFor(timeout: 30) { $0.filter { $0.hasPrefix("│ ") }.count > 10 }, "output started: \(shell.screen())")
        shell.press("C-c")
        #expect(shell.waitFor(timeout: 10) { $0.last == "dkq>" && $0.contains("^C: output stopped") }, "\(shell.screen())")
        #expect(!shell.screen().contains { $0.contains("30184 rows") }, "the footer was never reached")
        shell.type(".maxrows")
        shell.press("Enter")
        #expect(shell.waitForLine("0"), "the shell goes on")
    }

    @Test func tabLeavesACompleteWordAlone() throws {
        let shell = try start()
        shell.type("rate")
        shell.press("Tab")
        #expect(shell.waitFor { $0.contains { $0.hasPrefix("rate") && $0.contains("rate_high") && $0.contains("rate_low") } }, "lists: \(shell.screen())")
        #expect(shell.waitForLastLine("dkq> rate"), "\(shell.screen())")
        shell.type(" by kom")
        shell.press("Tab")
        #expect(shell.waitForLastLine("dkq> rate by kommune"), "a Danish spelling: \(shell.screen())")
    }
}
