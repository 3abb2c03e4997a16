import ArgumentParser
import PamyatTMX

extension TMXError: PamyatFailure {
    var exitCode: ExitCode {
        switch code {
        case .io: .noInput
        case .cannotWrite: .cannotCreate
        case .invalidUnit: .software
        case .malformedXML, .notTMX, .unsupportedVersion, .unsupportedEncoding, .entities, .forbiddenContent,
            .language, .date, .tooLarge:
            .dataError
        }
    }
}
