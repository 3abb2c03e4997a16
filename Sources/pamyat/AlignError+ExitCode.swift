import ArgumentParser
import PamyatAlign

extension AlignError: PamyatFailure {
    var exitCode: ExitCode {
        switch code {
        case .lexicon: .dataError
        case .icu: .software
        }
    }
}
