/// The formats a document can be read from.
public enum DocumentFormat: String, Sendable, CaseIterable {
    /// UTF-8 text, a paragraph per line (blank lines allowed); hard-wrapped text (paragraphs as
    /// blocks separated by blank lines) is recognised too.
    case text
    /// An HTML page: paragraphs from `p`, `h1`–`h6`, `li`, `blockquote`, `td` (and `th`, `dt`, `dd`).
    case html

    /// The format a file name's extension names, or `nil` for an unknown extension.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "html", "htm", "xhtml", "shtml": self = .html
        case "txt", "text": self = .text
        default: return nil
        }
    }

    /// Guesses the format from the text itself: HTML when it starts (after white space and a BOM)
    /// with a doctype, a comment, or a known HTML tag.
    public static func sniff(_ text: String) -> DocumentFormat {
        let head = text.utf8.prefix(512)
        var start = head.startIndex
        while start < head.endIndex, head[start] == 0x20 || head[start] == 0x0A || head[start] == 0x09 || head[start] == 0x0D {
            start = head.index(after: start)
        }
        let prefix = String(decoding: head[start...], as: UTF8.self).lowercased()
        let openers = ["<!doctype html", "<html", "<head", "<body", "<!--", "<meta", "<p>", "<p ", "<div", "<h1", "<article", "<section"]
        return openers.contains(where: prefix.hasPrefix) ? .html : .text
    }
}
