import ArgumentParser
import Foundation
import PamyatText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// When to colour output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Whether to colour standard output: `auto` colours a terminal unless `NO_COLOR` is set or
    /// `TERM` is `dumb`.
    var enabled: Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            if environment["NO_COLOR"].map({ !$0.isEmpty }) ?? false || environment["TERM"] == "dumb" { return false }
            return isatty(STDOUT_FILENO) == 1
        }
    }
}

/// Checks of the raw command line that ArgumentParser cannot make.
enum RawArguments {
    /// The first argument that is not valid UTF-8 (Swift would have replaced its bad bytes with
    /// U+FFFD before any command sees it), as its position and the offset of the bad byte.
    static func firstInvalidUTF8() -> (argument: Int, offset: Int)? {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
            if let offset = InputText.firstInvalidUTF8Offset(bytes) { return (index, offset) }
        }
        return nil
    }
}
