import ArgumentParser
import PamyatCore

extension StoreError: PamyatFailure {
    var exitCode: ExitCode {
        switch code {
        case .notFound: .noInput
        case .notAMemory, .newerSchema: .dataError
        case .notWritable, .readOnly, .diskFull: .cannotCreate
        case .unavailable, .unreachable: .unavailable
        case .unsupportedScheme, .badAddress: .validationFailure
        case .busy, .database: .ioError
        }
    }
}
