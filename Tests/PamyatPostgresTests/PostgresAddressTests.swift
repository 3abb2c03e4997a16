import PamyatCore
import PamyatPostgres
import Testing

/// `postgresql://` URLs by libpq's rules, with pamyat's `memory` parameter.
@Suite struct PostgresAddressTests {
    let noEnvironment: [String: String] = ["HOME": "/nonexistent"]

    @Test func aFullURLGivesEveryPart() throws {
        let address = try PostgresAddress("postgresql://anna:s%40cret@db.example:6543/press?memory=news", environment: noEnvironment)
        #expect(address.host == "db.example" && address.port == 6543 && !address.isUnixSocket)
        #expect(address.user == "anna" && address.password == "s@cret" && address.database == "press" && address.memory == "news")
    }

    @Test func defaultsFollowLibpqAndTheEnvironment() throws {
        let plain = try PostgresAddress("postgres:///press", environment: ["PGUSER": "boris", "HOME": "/nonexistent"])
        #expect(plain.host == "/var/run/postgresql" && plain.isUnixSocket && plain.port == 5432)
        #expect(plain.user == "boris" && plain.memory == "default" && plain.password == nil)
        #expect(plain.socketPath == "/var/run/postgresql/.s.PGSQL.5432")
        let environment = ["PGHOST": "pg.local", "PGPORT": "5433", "PGDATABASE": "tm", "PGUSER": "u", "PGPASSWORD": "pw"]
        let fromEnvironment = try PostgresAddress("postgresql://", environment: environment)
        #expect(fromEnvironment.host == "pg.local" && fromEnvironment.port == 5433 && fromEnvironment.database == "tm")
        #expect(fromEnvironment.password == "pw", "PGPASSWORD gives the password when the URL has none")
    }

    @Test func aSocketFolderComesFromTheHostParameter() throws {
        let address = try PostgresAddress("postgresql://pamyat@/tm?host=/tmp/pg%20x&port=5999&memory=a%26b", environment: noEnvironment)
        #expect(address.isUnixSocket && address.host == "/tmp/pg x" && address.socketPath == "/tmp/pg x/.s.PGSQL.5999")
        #expect(address.memory == "a&b")
        let encodedHost = try PostgresAddress("postgresql://%2Fvar%2Frun%2Fpg/tm", environment: noEnvironment)
        #expect(encodedHost.host == "/var/run/pg")
    }

    @Test func theDescriptionNeverShowsThePassword() throws {
        for url in ["postgresql://anna:topsecret@h/db", "postgresql://anna@h/db?password=topsecret"] {
            let address = try PostgresAddress(url, environment: noEnvironment)
            #expect(address.password == "topsecret")
            #expect(!address.description.contains("topsecret"), "\(address.description)")
            #expect(address.description == "postgresql://anna@h:5432/db?memory=default")
        }
    }

    @Test(arguments: [
        "postgresql://h/db?memroy=x", "postgresql://h:99999/db", "postgresql://h/db?sslmode=require",
        "postgresql://h1,h2/db", "postgresql://h/db?memory=", "postgresql://[::1/db",
    ])
    func malformedURLsAreBadAddresses(url: String) throws {
        let error = #expect(throws: StoreError.self) { _ = try PostgresAddress(url, environment: noEnvironment) }
        #expect(error?.code == .badAddress)
        #expect(error?.description.contains("\n") == false, "one line")
    }

    @Test func anIPv6HostIsInBrackets() throws {
        let address = try PostgresAddress("postgresql://u@[::1]:5433/db", environment: noEnvironment)
        #expect(address.host == "::1" && address.port == 5433)
        #expect(address.description == "postgresql://u@[::1]:5433/db?memory=default")
    }
}
