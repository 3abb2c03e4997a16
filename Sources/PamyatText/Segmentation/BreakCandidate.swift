/// A place where a sentence might end, before the rules decide.
struct BreakCandidate: Equatable {
    enum Kind: Int, Comparable {
        /// ICU's break after a terminator (. ! ? and their runs), rule status 0..<100.
        case terminator = 0
        /// ICU's break after a line or paragraph separator, rule status 100..<200.
        case separator = 1
        /// After «…» before a capital, where ICU never breaks.
        case ellipsis = 2
        /// Before a dialogue dash that follows a sentence's stop («…министр. — Мы…»).
        case dialogueDash = 3
        /// After a semicolon before a capitalised word, where the language's rules say so.
        case semicolon = 4
        /// After an emoticon (:) ;-) :( and the like, or a run of brackets «))»): before any word,
        /// or, after a single `)` that closes nothing, before a capital.
        case emoticon = 5
        /// Before the item of a list: a bullet, or the next number or letter of a numbered list.
        case listItem = 6
        /// After a stop before a lowercase parameter label (`timeout:`), an option (`--verbose`) or
        /// an identifier (`max_connections`), where ICU never breaks.
        case codeStart = 7
        /// After `!`, `?` (and their runs) or two dots before a lowercase word: a sentence start
        /// in the informal register, for languages whose rules set `chat-lowercase-starts`.
        case informalStop = 8
        /// After a single full stop before a lowercase word, in a paragraph with chat marks
        /// («Вчера ходили в кино)) фильм так себе. зато…»), for the same languages.
        case chatFullStop = 9

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The byte offset where the next sentence would start (after any spaces).
    var offset: Int
    var kind: Kind
}
