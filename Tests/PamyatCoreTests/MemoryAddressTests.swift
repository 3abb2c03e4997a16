import PamyatCore
import Testing

@Suite struct MemoryAddressTests {
    @Test(arguments: [
        ("press", MemoryAddress.name("press")),
        ("press.sqlite", .path("press.sqlite")),
        ("./press", .path("./press")),
        ("/srv/tm/press.sqlite", .path("/srv/tm/press.sqlite")),
        ("~/tm.sqlite", .path("~/tm.sqlite")),
        ("..", .path("..")),
        ("file:///srv/tm/a.sqlite", .path("/srv/tm/a.sqlite")),
        ("postgresql://u:pw@db.local:5432/tm?memory=press", .url(scheme: "postgresql", text: "postgresql://u:pw@db.local:5432/tm?memory=press")),
        ("postgres://db/tm", .url(scheme: "postgres", text: "postgres://db/tm")),
        ("PostgreSQL://db/tm", .url(scheme: "postgresql", text: "PostgreSQL://db/tm")),
        ("s3+x.y://bucket/key", .url(scheme: "s3+x.y", text: "s3+x.y://bucket/key")),
        ("c:memory", .name("c:memory")),
        ("1x://a", .path("1x://a")),
    ])
    func aValueIsANameAPathOrAURL(value: String, expected: MemoryAddress) {
        #expect(MemoryAddress(value, fileExtension: "sqlite") == expected, "«\(value)»")
    }

    @Test func aPasswordIsNeverShown() {
        #expect(MemoryAddress.redacted("postgresql://u:secret@h/db") == "postgresql://u:***@h/db")
        #expect(MemoryAddress.redacted("postgresql://u@h/db") == "postgresql://u@h/db")
        #expect(MemoryAddress.redacted("/srv/a:b@c.sqlite") == "/srv/a:b@c.sqlite", "a path is not a URL")
    }
}
