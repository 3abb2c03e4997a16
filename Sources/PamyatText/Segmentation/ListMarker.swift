/// The start of a list item: a bullet (• ⁃ ◦ ▪ ●), or an enumerator — a number of up to three
/// digits or one lowercase letter, followed by `.`, `)` or `.)`, a space and a capital letter.
struct ListMarker: Equatable {
    enum Series: Equatable {
        case bullet
        case number
        case latinLetter
        case cyrillicLetter
    }

    var series: Series
    /// The item's ordinal: the number, or the letter's place in its alphabet (a = 1).
    var ordinal: Int

    /// The marker that starts at `index`, if any.
    static func parse(_ text: UTF8Text, at index: Int) -> ListMarker? {
        let (first, firstLength) = text.scalar(at: index)
        if UTF8Text.isBullet(first) { return ListMarker(series: .bullet, ordinal: 0) }
        var end = index
        let series: Series
        var ordinal = 0
        if UTF8Text.isDigit(first) {
            while end < text.count && end - index < 4 && text[end] >= 0x30 && text[end] <= 0x39 {
                ordinal = ordinal * 10 + Int(text[end] - 0x30)
                end += 1
            }
            guard end - index <= 3 else { return nil }
            series = .number
        } else if first.value >= 0x61 && first.value <= 0x7A {
            series = .latinLetter
            ordinal = Int(first.value) - 0x60
            end += firstLength
        } else if first.value >= 0x430 && first.value <= 0x44F {
            series = .cyrillicLetter
            ordinal = Int(first.value) - 0x42F
            end += firstLength
        } else {
            return nil
        }
        // The enumerator's mark: "." or ")" or ".)".
        guard end < text.count, text[end] == 0x2E || text[end] == 0x29 else { return nil }
        if text[end] == 0x2E && end + 1 < text.count && text[end + 1] == 0x29 { end += 1 }
        end += 1
        guard end + 1 < text.count, text[end] == 0x20 else { return nil }
        var probe = end + 1
        while probe < text.count {
            let (scalar, length) = text.scalar(at: probe)
            if UTF8Text.isOpening(scalar) {
                probe += length
                continue
            }
            return UTF8Text.isUppercase(scalar) ? ListMarker(series: series, ordinal: ordinal) : nil
        }
        return nil
    }
}

/// Follows the numbering of a paragraph's list: an enumerator starts a new item inside a
/// paragraph only when the paragraph opened with the one before it (1. … 2. …, a) … b) …);
/// bullets always do.
struct ListTracker {
    private var series: ListMarker.Series?
    private var next = 0

    /// Whether the marker continues the list; `atStart` when it opens the paragraph.
    mutating func accepts(_ marker: ListMarker, atStart: Bool) -> Bool {
        if marker.series == .bullet { return true }
        if atStart {
            series = marker.series
            next = marker.ordinal + 1
            return true
        }
        guard let series, marker.series == series, marker.ordinal == next else { return false }
        next += 1
        return true
    }

    /// Follows the list that `marker` starts inside a paragraph.
    mutating func open(_ marker: ListMarker) {
        series = marker.series
        next = marker.ordinal + 1
    }

    /// Whether a first enumerator (`1.`, `a)`) inside a paragraph opens a list run into the text
    /// before it: a word without final punctuation stands before it (a heading or a lead-in in
    /// running text), and the paragraph goes on to the second enumerator of the same series.
    /// «Как видно из таблицы 1. Данные растут.» has no `2.` and stays a sentence end.
    static func opensRunOnList(_ marker: ListMarker, in text: UTF8Text, at index: Int) -> Bool {
        guard marker.series != .bullet, marker.ordinal == 1, index >= 2 else { return false }
        var before = index - 2
        while before > 0 && text[before] & 0xC0 == 0x80 { before -= 1 }
        guard UTF8Text.isLetter(text.scalar(at: before).scalar) else { return false }
        var probe = index + 1
        while probe < text.count {
            if text[probe - 1] == 0x20, let next = ListMarker.parse(text, at: probe), next.series == marker.series, next.ordinal == 2 {
                return true
            }
            probe += 1
        }
        return false
    }
}
