/// What follows a candidate break: the first word of the would-be next sentence.
struct RightContext {
    /// Whether opening quotes or brackets come before the first letter or digit.
    var opened = false
    /// The first scalar after them, if any.
    var first: Unicode.Scalar?
    /// The run of letters that starts there (empty when `first` is not a letter).
    var word: Range<Int>
    /// Whether a full stop follows the word directly (an initial: «Г.»).
    var wordFollowedByStop = false

    /// Reads the context starting at `offset`.
    init(_ text: UTF8Text, at offset: Int) {
        var index = offset
        while index < text.count {
            let (scalar, length) = text.scalar(at: index)
            if UTF8Text.isOpening(scalar) {
                opened = true
                index += length
                // « Нет »: a space after an opening quote in text stored as spaced-out tokens.
                if index + 1 < text.count && text[index] == 0x20 { index += 1 }
                continue
            }
            first = scalar
            break
        }
        let wordStart = index
        while index < text.count {
            let (scalar, length) = text.scalar(at: index)
            guard UTF8Text.isLetter(scalar) else { break }
            if index > wordStart && UTF8Text.isUppercase(scalar) { camelCase = true }
            index += length
        }
        word = wordStart..<index
        wordFollowedByStop = index < text.count
            && (text[index] == 0x2E || (text[index] == 0x20 && index + 1 < text.count && text[index + 1] == 0x2E))
    }

    /// Whether the word starts in lowercase and is no brand name in camel case (iPhone, eBay).
    var startsLowercase: Bool { (first.map(UTF8Text.isLowercase) ?? false) && !camelCase }
    /// Whether an uppercase letter follows the first letter of the word (iPhone).
    private var camelCase = false
    var startsCapitalized: Bool { first.map(UTF8Text.isUppercase) ?? false }
    var startsWithDigit: Bool { first.map(UTF8Text.isDigit) ?? false }

    /// Whether the word is one of the language's `[continuations]` («Беларуси» after «обл.»).
    func isContinuation(_ text: UTF8Text, rules: SegmentationRules) -> Bool {
        guard !rules.continuations.isEmpty, !word.isEmpty else { return false }
        return rules.continuations.contains(UTF8Text.lowercased(ArraySlice(UnsafeBufferPointer(rebasing: text.bytes[word]))))
    }

    /// Whether the next sentence plainly starts here: an opening quote or bracket, or a word from
    /// the language's `[starters]` list (`Он`, `Затем`, `The`) that is not itself an initial.
    func startsWithStarter(_ text: UTF8Text, rules: SegmentationRules) -> Bool {
        if opened { return true }
        guard !word.isEmpty else { return false }
        let single = text.scalar(at: word.lowerBound).length == word.count
        if single && wordFollowedByStop { return false }
        guard rules.mayBeStarter(text.bytes, word) else { return false }
        let lower = UTF8Text.lowercased(ArraySlice(UnsafeBufferPointer(rebasing: text.bytes[word])))
        return rules.starters.contains(lower)
    }
}
