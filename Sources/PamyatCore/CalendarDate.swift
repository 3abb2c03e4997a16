/// A day of the proleptic Gregorian calendar, as documents are dated (`YYYY-MM-DD`).
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// The date, or nil when the day does not exist (month 13, 30 February, year 0).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, of: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for any other shape or a day that does not exist.
    ///
    /// Over the UTF-8 bytes: it runs for every dated unit a TMX import reads, where splitting the
    /// text by characters and checking each one's properties cost 16 % of the import's CPU.
    public init?(iso text: some StringProtocol) {
        var (year, month, day, count) = (0, 0, 0, 0)
        for byte in text.utf8 {
            count += 1
            switch count {
            case 5, 8:
                guard byte == UInt8(ascii: "-") else { return nil }
            case 1...10:
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                if count < 5 { year = year * 10 + digit } else if count < 8 { month = month * 10 + digit } else { day = day * 10 + digit }
            default:
                return nil
            }
        }
        guard count == 10 else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
