import ArgumentParser
import PamyatService

extension AddingError: PamyatFailure {
    var exitCode: ExitCode {
        switch code {
        case .unknownLanguage, .sameLanguage, .implausibleLengths: .dataError
        case .noPairs: .noInput
        case .usage: ExitCode(64)
        }
    }
}
