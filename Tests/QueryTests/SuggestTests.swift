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
