import ArgumentParser
import PamyatService

extension AnalysisError: PamyatFailure {
    var exitCode: ExitCode {
        switch code {
        case .badBands: ExitCode(64)
        case .cannotWrite: .cannotCreate
        }
    }
}
