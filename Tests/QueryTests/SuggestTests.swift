// Placeholder.
import Testing
@testable import Query
@Test func suggestFindsAarhus() { #expect(nearest("Arhus", in: ["Aalborg", "Aarhus", "Odense"]) == "Aarhus") }
