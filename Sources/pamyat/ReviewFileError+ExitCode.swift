import ArgumentParser
import PamyatService

extension ReviewFileError: PamyatFailure {
    var exitCode: ExitCode {
        switch code {
        case .malformed: .dataError
        case .unwritable: .cannotCreate
        }
    }
}
