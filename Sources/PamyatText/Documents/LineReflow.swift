/// Tells hard-wrapped prose from text with a paragraph per line, and joins wrapped lines back into
/// paragraphs.
///
/// Headings, field labels, menu items, list items and table cells are short lines without final
/// punctuation, and so is the last line of every wrapped paragraph: "most lines lack final
/// punctuation" cannot tell them apart. What only wrapping shows is a *break inside a sentence*: a
/// line that fills the block's width (mail and editors wrap near a column limit), does not end a
/// sentence, and is followed by a line that goes on in lower case. A block is wrapped when at
/// least 40% of its line breaks are such breaks; structured text, whose short lines are followed by
/// capitalised ones, does not reach that.
enum LineReflow {
    /// A line at least this share of the block's widest line fills the line.
    static let fullLine = 0.6
    /// The share of a block's line breaks that must break a sentence for the block to be wrapped.
    static let wrappedShare = 0.4

    /// The paragraphs of `text` (lines with their white space folded, blank lines between blocks).
    static func paragraphs(lines: [String], layout: TextLayout) -> [String] {
        var paragraphs: [String] = []
        var block: [String] = []
        func close() {
            guard !block.isEmpty else { return }
            switch layout {
            case .lines: paragraphs += block
            case .wrapped: paragraphs += reflow(block)
            case .auto: paragraphs += isWrapped(block) ? reflow(block) : block
            }
            block = []
        }
        for line in lines {
            if line.isEmpty { close() } else { block.append(line) }
        }
        close()
        return paragraphs
    }

    /// Whether a block of non-blank lines is hard-wrapped prose (see the type's summary).
    static func isWrapped(_ block: [String]) -> Bool {
        guard block.count >= 2 else { return false }
        let lengths = block.map(length)
        let width = lengths.max() ?? 0
        guard width >= 20 else { return false }
        var inside = 0
        for index in block.indices.dropLast() where breaksSentence(block[index], length: lengths[index], before: block[index + 1], width: width) {
            inside += 1
        }
        return inside >= 1 && Double(inside) >= wrappedShare * Double(block.count - 1)
    }

    /// Whether the break after `line` (followed by `next`) falls inside a sentence.
    static func breaksSentence(_ line: String, length: Int, before next: String, width: Int) -> Bool {
        Double(length) >= fullLine * Double(width) && !endsSentence(line) && startsLowercase(next) && !startsListItem(next)
    }

    /// A line's width in Unicode scalars (what a column limit counts, near enough, and much
    /// cheaper than grapheme clusters).
    static func length(_ line: String) -> Int { line.unicodeScalars.count }

    /// Joins the lines of a wrapped block into paragraphs: a paragraph ends after a short line that
    /// the next line does not continue in lower case, and before a list item.
    static func reflow(_ block: [String]) -> [String] {
        let lengths = block.map(length)
        let width = lengths.max() ?? 0
        var paragraphs: [String] = []
        var current: [String] = []
        for (index, line) in block.enumerated() {
            if !current.isEmpty, startsListItem(line) {
                paragraphs.append(current.joined(separator: " "))
                current = []
            }
            current.append(line)
            let next = index + 1 < block.count ? block[index + 1] : nil
            let short = Double(lengths[index]) < fullLine * Double(width)
            if let next, short, !startsLowercase(next) {
                paragraphs.append(current.joined(separator: " "))
                current = []
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs
    }

    static func endsSentence(_ line: String) -> Bool {
        guard let last = line.last else { return true }
        return ".!?…:;»”\"')]".contains(last)
    }

    static func startsLowercase(_ line: String) -> Bool {
        guard let first = line.first(where: { !$0.isWhitespace }) else { return false }
        return first.isLowercase
    }

    /// `- item`, `• item`, `* item`, `1. item`, `2) item`, `а) item`.
    static func startsListItem(_ line: String) -> Bool {
        let scalars = Array(line.unicodeScalars.prefix(6))
        guard let first = scalars.first else { return false }
        if "-•*–—▪◦·".unicodeScalars.contains(first) { return scalars.count > 1 && scalars[1] == " " }
        var index = 0
        while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
        if index == 0, scalars.count > 1, first.properties.isLowercase, scalars[1] == ")" { index = 1 }
        guard index > 0, index + 1 < scalars.count else { return false }
        return (scalars[index] == "." || scalars[index] == ")") && scalars[index + 1] == " "
    }
}
