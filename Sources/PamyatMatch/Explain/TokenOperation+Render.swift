/// How differences are marked when a source is printed.
public enum DiffStyle: Sendable {
    /// `[-removed-]{+added+}` (as `git diff --word-diff` writes them), for files and pipes.
    case plain
    /// Removed text red and struck through, added text green (ANSI), for a terminal.
    case ansi
}

extension Array where Element == TokenOperation {
    /// The stored source with the differences to the query marked: text only in the source is
    /// *removed*, text only in the query is *added*; a run of changed tokens is marked as one.
    public func rendered(_ style: DiffStyle) -> String {
        var output = ""
        var removed = ""
        var added = ""
        func flush() {
            guard !removed.isEmpty || !added.isEmpty else { return }
            // A space both sides begin with (or the only side) stays outside the marks.
            if (removed.isEmpty || removed.hasPrefix(" ")) && (added.isEmpty || added.hasPrefix(" ")) {
                output += " "
                if !removed.isEmpty { removed.removeFirst() }
                if !added.isEmpty { added.removeFirst() }
            }
            switch style {
            case .plain:
                if !removed.isEmpty { output += "[-\(removed)-]" }
                if !added.isEmpty { output += "{+\(added)+}" }
            case .ansi:
                if !removed.isEmpty { output += "\u{1B}[9;31m\(removed)\u{1B}[0m" }
                if !added.isEmpty { output += "\u{1B}[32m\(added)\u{1B}[0m" }
            }
            removed = ""
            added = ""
        }
        for operation in self {
            if operation.kind == .kept {
                flush()
                output += operation.source ?? ""
            } else {
                removed += operation.source ?? ""
                added += operation.query ?? ""
            }
        }
        flush()
        return output
    }
}
