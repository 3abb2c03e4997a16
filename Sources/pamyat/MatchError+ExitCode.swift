import ArgumentParser
import PamyatMatch
import PamyatService

extension MatchError: PamyatFailure {
    var exitCode: ExitCode {
        switch code {
        case .emptyQuery, .queryTooLong: .dataError
        case .badOption: .validationFailure
        case .tokenizer: .software
        case .cache: .ioError
        }
    }
}

extension LookupError: PamyatFailure {
    var exitCode: ExitCode {
        switch code {
        case .unknownMemory: .noInput
        case .unknownPair, .badText: .dataError
        case .sameLanguage, .badOption: .validationFailure
        }
    }

    var commandLineMessage: String {
        code == .unknownPair ? message + " Check --from and --to." : message
    }
}
