// Golden error messages for malformed import files: each fixture in
// Tests/Fixtures/import/bad must fail with exactly this DataError text.
import Testing
@testable import Query

struct BadImportCase: CustomTestStringConvertible, Sendable {
    var file: String
    var message: String
    var testDescription: String { file }
}

@Suite struct ImportErrorTests {
    static let cases: [BadImportCase] = [
        BadImportCase(file: "Sagsemner.csv", message: "Sagsemner.csv:1:1: error: this is a talportal Sagsemne table; load the data file next to it (the table is found automatically)"),
        BadImportCase(file: "bad_codepage.px", message: "bad_codepage.px:3:10: error: unsupported CODEPAGE 'ebcdic-37'; expected utf-8, iso-8859-1 or windows-1252"),
        BadImportCase(file: "bad_days.csv", message: "bad_days.csv:2:55: error: Sagsbehandlingstid must be a non-negative number of days, got '-3'"),
        BadImportCase(file: "bad_quarter.csv", message: "bad_quarter.csv:2:41: error: Kvartal must be 1-4, got '5'"),
        BadImportCase(file: "bad_time.px", message: "bad_time.px:16:46: error: time value '2021X4' is not a year (2021) or quarter (2021K3, 2021Q3)"),
        BadImportCase(file: "comma_delimiter.csv", message: "comma_delimiter.csv:1:8: error: wrong delimiter: the header is separated by ',', expected ';'"),
        BadImportCase(file: "comments_duplicate.csv", message: "comments_duplicate.csv:3:1: error: duplicate comment for Aarhus, 2021, børnehandicap (first on line 2)"),
        BadImportCase(file: "comments_unknown_area.csv", message: "comments_unknown_area.csv:2:13: error: unknown area 'ældre'; expected socialområdet generelt, børnehandicap or voksenhandicap"),
        BadImportCase(file: "decisions_bad_year.csv", message: "decisions_bad_year.csv:2:8: error: year must be a number like 2021, got '20x1'"),
        BadImportCase(file: "decisions_duplicate.csv", message: "decisions_duplicate.csv:3:1: error: duplicate row for Aarhus, 2021, børnehandicap (first on line 2)"),
        BadImportCase(file: "decisions_fraction.csv", message: "decisions_fraction.csv:2:27: error: afgørelser must be a whole number of decisions, got '12,5'"),
        BadImportCase(file: "decisions_grants_exceed.csv", message: "decisions_grants_exceed.csv:2:31: error: bevillinger 121 is more than the 120 afgørelser they are part of"),
        BadImportCase(file: "decisions_missing_column.csv", message: "decisions_missing_column.csv:1:1: error: missing column 'år'; the header has 'kommune', 'område', 'afgørelser'"),
        BadImportCase(file: "decisions_national.csv", message: "decisions_national.csv:2:1: error: 'Hele landet' is not one municipality; give each municipality's own figure"),
        BadImportCase(file: "decisions_negative.csv", message: "decisions_negative.csv:2:31: error: negative count -3 in bevillinger"),
        BadImportCase(file: "decisions_not_a_number.csv", message: "decisions_not_a_number.csv:2:27: error: afgørelser must be a whole number of decisions, got '12x'"),
        BadImportCase(file: "decisions_overflow.csv", message: "decisions_overflow.csv:2:27: error: afgørelser 99999999999999999999 is more than 10,000,000 decisions: not a municipality's yearly count"),
        BadImportCase(file: "decisions_truncated.csv", message: "decisions_truncated.csv:3:18: error: truncated file: the last line has 3 of 4 columns"),
        BadImportCase(file: "decisions_unknown_area.csv", message: "decisions_unknown_area.csv:2:13: error: unknown area 'ældre'; expected socialområdet generelt, børnehandicap or voksenhandicap"),
        BadImportCase(file: "decisions_unknown_municipality.csv", message: "decisions_unknown_municipality.csv:3:1: error: unknown municipality 'Aarhuus' (did you mean 'Aarhus'?)"),
        BadImportCase(file: "duplicate.csv", message: "duplicate.csv:34:1: error: duplicate row for København, Personlig hjælp og pleje, 2021 Q1 (first on line 2)"),
        BadImportCase(file: "duplicate_keys.px", message: "duplicate_keys.px:29:13: error: duplicate KEYS row for cell 1 (København, 1.9 Børn - efterværn - §§ 68 og 76, Stadfæstet, 2021Q1)"),
        BadImportCase(file: "empty.csv", message: "empty.csv: error: file is empty"),
        BadImportCase(file: "fewer_cells.px", message: "fewer_cells.px:56:1: error: DATA has 143 cells but the dimensions imply 144 (3 × 3 × 4 × 4)"),
        BadImportCase(file: "fraction.csv", message: "fraction.csv:3:47: error: count in Stadfæstelse must be a whole number, got '6.5'"),
        BadImportCase(file: "fraction_cell.px", message: "fraction_cell.px:20:1: error: count must be a whole number, got '2.5' in cell 1 (København, 1.9 Børn - efterværn - §§ 68 og 76, Stadfæstelse, 2021K1)"),
        BadImportCase(file: "header_only.csv", message: "header_only.csv: error: file has a header but no rows"),
        BadImportCase(file: "hele_landet_mismatch.px", message: "hele_landet_mismatch.px: error: total disagrees with its parts: cell 7 (Hele landet, 1.9 Børn - efterværn - §§ 68 og 76, Stadfæstet, 2021) is 94 but its parts add up to 93"),
        BadImportCase(file: "latin1.csv", message: "latin1.csv:1:85: error: invalid UTF-8 byte 0xE6; the file looks like Latin-1/Windows-1252 ('æ'), save it as UTF-8"),
        BadImportCase(file: "missing_column.csv", message: "missing_column.csv:1:1: error: missing column 'Ændring.Ophævelse'; the header has 'Kommune', 'Sagsemne', 'Aar', 'Kvartal', 'Antal_sager_ialt', 'Afvisning.Henvisning', 'Hjemvisning', 'Stadfæstelse', 'Sagsbehandlingstid'"),
        BadImportCase(file: "more_cells.px", message: "more_cells.px:55:9: error: DATA has more cells than the dimensions imply (3 × 3 × 4 × 4 = 144)"),
        BadImportCase(file: "negative.csv", message: "negative.csv:3:47: error: negative count -6 in Stadfæstelse"),
        BadImportCase(file: "negative_cell.px", message: "negative_cell.px:20:1: error: negative count -11 in cell 1 (København, 1.9 Børn - efterværn - §§ 68 og 76, Stadfæstelse, 2021K1)"),
        BadImportCase(file: "no_data.px", message: "no_data.px: error: truncated file: the PC-Axis file has no DATA= section"),
        BadImportCase(file: "not_a_number.px", message: "not_a_number.px:20:1: error: 'abc' is not a number, '..' or '-' in cell 1 (København, 1.9 Børn - efterværn - §§ 68 og 76, Stadfæstelse, 2021K1)"),
        BadImportCase(file: "statbank_negative.csv", message: "statbank_negative.csv:2:16: error: negative value -4 in INDHOLD"),
        BadImportCase(file: "statbank_year_out_of_range.csv", message: "statbank_year_out_of_range.csv:3:8: error: TID '9008K1': the year must be from 1900 to 2999"),
        BadImportCase(file: "year_out_of_range.px", message: "year_out_of_range.px:16:46: error: time value '9008K4': the year must be from 1900 to 2999"),
        BadImportCase(file: "statbank_suppressed_column.csv", message: "statbank_suppressed_column.csv:3:11: error: column KØN has more than one value ('Mænd' on line 2, 'Kvinder' here); export a single value, e.g. 'I alt'"),
        BadImportCase(file: "total_mismatch.csv", message: "total_mismatch.csv:2:43: error: Antal_sager_ialt is 21 but the outcomes add up to 20 (Stadfæstelse 14 + Ændring.Ophævelse 2 + Hjemvisning 3 + Afvisning.Henvisning 1)"),
        BadImportCase(file: "total_mismatch.px", message: "total_mismatch.px: error: total disagrees with its parts: cell 1 (Hele landet, 1 Serviceloven, Afgjorte sager i alt, 2021) is 1353 but its parts add up to 353"),
        BadImportCase(file: "truncated.csv", message: "truncated.csv:5:26: error: truncated file: the last line has 2 of 10 columns"),
        BadImportCase(file: "truncated.px", message: "truncated.px:50:8: error: truncated file: DATA ends after 124 of 144 cells without ';'"),
        BadImportCase(file: "unknown_municipality.csv", message: "unknown_municipality.csv:5:1: error: unknown municipality 'Aarhuus' (did you mean 'Aarhus'?)"),
        BadImportCase(file: "unknown_municipality.px", message: "unknown_municipality.px:13:30: error: unknown municipality 'Aarhuus' (did you mean 'Aarhus'?)"),
        BadImportCase(file: "unknown_outcome.px", message: "unknown_outcome.px:15:53: error: unknown outcome 'Hjemsendt'; expected Stadfæstet, Ændret/ophævet, Hjemvist, Afvist/henvist, I alt"),
        BadImportCase(file: "unknown_paragraph.csv", message: "unknown_paragraph.csv:3:11: error: unknown paragraph 'Kontant tilskud'; add it to datasets/paragraphs.csv or fix the value"),
        BadImportCase(file: "unknown_paragraph.px", message: "unknown_paragraph.px:14:105: error: unknown paragraph '1.21 Voksne - kontant tilskud og BPA'; add it to datasets/paragraphs.csv or fix the value"),
        BadImportCase(file: "unmapped_dimension.px", message: "unmapped_dimension.px:11:1: error: cannot map the table's dimensions køn (?), sagsemne (paragraph), udfald (outcome), kvartal (time); expected municipality (kommune, område, instans), paragraph (lovgrundlag, sagsemne, paragraf), outcome (afgørelse, afgørelsestype, udfald) and time (tid, år, kvartal)"),
        BadImportCase(file: "unrecognised.csv", message: "unrecognised.csv:1:1: error: unrecognised format: expected a talportal CSV (Antal_sager_ialt;…), a PC-Axis .px file, a StatBank CSV (…;INDHOLD), a comments file (kommune;år;område;kommentar) or a decisions file (kommune;år;område;afgørelser)"),
        BadImportCase(file: "utf8_declared_latin1_bytes.px", message: "utf8_declared_latin1_bytes.px:7:59: error: invalid UTF-8 byte 0xF8 although the file declares CODEPAGE=\"utf-8\"; the file looks like Latin-1/Windows-1252, fix its CODEPAGE"),
    ]

    @Test(arguments: cases)
    func failsWithTheExactMessage(_ test: BadImportCase) {
        let path = importFixtures + "/bad/" + test.file
        do {
            let data = try Importer.load(path: path, catalog: importCatalog)
            Issue.record("\(test.file) loaded \(data.rowCount) rows instead of failing")
        } catch {
            #expect(error.description.replacingAll(importFixtures + "/bad/", with: "") == test.message)
        }
    }

    @Test func coversAtLeast25Files() { #expect(Self.cases.count >= 25) }
}
