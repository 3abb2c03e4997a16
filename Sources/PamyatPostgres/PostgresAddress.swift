import Foundation
import PamyatCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a PostgreSQL memory is, parsed from a `postgresql://` (or `postgres://`) URL by libpq's URI
/// rules: `postgresql://[user[:password]@][host][:port][/database][?param=value&…]`.
///
/// Parameters: `host` (a path is the folder of a Unix socket), `port`, `user`, `password`, `dbname`,
/// `sslmode` (`disable`, `allow`, `prefer`: no TLS; others are refused), `application_name`,
/// `connect_timeout`, and pamyat's own `memory` (the memory's name in the database, `default` when
/// absent). What the URL leaves out comes from `PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`,
/// `PGPASSWORD` and `~/.pgpass` (`PGPASSFILE`), then libpq's defaults (the socket folder
/// `/var/run/postgresql`, port 5432, the login name). The password is never part of
/// ``description``.
public struct PostgresAddress: Hashable, Sendable, CustomStringConvertible {
    /// A TCP host name or address, or (starting with `/`) the folder of the server's Unix socket.
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    /// The memory's name among the memories in the database.
    public var memory: String
    /// Seconds to wait for a connection.
    public var connectTimeout: Int

    /// Whether ``host`` is a Unix socket's folder.
    public var isUnixSocket: Bool { host.hasPrefix("/") }
    /// The socket file: `HOST/.s.PGSQL.PORT`.
    public var socketPath: String { host + "/.s.PGSQL.\(port)" }

    /// The default memory name in a database.
    public static let defaultMemory = "default"

    /// Parses `text`; throws ``StoreError/Code/badAddress`` with what is wrong.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let shown = MemoryAddress.redacted(text)
        func bad(_ why: String) -> StoreError { StoreError(.badAddress, why, location: shown) }
        guard let schemeEnd = text.range(of: "://") else { throw bad("not a postgresql:// URL.") }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "postgresql" || scheme == "postgres" else { throw bad("not a postgresql:// URL.") }
        var rest = Substring(text[schemeEnd.upperBound...])
        var query = ""
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        var path = ""
        if let slash = rest.firstIndex(of: "/") {
            path = String(rest[rest.index(after: slash)...])
            rest = rest[..<slash]
        }
        var user: String?, password: String?, host: String?, port: String?
        if let at = rest.lastIndex(of: "@") {
            let info = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = info.firstIndex(of: ":") {
                user = try Self.decode(info[..<colon], bad)
                password = try Self.decode(info[info.index(after: colon)...], bad)
            } else {
                user = try Self.decode(info, bad)
            }
        }
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw bad("an IPv6 host needs its closing ']'.") }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { port = String(after.dropFirst()) } else if !after.isEmpty { throw bad("unexpected text after the host.") }
        } else if let colon = rest.firstIndex(of: ":") {
            host = try Self.decode(rest[..<colon], bad)
            port = String(rest[rest.index(after: colon)...])
        } else if !rest.isEmpty {
            host = try Self.decode(rest, bad)
        }
        if rest.contains(",") { throw bad("several hosts in one URL are not supported; name one.") }
        var database = path.isEmpty ? nil : try Self.decode(Substring(path), bad)
        var memory: String?
        var timeout: String?
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            guard let equals = pair.firstIndex(of: "=") else { throw bad("the URL parameter '\(pair)' has no '='.") }
            let key = try Self.decode(pair[..<equals], bad)
            let value = try Self.decode(pair[pair.index(after: equals)...], bad)
            switch key {
            case "host": host = value
            case "port": port = value
            case "user": user = value
            case "password": password = value
            case "dbname": database = value
            case "memory": memory = value
            case "connect_timeout": timeout = value
            case "application_name", "fallback_application_name": break
            case "sslmode":
                guard ["disable", "allow", "prefer"].contains(value) else {
                    throw bad("sslmode=\(value) is not supported yet (this build connects without TLS); use a Unix socket or sslmode=disable.")
                }
            default: throw bad("unknown URL parameter '\(key)'; pamyat knows host, port, user, password, dbname, sslmode, connect_timeout, application_name and memory.")
            }
        }
        func environmentValue(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        self.host = host.flatMap { $0.isEmpty ? nil : $0 } ?? environmentValue("PGHOST") ?? "/var/run/postgresql"
        let portText = port.flatMap { $0.isEmpty ? nil : $0 } ?? environmentValue("PGPORT") ?? "5432"
        guard let portNumber = Int(portText), (1...65535).contains(portNumber) else { throw bad("'\(portText)' is not a port number.") }
        self.port = portNumber
        self.user = user.flatMap { $0.isEmpty ? nil : $0 } ?? environmentValue("PGUSER") ?? Self.loginName()
        self.database = database.flatMap { $0.isEmpty ? nil : $0 } ?? environmentValue("PGDATABASE") ?? self.user
        let name = memory ?? Self.defaultMemory
        guard !name.isEmpty, name.utf8.count <= 200, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw bad("the memory name must be 1 to 200 bytes without control characters.")
        }
        self.memory = name
        guard let seconds = Int(timeout ?? "10"), seconds >= 0 else { throw bad("connect_timeout must be a whole number of seconds.") }
        connectTimeout = seconds == 0 ? 10 : seconds
        self.password = password ?? environmentValue("PGPASSWORD")
        if self.password == nil { self.password = Self.passwordFile(environment: environment, host: self.host, port: self.port, database: self.database, user: self.user) }
    }

    /// The address without its password: `postgresql://USER@HOST:PORT/DATABASE?memory=NAME` (a
    /// socket: `postgresql://USER@/DATABASE?host=FOLDER&port=PORT&memory=NAME`).
    public var description: String {
        let memoryPart = "memory=" + Self.encode(memory)
        if isUnixSocket {
            return "postgresql://\(Self.encode(user))@/\(Self.encode(database))?host=\(host)&port=\(port)&\(memoryPart)"
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgresql://\(Self.encode(user))@\(shownHost):\(port)/\(Self.encode(database))?\(memoryPart)"
    }

    /// Percent-decodes a URL part.
    private static func decode(_ part: Substring, _ bad: (String) -> StoreError) throws -> String {
        guard let decoded = String(part).removingPercentEncoding else { throw bad("'\(part)' has a broken %-escape.") }
        return decoded
    }

    private static func encode(_ part: String) -> String {
        part.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? part
    }

    private static func loginName() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "postgres"
    }

    /// The password for this server, database and user from the password file (`PGPASSFILE`, else
    /// `~/.pgpass`): lines `host:port:database:user:password`, `*` matching anything, `\:` and `\\`
    /// escaped; a socket matches `localhost`. libpq ignores a file others can read; so does this.
    static func passwordFile(environment: [String: String], host: String, port: Int, database: String, user: String) -> String? {
        let path = environment["PGPASSFILE"] ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass")
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & 0o077 == 0,
            let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let wanted = [host.hasPrefix("/") ? "localhost" : host, String(port), database, user]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            var fields: [String] = [], field = "", escaped = false
            for character in line {
                if escaped { field.append(character); escaped = false } else if character == "\\" { escaped = true } else if character == ":" && fields.count < 4 {
                    fields.append(field); field = ""
                } else { field.append(character) }
            }
            fields.append(field)
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}
