import ArgumentParser
import Foundation
import PamyatText

/// Writes a one-line error to standard error, prefixed `pamyat: `.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("pamyat: \(message)\n".utf8))
}

/// Turns an error from any module into a one-line message on stderr and the documented exit code.
///
/// Commands call this from `run()` (`catch { throw reportedExit(for: error) }`): users see a sentence that
/// names what and where, never a stack trace.
func reportedExit(for error: any Error) -> ExitCode {
    if let exit = error as? ExitCode { return exit }
    if let text = error as? TextError {
        printError(text.description)
        switch text.code {
        case .invalidUTF8, .lineTooLong, .binaryInput, .emptyInput, .unknownLanguage: return .dataError
        case .missingFile, .notAFile: return .noInput
        case .unreadable: return .ioError
        case .icu, .rules: return .software
        }
    }
    if let described = error as? any PamyatFailure {
        printError(FlagHint.adding(to: described.description, for: error))
        return described.exitCode
    }
    printError("\(error)")
    return .failure
}

/// An error that knows its exit code; module error types conform in the executable (see the
/// `*+ExitCode.swift` files), so the modules below need not know about exit codes.
protocol PamyatFailure: Error, CustomStringConvertible {
    var exitCode: ExitCode { get }
}
