import Testing
@testable import FolioLayout

@Suite("running heads and feet")
struct FurnitureTests {
    let fields: FurnitureFields = {
        var f = FurnitureFields(title: "Report on {page}", shortTitle: "Report", organizations: "NKDB · FIDH",
                                date: "8 April 2024", language: "en")
        f.organizationsShort = "NKDB"
        return f
    }()

    @Test func fieldsAreFilledOnceAndUnknownNamesKept() {
        #expect(fields.fill("{page} / {pages}", page: "iii", pages: "12", section: "") == "iii / 12")
        #expect(fields.fill("{organizations-short} — {organizations}", page: "", pages: "", section: "") == "NKDB — NKDB · FIDH")
        // A value is not expanded again; a name that is no field, and an unclosed brace, stay as written.
        #expect(fields.fill("{title}", page: "7", pages: "9", section: "") == "Report on {page}")
        #expect(fields.fill("{nope} {section} {", page: "", pages: "", section: "Findings") == "{nope} Findings {")
        #expect(fields.fill("plain text", page: "1", pages: "2", section: "") == "plain text")
    }
}
