/// What a paragraph's typography says about its register, gathered by the candidate scan: the
/// informal register of chats and forums writes sentences that start in lowercase, typeset text
/// (fiction, news) does not.
struct Register {
    /// Chat marks: an emoticon, exactly two dots, `--` for a dash.
    var chat = false
    /// Whether the paragraph starts with a lowercase letter: a weaker chat mark (a line of
    /// hard-wrapped text starts so too).
    var lowercaseStart = false
    /// Typeset marks, which a keyboard does not give: an em or en dash (`—` `–`), guillemets or
    /// low quotes (`«` `„`).
    var typeset = false

    /// Whether a lowercase word after `!`, `?` or two dots may start a sentence: there are chat
    /// marks, or no typeset ones («— Ах! как хорошо…», «Что же делать? бежать?» in fiction stay whole).
    var allowsLowercaseStarts: Bool { chat || lowercaseStart || !typeset }
}
