import Foundation

/// Progress of `add DIR` on standard error: a redrawn bar on a terminal, plain lines otherwise
/// (so logs and pipes get one line per step).
final class DirectoryProgress {
    private let total: Int
    private let isTerminal: Bool
    private var drawn = false

    init(total: Int) {
        self.total = total
        isTerminal = isatty(STDERR_FILENO) == 1
    }

    /// Shows `done` of `total` with a message; a `transient` message (what is being done now) is
    /// drawn on a terminal only.
    func update(done: Int, message: String, transient: Bool = false) {
        if transient && !isTerminal { return }
        if isTerminal {
            let width = 30
            let filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let text = "\r[\(bar)] \(done)/\(total) \(message)"
            write(String(text.prefix(160)) + "\u{1B}[K")
            drawn = true
        } else {
            write("[\(done)/\(total)] \(message)\n")
        }
    }

    /// Erases the bar (before printing something else on a terminal).
    func clear() {
        if isTerminal && drawn { write("\r\u{1B}[K") }
    }

    func finish() {
        if isTerminal && drawn { write("\n") }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
