import ArgumentParser
import PamyatStore

extension StoreError: PamyatFailure {
    var exitCode: ExitCode {
        switch code {
        case .notFound: .noInput
        case .notAMemory, .newerSchema: .dataError
        case .notWritable, .readOnly: .cannotCreate
        case .database: .ioError
        }
    }
}
