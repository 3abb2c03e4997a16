import NIOCore
import PamyatCore
import PostgresNIO

/// Maps postgres-nio's errors to ``StoreError`` by their type and SQLSTATE code, never by text.
enum PostgresErrorMapping {
    /// `error` as a store error for the memory at `location` (an address without its password).
    static func storeError(_ error: any Error, location: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? PSQLError { return storeError(error, location: location) }
        if error is IOError || error is ChannelError {
            return StoreError(.unreachable, "cannot reach the PostgreSQL server (\(excerpt("\(error)"))); check that it runs and the URL's host and port.", location: location)
        }
        return StoreError(.database, "PostgreSQL client error: \(excerpt("\(error)")).", location: location)
    }

    private static func storeError(_ error: PSQLError, location: String) -> StoreError {
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let said = excerpt(error.serverInfo?[.message] ?? "")
            switch state {
            case "3D000":
                return StoreError(.notFound, "the database does not exist (\(said)); create it (createdb) or name another in the URL.", location: location)
            case "28000", "28P01":
                return StoreError(.unreachable, "the PostgreSQL server refused the login (\(said)); check the user and the password (PGPASSWORD or ~/.pgpass).", location: location)
            case "53100":
                return StoreError(.diskFull, "the PostgreSQL server's disk is full (\(said)); nothing was written. Free some space and try again.", location: location)
            case "53300", "55P03", "40001", "40P01", "57014":
                return StoreError(.busy, "the memory stayed busy (\(said)); try again.", location: location)
            case "25006":
                return StoreError(.readOnly, "the PostgreSQL server accepts no writes here (\(said)); nothing was written.", location: location)
            case "42501":
                return StoreError(.notWritable, "the PostgreSQL user may not do this (\(said)); grant it the rights on the pamyat_ tables or create them as their owner.", location: location)
            case "57P01", "57P02", "57P03", "08000", "08003", "08006":
                return StoreError(.unreachable, "the PostgreSQL server is shutting down or unavailable (\(said)); try again when it is back.", location: location)
            default:
                return StoreError(.database, "PostgreSQL error \(state): \(said).", location: location)
            }
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .sslUnsupported:
            let cause = error.underlying.map { excerpt("\($0)") } ?? "\(error.code)"
            return StoreError(.unreachable, "cannot reach the PostgreSQL server (\(cause)); check that it runs and the URL's host and port.", location: location)
        case .authMechanismRequiresPassword:
            return StoreError(.unreachable, "the PostgreSQL server wants a password; give it in PGPASSWORD or ~/.pgpass (or the URL).", location: location)
        case .unsupportedAuthMechanism, .saslError:
            return StoreError(.unreachable, "the PostgreSQL login failed (\(error.code)); check the user and the password.", location: location)
        default:
            return StoreError(.database, "PostgreSQL client error: \(error.code).", location: location)
        }
    }

    /// At most 160 characters of `text`, on one line.
    static func excerpt(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count <= 160 ? line : String(line.prefix(157)) + "…"
    }
}
