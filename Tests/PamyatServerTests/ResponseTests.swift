import Testing
@testable import PamyatServer

@Suite struct ResponseTests {
    @Test func successPutsOkFirstAndKeepsFieldOrder() {
        let response = Response.success([("unit", .int(42)), ("created", .bool(true)), ("text", .string("Да"))])
        #expect(String(decoding: response.encoded(), as: UTF8.self) == "{\"ok\":true,\"unit\":42,\"created\":true,\"text\":\"Да\"}\n")
    }

    @Test func failureCarriesCodeAndMessage() {
        let response = Response.failure(ServerError(.badLanguage, "'xx' is not a language."))
        #expect(String(decoding: response.encoded(), as: UTF8.self) == "{\"ok\":false,\"error\":\"bad-language\",\"message\":\"'xx' is not a language.\"}\n")
    }

    @Test func stringsAreEscapedOntoOneLine() throws {
        let text = "a\"b\\c\nd\re\tf\u{01}g/ж😀"
        let encoded = String(decoding: Response.success([("text", .string(text))]).encoded(), as: UTF8.self)
        #expect(encoded.filter { $0 == "\n" }.count == 1, "one line: \(encoded)")
        #expect(encoded.contains(#""a\"b\\c\nd\re\tf\u0001g/ж😀""#), "escapes: \(encoded)")
        #expect(try decode(String(encoded.dropLast()))["text"] as? String == text, "round trip")
    }

    @Test func countsAreSortedByKey() {
        #expect(JSONFragment.counts(["ru-en": 2, "be-ru": 1]).bytes == Array(#"{"be-ru":1,"ru-en":2}"#.utf8))
    }

    @Test func everyWireCodeIsTheIssuesCode() {
        let wire = ServerError.Code.allCases.filter { $0 != .configuration && $0 != .unreachable && $0 != .badResponse }.map(\.rawValue)
        #expect(Set(wire) == ["bad-request", "unknown-command", "bad-language", "line-too-long", "bad-utf8",
                              "unauthorized", "read-only", "not-found", "busy", "timeout", "storage", "internal"],
                "the wire codes are docs/PROTOCOL.md's table (storage: issue 13, item 11)")
    }
}
