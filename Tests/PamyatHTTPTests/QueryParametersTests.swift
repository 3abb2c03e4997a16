import Testing
@testable import PamyatHTTP

/// Query parameters decoded as forms and browsers encode them, by the hand-written decoder.
@Suite struct QueryParametersTests {
    @Test func percentEscapesAndPlusesAreDecodedAsUTF8() throws {
        let query = try QueryParameters(
            "q=%D0%92%D1%8B%D0%B7%D0%BE%D0%B2%D0%BE%D0%B2+%D0%BC%D0%BD%D0%BE%D0%B3%D0%BE.&from=ru&to=%65n&min=",
            allowed: ["q", "from", "to", "min"], route: "/test")
        #expect(query["q"] == "Вызовов много.")
        #expect(query["from"] == "ru")
        #expect(query["to"] == "en", "escapes of ASCII letters, lower or upper hex")
        #expect(query["min"] == "")
        #expect(QueryParameters.decode("a%2Bb%2fc") == "a+b/c", "an escaped plus stays a plus")
    }

    @Test func malformedEscapesAreLeftAsTheyAre() {
        #expect(QueryParameters.decode("100%+sure") == "100% sure", "a % not followed by two hex digits")
        #expect(QueryParameters.decode("x%4") == "x%4")
        #expect(QueryParameters.decode("%FF%FE+x") == "%FF%FE x", "bytes that are not UTF-8")
        #expect(QueryParameters.decode("Минск") == "Минск", "unescaped UTF-8 passes through")
    }

    @Test func emptyPartsNamesWithoutValuesAndEqualsInValues() throws {
        let query = try QueryParameters("&&q=a=b%3D&&flag&to=&", allowed: ["q", "flag", "to"], route: "/test")
        #expect(query.values == ["q": "a=b=", "flag": "", "to": ""])
        #expect(try QueryParameters("", allowed: [], route: "/test").values.isEmpty)
        #expect(try QueryParameters("&", allowed: [], route: "/test").values.isEmpty)
        #expect(QueryParameters.decode("%") == "%")
        #expect(QueryParameters.decode("%D0%9C%D0") == "%D0%9C%D0", "an escape sequence cut inside a character")
        #expect(QueryParameters.decode("a%2") == "a%2")
        #expect(QueryParameters.decode("%2B%2b+") == "++ ")
    }

    @Test func unknownAndRepeatedParametersAreRefused() {
        #expect(throws: APIError.self) { try QueryParameters("q=1&x=2", allowed: ["q"], route: "/test") }
        #expect(throws: APIError.self) { try QueryParameters("q=1&q=2", allowed: ["q"], route: "/test") }
    }

    @Test func pathSegmentsKeepPlusesAndRefuseMalformedEscapes() {
        #expect(PercentDecoding.decode("C++%20%D0%B8%2B", plusIsSpace: false) == "C++ и+", "a plus in a path is a plus")
        #expect(PercentDecoding.decode("C++", plusIsSpace: true) == "C  ")
        #expect(PercentDecoding.decode("100%zz", plusIsSpace: false) == nil, "a % not followed by two hex digits")
        #expect(PercentDecoding.decode("x%4", plusIsSpace: false) == nil)
        #expect(PercentDecoding.decode("%FF%FE", plusIsSpace: false) == nil, "bytes that are not UTF-8")
        #expect(PercentDecoding.decode("plain", plusIsSpace: false) == "plain")
    }
}
