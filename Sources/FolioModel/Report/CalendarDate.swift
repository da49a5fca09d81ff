/// A day of the Gregorian calendar, written `YYYY-MM-DD` as report.yaml gives the publication date.
struct CalendarDate: Sendable, Equatable {
    let year: Int
    let month: Int
    let day: Int

    enum Problem: Error, Equatable {
        /// Not four digits, a hyphen, two digits, a hyphen, two digits.
        case format
        /// A month other than 01–12.
        case month(Int)
        /// A day past the end of its month, or day 00.
        case day(year: Int, month: Int, day: Int, daysInMonth: Int)
    }

    /// Reads `YYYY-MM-DD`, or says what is wrong with it.
    static func parse(_ text: String) -> Result<CalendarDate, Problem> {
        let u = Array(text.utf8)
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D, digits.allSatisfy({ (0x30...0x39).contains(u[$0]) }) else {
            return .failure(.format)
        }
        func number(_ range: Range<Int>) -> Int { u[range].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        let (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
        guard (1...12).contains(month) else { return .failure(.month(month)) }
        let length = daysIn(month: month, year: year)
        guard (1...length).contains(day) else { return .failure(.day(year: year, month: month, day: day, daysInMonth: length)) }
        return .success(CalendarDate(year: year, month: month, day: day))
    }

    static func isLeapYear(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// The number of days of a month (1–12) in a year.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
