// The interactive shell shows pictures: `.format chart` and `.format map` in a real terminal (tmux).
// The test terminal's locale is C, so dkq draws them in ASCII, as it must when the locale is not UTF-8.
import Foundation
import Testing

@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed (apt-get install tmux)"))
struct PictureShellTests {
    @Test func chartAndTileMapInTheShell() throws {
        let shell = try TmuxShell(historyPath: temporaryPath("history"))
        #expect(shell.waitForLastLine("dkq>"))
        shell.type(".format chart")
        shell.press("Enter")
        shell.type("rate by region year 2021 vs national")
        shell.press("Enter")
        #expect(shell.waitFor { screen in
            screen.contains { $0.hasPrefix("Region Nordjylland ##########") && $0.contains("|") && $0.contains("39.4    n=703  over") }
        }, "no bar chart: \(shell.screen())")
        #expect(shell.waitFor { $0.contains { $0.hasPrefix("                   0 ") && $0.contains(" 50 ") && $0.hasSuffix(" 100 %") } },
                "no fixed 0-100 scale")
        // The terminal is 120 columns wide and the chart fills it.
        #expect(shell.screen().contains { $0.hasPrefix("Region Hovedstaden") && $0.count > 100 })
        shell.press("C-l")
        shell.type(".format map")
        shell.press("Enter")
        shell.type("rate by municipality year 2021")
        shell.press("Enter")
        // Tiles named in ASCII (København's KØB as KOB), shading under them, the legend with its counts.
        #expect(shell.waitFor { screen in
            screen.contains { $0.hasSuffix("KOB") } && screen.contains { $0.hasPrefix("fan ESB VEJ KOL") }
                && screen.contains { $0.hasPrefix("abc lower case: fewer than 30 cases: 21") }
                && screen.contains { $0.hasPrefix("::: rate 20-30 %: 35") }
        }, "no tile map: \(shell.screen())")
        let screen = shell.screen()
        let west = try #require(screen.firstIndex { $0.hasPrefix("fan ESB VEJ KOL") })
        #expect(screen[west + 1].hasPrefix("::: ::: ### +++"), "shading under the tiles: \(screen[west + 1])")
        shell.type(".quit")
        shell.press("Enter")
        #expect(shell.waitForLine("EXIT=0"))
    }
}
