#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fault a developer makes a process meet at a named point, so that crash-safety tests kill or
/// stop it there instead of at a time: set `PAMYAT_FAULT` in its environment.
///
/// - `pause-after-batch:N` — an import writes its N-th batch of units (512 each) inside its
///   transaction, prints `pamyat: fault hook: paused after batch N` on standard error, and waits
///   for a signal (a test then sends `SIGKILL`).
/// - `exit-at:commit` — a write to a memory exits the process with status ``exitStatus`` just
///   before it commits, as a crash there would.
///
/// Not for users; an unknown value is refused by the `pamyat` executable before it does anything.
public enum FaultHook: Sendable, Equatable {
    case pauseAfterBatch(Int)
    case exitAtCommit

    /// The environment variable that names the fault.
    public static let environmentVariable = "PAMYAT_FAULT"
    /// The status a process exits with at `exit-at:commit`.
    public static let exitStatus: Int32 = 86

    /// A value of `PAMYAT_FAULT` that names no fault.
    public struct InvalidValue: Error, Equatable, CustomStringConvertible {
        /// The value given.
        public var value: String

        public var description: String {
            "\(FaultHook.environmentVariable)=\(TextExcerpt.short(value)) names no fault hook; use pause-after-batch:N (N ≥ 1) or exit-at:commit, or unset it."
        }
    }

    /// The fault `value` names.
    public init(parsing value: String) throws(InvalidValue) {
        if value == "exit-at:commit" {
            self = .exitAtCommit
        } else if value.hasPrefix("pause-after-batch:"), let batch = Int(value.dropFirst("pause-after-batch:".count)), batch >= 1 {
            self = .pauseAfterBatch(batch)
        } else {
            throw InvalidValue(value: value)
        }
    }

    /// The fault this process's environment names, if it names one (an invalid value: none).
    public static let current: FaultHook? = {
        guard let value = getenv(environmentVariable) else { return nil }
        return try? FaultHook(parsing: String(cString: value))
    }()

    /// Called by an import after writing its `batch`-th batch (from 1).
    public static func batchWritten(_ batch: Int) {
        guard case .pauseAfterBatch(let n) = current, n == batch else { return }
        let line = "pamyat: fault hook: paused after batch \(batch)\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
        while true { pause() }
    }

    /// Called by a write just before it commits.
    public static func aboutToCommit() {
        guard current == .exitAtCommit else { return }
        _exit(exitStatus)
    }
}
