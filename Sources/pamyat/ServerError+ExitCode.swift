import ArgumentParser
import PamyatServer

extension ServerError: PamyatFailure {
    var exitCode: ExitCode {
        switch code {
        case .configuration: .validationFailure
        case .unreachable: .unavailable
        case .badLanguage, .badUTF8, .lineTooLong: .dataError
        case .notFound: .noInput
        default: .failure
        }
    }
}

extension ExitCode {
    /// A server that cannot be reached (sysexits' EX_UNAVAILABLE).
    static let unavailable = ExitCode(69)
}
