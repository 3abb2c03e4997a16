import Testing
@testable import PamyatServer

@Suite struct RequestParserTests {
    @Test(arguments: [
        ("PING", Request(verb: "PING")),
        ("ping", Request(verb: "PING")),
        ("  LoOkUp  ru\ten  слово  ", Request(verb: "LOOKUP", arguments: ["ru", "en", "слово"])),
        (#"LOOKUP ru en "Вызовов много." min=80 limit=3"#,
         Request(verb: "LOOKUP", arguments: ["ru", "en", "Вызовов много."], options: ["min": "80", "limit": "3"])),
        (#"LOOKUP min=80 ru en "a b""#, Request(verb: "LOOKUP", arguments: ["ru", "en", "a b"], options: ["min": "80"])),
        (#"LOOKUP ru en x prev="Это, \"цитата\"." MEMORY=main"#,
         Request(verb: "LOOKUP", arguments: ["ru", "en", "x"], options: ["prev": "Это, \"цитата\".", "memory": "main"])),
        (#"SEGMENT ru "a\nb\tc\\d\/e\u0416\ud83d\ude00""#, Request(verb: "SEGMENT", arguments: ["ru", "a\nb\tc\\d/eЖ😀"])),
        (#"ADD ru en "" "x=y" document=doc-1"#, Request(verb: "ADD", arguments: ["ru", "en", "", "x=y"], options: ["document": "doc-1"])),
        ("ADD ru en 1+1=2 =x", Request(verb: "ADD", arguments: ["ru", "en", "1+1=2", "=x"])),
        ("LOOKUP ru en a limit=", Request(verb: "LOOKUP", arguments: ["ru", "en", "a"], options: ["limit": ""])),
    ])
    func parsesWellFormedRequests(line: String, expected: Request) throws {
        #expect(try RequestParser.parse(line) == expected, "parsing \(line)")
    }

    @Test(arguments: [
        "", "   ", "\"PING\"", "PI-NG", "LOOKUP ru en \"unterminated", "LOOKUP ru en a\"b",
        #"LOOKUP ru en "a"b"#, #"LOOKUP ru en "bad \x escape""#, #"LOOKUP ru en "\u12""#,
        #"LOOKUP ru en "\ud83d alone""#, #"LOOKUP ru en "\ude00""#, "LOOKUP ru en a min=1 min=2",
        "LOOKUP ru en \"tab\tinside\"", #"LOOKUP ru en x prev=a"b"#,
    ])
    func rejectsMalformedRequests(line: String) {
        #expect(throws: ServerError.self, "parsing \(line)") { try RequestParser.parse(line) }
        do {
            _ = try RequestParser.parse(line)
        } catch {
            #expect(error.code == .badRequest, "code for \(line)")
            #expect(!error.message.isEmpty)
        }
    }
}

@Suite struct RequestParserRobustnessTests {
    /// Random lines built from the characters that matter to the grammar never crash the parser:
    /// each gives a request or a `bad-request`.
    @Test func randomLinesGiveARequestOrBadRequest() {
        let pieces = ["LOOKUP", "ping", " ", "\t", "\"", "\\", "\\u", "\\ud83d", "\\n", "=", "a", "я", "min=", "prev=\"", "0", "\u{1}", "😀"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var parsed = 0
        for _ in 0..<20_000 {
            var line = ""
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            for _ in 0..<Int(state % 12) {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                line += pieces[Int(state % UInt64(pieces.count))]
            }
            do {
                let request = try RequestParser.parse(line)
                #expect(!request.verb.isEmpty && request.verb == request.verb.uppercased(), "verb of \(line.debugDescription)")
                parsed += 1
            } catch {
                #expect(error.code == .badRequest, "code for \(line.debugDescription)")
            }
        }
        #expect(parsed > 300, "some random lines are well-formed (\(parsed))")
    }
}
