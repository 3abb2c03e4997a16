import ArgumentParser
import PamyatServer

extension ServerError: PamyatFailure {
    var exitCode: ExitCode {
        switch code {
        case .configuration: .validationFailure
        case .unreachable: .unavailable
        case .badResponse: .protocolError
        case .badLanguage, .badUTF8, .lineTooLong: .dataError
        case .notFound: .noInput
        case .storage: .ioError
        default: .failure
        }
    }
}

