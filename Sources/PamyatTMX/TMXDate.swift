import Foundation
import PamyatCore

/// TMX dates: `YYYYMMDDThhmmssZ`, always UTC (TMX 1.4b, section 3.2).
public enum TMXDate {
    /// Formats `date` as `YYYYMMDDThhmmssZ` (seconds truncated), e.g. `20240131T235959Z`.
    public static func format(_ date: Date) -> String {
        var bytes: [UInt8] = []
        append(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `date` as `YYYYMMDDThhmmssZ` to `bytes` (the writer's path: no String made).
    static func append(_ date: Date, to output: inout [UInt8]) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var bytes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { raw in
            func put(_ value: Int32, at offset: Int, digits: Int) {
                var value = value
                for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                    raw[index] = UInt8(48 + value % 10)
                    value /= 10
                }
            }
            put(parts.tm_year + 1900, at: 0, digits: 4)
            put(parts.tm_mon + 1, at: 4, digits: 2)
            put(parts.tm_mday, at: 6, digits: 2)
            raw[8] = UInt8(ascii: "T")
            put(parts.tm_hour, at: 9, digits: 2)
            put(parts.tm_min, at: 11, digits: 2)
            put(parts.tm_sec, at: 13, digits: 2)
            raw[15] = UInt8(ascii: "Z")
            output.append(contentsOf: raw)
        }
    }

    /// Parses `YYYYMMDDThhmmssZ`; also accepts the ISO 8601 form `YYYY-MM-DDThh:mm:ssZ` that some tools
    /// write. `nil` for anything else, and for a day or time that does not exist (`20240230`, month 13,
    /// year 0000, hour 24): such a date is refused, never rolled over into another one.
    public static func parse(_ text: String) -> Date? {
        // Digits and the T/Z markers, skipping ISO 8601's separators; no allocation.
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        let fits = withUnsafeMutableBytes(of: &digits) { raw -> Bool in
            for byte in text.utf8 where byte != UInt8(ascii: "-") && byte != UInt8(ascii: ":") {
                guard count < 16 else { return false }
                raw[count] = byte
                count += 1
            }
            return true
        }
        guard fits, count == 16 else { return nil }
        let fields: (year: Int32, month: Int32, day: Int32, hour: Int32, minute: Int32, second: Int32)? = withUnsafeBytes(of: &digits) { raw in
            guard raw[8] == UInt8(ascii: "T"), raw[15] == UInt8(ascii: "Z") else { return nil }
            func number(_ range: Range<Int>) -> Int32? {
                var value: Int32 = 0
                for index in range {
                    let byte = raw[index]
                    guard byte >= 48, byte <= 57 else { return nil }
                    value = value * 10 + Int32(byte - 48)
                }
                return value
            }
            guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
                let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15)
            else { return nil }
            return (year, month, day, hour, minute, second)
        }
        guard let (year, month, day, hour, minute, second) = fields,
            CalendarDate(year: Int(year), month: Int(month), day: Int(day)) != nil, hour < 24, minute < 60, second < 61
        else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
