// Name matching: the nearest candidate for a typo, and the folding both rely on.
import Testing
@testable import Query

@Test func suggestFindsAarhus() { #expect(nearest("Arhus", in: ["Aalborg", "Aarhus", "Odense"]) == "Aarhus") }

/// The ASCII fast path folds exactly as Unicode lower-casing does; Danish letters fold to their digraphs.
@Test func foldNameAgreesWithLowercasing() {
    let ascii = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }.joined()
    #expect(foldName(ascii) == ascii.lowercased())
    #expect(foldName("MUNICIPALITY") == "municipality")
    #expect(foldName("ÅR") == "aar")
    #expect(foldName("år") == foldName("ÅR"))
    #expect(foldName("Fordelt PÅ") == "fordelt paa")
    #expect(foldName("Ærø Østerbro Café") == "aeroe oesterbro cafe")
}

/// The Latin-1 path folds exactly as the general one (Unicode lower-casing, letter by letter):
/// every scalar below U+0100 alone and all together, and every name of the shipped catalogue.
@Test func foldNameLatin1AgreesWithTheGeneralPath() throws {
    let scalars = (0..<0x100).map { String(Character(Unicode.Scalar(UInt8($0)))) }
    for text in scalars + [scalars.joined(), "Æble ØRE Ålborg CAFÉ Ærø-Østerbro ÞÖR ×÷ ß ÿ µ", "\r\nÅ"] {
        #expect(foldName(text) == foldNameByCharacters(text), "\(text.unicodeScalars.map(\.value))")
    }
    let catalog = try DataFolder.loadCatalog(directory: shippedDatasets)
    for m in catalog.municipalities {
        for name in [m.name, m.astName, m.fullName, m.region] { #expect(foldName(name) == foldNameByCharacters(name), "\(name)") }
    }
    for p in catalog.paragraphs { #expect(foldName(p.label) == foldNameByCharacters(p.label), "\(p.label)") }
    #expect(foldName("Næstved") == "naestved" && foldName("Ærø") == "aeroe")
    // Beyond Latin-1 the general path folds; mixed with Latin-1 letters the result is the same.
    for text in ["ÆblŜ", "Å\u{30A}rhus", "e\u{301}", "İSTANBUL Ø", "ΣΟΦΊΑ", "日本 Æ", "😀Å", "Ǆ"] {
        #expect(foldName(text) == foldNameByCharacters(text), "\(text.unicodeScalars.map(\.value))")
    }
}
