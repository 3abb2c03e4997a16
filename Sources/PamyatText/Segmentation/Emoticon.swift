/// Emoticons, which close a sentence in the informal register: faces (`:)` `:-)` `;)` `:(` `=)`
/// `:D`), runs of brackets (`))` `)))` `(((`), and a `)` that closes nothing right after a word.
enum Emoticon {
    /// What ends at a bracket.
    enum Shape {
        /// A face or a run of two or more brackets: a sentence may end after it before any word.
        case face
        /// One `)` that closes no bracket, right after a word of two letters or more
        /// («мужик) Уроки»): a sentence may end after it only before a capital.
        case bracket
    }

    /// The emoticon that ends with the bracket at `index` (followed by a space or the end), if any;
    /// `unmatched` tells whether that bracket closes no bracket opened before it.
    static func shape(endingAt index: Int, in text: UTF8Text, unmatched: Bool) -> Shape? {
        let bracket = text[index]
        guard index + 1 == text.count || text[index + 1] == 0x20 else { return nil }
        if index >= 2 && text[index - 1] == 0x20 { return spacedShape(endingAt: index, in: text, unmatched: unmatched) }
        var start = index
        while start > 0 && text[start - 1] == bracket && index - start < 8 { start -= 1 }
        let run = index - start + 1
        if start > 0 && text[start - 1] == 0x2D { start -= 1 }  // :-)
        guard start > 0 else { return run >= 2 ? .face : nil }
        let before = text[start - 1]
        if before == 0x3A || before == 0x3B || before == 0x3D { return .face }  // : ; =
        guard text[start] == bracket else { return nil }
        // «Спасибо!)) », «Ура! ))) »: a run after a stop or standing alone.
        if run >= 2 && (before == 0x20 || before == 0x21 || before == 0x3F || before == 0x2E) { return .face }
        // «Придёшь?) я жду»: a bracket that closes nothing after `?` or `!` smiles.
        if run == 1 && unmatched && bracket == 0x29 && (before == 0x21 || before == 0x3F) { return .face }
        let (letter, letterStart) = text.scalar(before: start)
        guard UTF8Text.isLetter(letter) else { return nil }
        // A run, or «не работает( Версия»: a `(` before a space opens nothing, it frowns.
        if run >= 2 || bracket == 0x28 { return .face }
        // A single bracket: only an unmatched one after a word, not a list marker («а)»).
        return unmatched && letterStart > 0 && UTF8Text.isLetter(text.scalar(before: letterStart).scalar) ? .bracket : nil
    }

    /// A bracket after a space, in text stored as spaced-out tokens («рискнули ) ) Остановились»,
    /// «мужик ) Уроки»): a run of the same bracket, each after one space, right after a word.
    private static func spacedShape(endingAt index: Int, in text: UTF8Text, unmatched: Bool) -> Shape? {
        let bracket = text[index]
        var start = index
        while start >= 2 && text[start - 1] == 0x20 && text[start - 2] == bracket && index - start < 16 { start -= 2 }
        guard start >= 2, text[start - 1] == 0x20 else { return nil }
        let (letter, letterStart) = text.scalar(before: start - 1)
        guard UTF8Text.isLetter(letter), letterStart > 0, UTF8Text.isLetter(text.scalar(before: letterStart).scalar) else { return nil }
        if start < index { return .face }
        return unmatched && bracket == 0x29 ? .bracket : nil
    }

    /// The length of the emoticon that starts at `index` and is followed by a space or the end
    /// of the text (`:)`, `:-(`, `=)`, `:D`, `))`, `)))`), or nil.
    static func length(startingAt index: Int, in text: UTF8Text) -> Int? {
        var end = index
        let first = text[index]
        if first == 0x3A || first == 0x3B || first == 0x3D {  // : ; =
            end += 1
            if end < text.count && text[end] == 0x2D { end += 1 }  // :-)
            guard end < text.count else { return nil }
            let mouth = text[end]
            if mouth == 0x44 || mouth == 0x50 {  // :D :P
                end += 1
            } else {
                guard mouth == 0x29 || mouth == 0x28 else { return nil }
                while end < text.count && text[end] == mouth && end - index < 10 { end += 1 }
            }
        } else if first == 0x29 || first == 0x28 {
            while end < text.count && text[end] == first && end - index < 10 { end += 1 }
            guard end - index >= 2 else { return nil }
        } else {
            return nil
        }
        guard end == text.count || text[end] == 0x20 else { return nil }
        return end - index
    }
}
