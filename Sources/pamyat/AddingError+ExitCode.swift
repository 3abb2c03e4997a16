import ArgumentParser
import PamyatAlign
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

extension AlignError: PamyatFailure {
    var exitCode: ExitCode {
        switch code {
        case .lexicon: .dataError
        case .icu: .software
        }
    }
}
