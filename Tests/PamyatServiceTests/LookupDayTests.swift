import Foundation
@testable import PamyatService
import Testing

@Suite struct LookupDayTests {
    @Test(arguments: [0.0, -86_400, 951_782_400, 951_868_799, 1_700_000_000, 4_102_444_800, -2_208_988_800, 1_709_164_800])
    func dayMatchesTheGregorianCalendarInUTC(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let expected = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        #expect(LookupService.day(date) == expected, "\(seconds) s since 1970")
    }
}
