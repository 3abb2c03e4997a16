import ArgumentParser
import PamyatText

/// How `align` and `add` read the lines of plain-text files (shared options).
struct ReadingOptions: ParsableArguments {
    @Flag(help: "Read every block of lines in text files as hard-wrapped prose: lines are joined back into paragraphs (a short line ends one).")
    var wrapped = false

    @Flag(name: .customLong("no-wrap"), help: "Read every non-blank line of text files as a paragraph, even where lines look hard-wrapped.")
    var noWrap = false

    func validate() throws {
        if wrapped && noWrap { throw ValidationError("Give either --wrapped or --no-wrap, not both.") }
    }

    /// The layout the flags choose; by default it is decided per block of lines.
    var layout: TextLayout { wrapped ? .wrapped : noWrap ? .lines : .auto }
}
