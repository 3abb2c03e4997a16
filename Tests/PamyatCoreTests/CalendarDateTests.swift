import PamyatCore
import Testing

@Suite struct CalendarDateTests {
    @Test(arguments: ["2024-03-14", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])
    func realDaysParse(text: String) {
        #expect(CalendarDate(iso: text)?.description == text)
    }

    @Test(arguments: ["2024-13-45", "2023-02-29", "1900-02-29", "0000-01-01", "2024-04-31", "2024-3-14", "24-03-14", "2024-03-14T00", "２０２４-03-14", "", "2024-03-14 ", "2024/03/14", "2024-03-1\u{301}4", "+024-03-14"])
    func impossibleOrMalformedDatesAreRefused(text: String) {
        #expect(CalendarDate(iso: text) == nil, "\(text)")
    }
}

@Suite struct TextExcerptTests {
    @Test func longInputIsCutWithAnEllipsisAndControlsBecomeSpaces() {
        #expect(TextExcerpt.short(String(repeating: "я", count: 200)) == String(repeating: "я", count: 80) + "…")
        #expect(TextExcerpt.short("a\tb\nc") == "a b c")
        #expect(TextExcerpt.short("short") == "short")
    }

    /// A fuzz finding (docs/FUZZING.md): a TMX error quoted `version="1.\u{7F}4"` with its DEL; C1
    /// controls and line separators were quoted as they were too.
    @Test func delC1ControlsAndSeparatorsBecomeSpaces() {
        #expect(TextExcerpt.short("1.\u{7F}4") == "1. 4")
        #expect(TextExcerpt.short("a\u{84}b\u{9B}c\u{2028}d\u{85}e\u{1F}\u{301}f") == "a b c d e \u{301}f", "the mark after a control is a character of its own, kept")
        #expect(TextExcerpt.short("Ёлка́ 🎄") == "Ёлка́ 🎄", "letters, marks and symbols stay")
    }
}
