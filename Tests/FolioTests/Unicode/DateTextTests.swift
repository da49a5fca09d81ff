import Testing
@testable import FolioEngine
import FolioUnicode

/// Dates in an edition's language come from ICU's data, not from month tables of Folio's own.
@Suite("dates in words")
struct DateTextTests {
    @Test func eachLanguageWritesTheDateItsOwnWay() throws {
        #expect(try DateText.long(year: 2024, month: 10, day: 15, language: "en") == "15 October 2024")
        #expect(try DateText.long(year: 2024, month: 10, day: 15, language: "ko") == "2024년 10월 15일")
        #expect(try DateText.long(year: 2024, month: 10, day: 15, language: "fr") == "15 octobre 2024")
        #expect(try DateText.long(year: 2024, month: 10, day: 15, language: "es") == "15 de octubre de 2024")
        #expect(try DateText.long(year: 2024, month: 10, day: 15, language: "ja") == "2024年10月15日")
        #expect(try DateText.long(year: 2024, month: 10, day: 15, language: "ru").hasPrefix("15 октября 2024"))
    }

    @Test func theReportDateIsShownInTheEditionsLanguage() {
        #expect(Engine.displayDate("2024-04-08", language: "en") == "8 April 2024")
        #expect(Engine.displayDate("2024-04-08", language: "ko") == "2024년 4월 8일")
        #expect(Engine.displayDate("2024-13-45", language: "en") == "2024-13-45")
    }
}
