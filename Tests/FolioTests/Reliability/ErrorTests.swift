import Foundation
import Testing
import FolioEngine
import FolioFonts
import FolioUnicode

/// Each layer's error names the call that failed and says why.
@Suite("errors name the failing call")
struct ErrorTests {
    @Test func aWriteIntoAMissingFolderNamesTheCallAndTheTarget() throws {
        let target = Fixtures.temporaryFolder("err") + "/no/such/folder/out.pdf"
        let error = try #require(throws: EngineError.self) { try AtomicFile.write([1, 2, 3], to: target) }
        #expect(error.call == "open")
        #expect(error.reason.contains(target) && error.reason.contains("No such file or directory"), "\(error)")
        #expect(error.description == "error: \(error.reason) (open failed)")
    }

    @Test func fontFilesThatCannotBeUsedNameHarfBuzzsCall() throws {
        let missing = try #require(throws: FontError.self) {
            try FontFace(path: "/nonexistent.ttf", index: 0, familyName: "x", isBold: false, isItalic: false)
        }
        #expect(missing.call == "hb_blob_create_from_file_or_fail" && missing.reason.contains("/nonexistent.ttf"))
        let text = Fixtures.temporaryFolder("err") + "/not-a-font.ttf"
        Fixtures.write(String(repeating: "not a font\n", count: 20), to: text)
        let notFont = try #require(throws: FontError.self) {
            try FontFace(path: text, index: 0, familyName: "x", isBold: false, isItalic: false)
        }
        #expect(notFont.call == "hb_face_create" && notFont.reason.contains("face 0 is not a usable OpenType font"), "\(notFont)")
        #expect("\(notFont)".hasSuffix("(hb_face_create failed)"))
    }

    @Test func icuErrorsCarryICUsNameOfTheCode() {
        let error = ICUError(call: "ubrk_open (grapheme clusters)", code: 7)
        #expect(error.codeName == "U_MEMORY_ALLOCATION_ERROR")
        #expect(error.description == "ICU's ubrk_open (grapheme clusters) failed: U_MEMORY_ALLOCATION_ERROR (7)")
    }
}
