/// How the lines of a plain-text document make paragraphs.
public enum TextLayout: String, Sendable, CaseIterable {
    /// Decided per block of lines (lines between blank lines): a block whose lines are broken inside
    /// sentences is hard-wrapped prose and is reflowed; any other block keeps a paragraph per line.
    case auto
    /// Every block is hard-wrapped prose: its lines are reflowed into paragraphs (`--wrapped`).
    case wrapped
    /// Every non-blank line is a paragraph, whatever it looks like (`--no-wrap`).
    case lines
}
