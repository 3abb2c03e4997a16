import ArgumentParser
import Foundation
import PamyatCore

/// The `pamyat` command: a translation memory for Russian originals and their translations.
@main
struct Pamyat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pamyat",
        abstract: "A translation memory: segment, align, store, look up and exchange (TMX) translations.",
        discussion: """
            Memories are SQLite files in a memories folder: ./memories when the working directory has \
            one, else $XDG_DATA_HOME/pamyat/memories (PAMYAT_MEMORIES overrides). The default memory \
            is 'default' (PAMYAT_MEMORY overrides); --memory NAME picks NAME.sqlite there, a path \
            picks that file. A value with a URL scheme is never a path: postgresql://[user@]host[:port]/database?memory=NAME \
            names a memory in PostgreSQL (docs/SCALING.md; its server unreachable: exit 69), another scheme:// is bad usage (exit 64).

            \(ExitCode.table)
            """,
        version: PamyatVersion.string,
        subcommands: [
            Segment.self,
            Stats.self,
            Align.self,
            Add.self,
            Import.self,
            Copy.self,
            Export.self,
            Analyze.self,
            Pretranslate.self,
            Lookup.self,
            Concordance.self,
            Serve.self,
        ]
    )
}

extension Pamyat {
    /// Runs the command as ArgumentParser's `main()` does, but prints a usage error as one line
    /// (`pamyat: MESSAGE`, exit 64) instead of the message, the usage and a pointer to `--help`.
    static func main() async {
        if let value = ProcessInfo.processInfo.environment[FaultHook.environmentVariable] {
            do throws(FaultHook.InvalidValue) {
                _ = try FaultHook(parsing: value)
            } catch {
                printError(error.description)
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(reportingUsageErrorInOneLine: error)
        }
    }

    private static func exit(reportingUsageErrorInOneLine error: any Error) -> Never {
        let code = exitCode(for: error)
        let message = message(for: error)
        guard code == .validationFailure, !message.isEmpty else { exit(withError: error) }
        let line = message.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: " ")
        printError(line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line)
        Foundation.exit(code.rawValue)
    }
}

/// The version printed by `--version` and sent by the server's HELLO.
enum PamyatVersion {
    static let string = "0.1.0"
}
