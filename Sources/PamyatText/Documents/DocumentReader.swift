import CHTMLShim
import Foundation

/// Reads a document (plain UTF-8 text or HTML) as a list of paragraphs, each one line of text with
/// its white space folded.
///
/// Every input goes through ``InputText/decode(_:source:)`` first, so binary files, invalid UTF-8
/// and empty files get the same clear errors everywhere.
public enum DocumentReader {
    /// The paragraphs of the file at `path` (`-` for standard input). The format comes from the
    /// file's extension (`.html`, `.htm`, `.txt`) or, when the extension says nothing, from the
    /// content (``DocumentFormat/sniff(_:)``).
    /// `layout` says how the lines of plain text make paragraphs (``TextLayout``); HTML keeps its
    /// block structure whatever it says.
    ///
    /// Throws ``TextError`` for unreadable, binary, invalid UTF-8 or empty input, a text line over
    /// ``InputText/maximumLineBytes``, and for an HTML page without a single paragraph.
    public static func paragraphs(ofFile path: String, format: DocumentFormat? = nil, layout: TextLayout = .auto) throws(TextError) -> [String] {
        let ext = (path as NSString).pathExtension
        let declared = format ?? DocumentFormat(pathExtension: ext)
        // A text line is a paragraph, bounded as it is read; HTML's lines are not (a page may be one
        // long line), so it is read whole and the aligner bounds what a long paragraph costs.
        let text = try InputText.read(path: path, maximumLineBytes: declared == .html ? .max : InputText.maximumLineBytes)
        let resolved = declared ?? DocumentFormat.sniff(text)
        return try paragraphs(of: text, format: resolved, layout: layout, source: path == "-" ? "<stdin>" : path)
    }

    /// The paragraphs of already-decoded `text` in `format`; `source` names it in errors.
    public static func paragraphs(of text: String, format: DocumentFormat, layout: TextLayout = .auto, source: String) throws(TextError) -> [String] {
        let result: [String]
        switch format {
        case .text: result = textParagraphs(text, layout: layout)
        case .html: result = try htmlParagraphs(text, source: source)
        }
        guard !result.isEmpty else {
            if format == .html {
                throw TextError(.emptyInput, "the HTML page has no paragraphs (no text in p, h1–h6, li, blockquote or td elements).", source: source)
            }
            throw TextError(.emptyInput, "the file is empty (no text to process).", source: source)
        }
        return result
    }

    /// The paragraphs of plain text: a paragraph per non-blank line, except in blocks of
    /// hard-wrapped prose, whose lines are joined back into paragraphs (``LineReflow``).
    static func textParagraphs(_ text: String, layout: TextLayout = .auto) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Normalizer.foldWhitespace(String($0)) }
        return LineReflow.paragraphs(lines: lines, layout: layout)
    }

    static func htmlParagraphs(_ text: String, source: String) throws(TextError) -> [String] {
        var status: Int32 = 0
        var copy = text
        let parsed: OpaquePointer? = copy.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                pmy_html_extract(chars.baseAddress, Int64(chars.count), &status)
            }
        }
        guard let parsed else {
            switch Int(status) {
            case Int(PMY_HTML_TOO_LARGE.rawValue):
                throw TextError(.emptyInput, "the HTML page is too large to parse (over 2 GiB).", source: source)
            case Int(PMY_HTML_NO_MEMORY.rawValue):
                throw TextError(.icu, "out of memory while parsing the HTML page.", source: source)
            default:
                throw TextError(.emptyInput, "libxml2 could not parse this as HTML; check that it is an HTML page.", source: source)
            }
        }
        defer { pmy_html_free(parsed) }
        var paragraphs: [String] = []
        for index in 0..<pmy_html_count(parsed) {
            var length: Int64 = 0
            guard let bytes = pmy_html_paragraph(parsed, index, &length) else { continue }
            let raw = bytes.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self)
            }
            paragraphs.append(contentsOf: splitOnDoubleBreaks(raw))
        }
        return paragraphs
    }

    /// Splits a paragraph's raw text on two or more `<br>` marks (U+001F) in a row, with only white
    /// space between them; a single `<br>` is a space. Each piece has its white space folded.
    static func splitOnDoubleBreaks(_ raw: String) -> [String] {
        guard raw.contains("\u{1F}") else {
            let folded = Normalizer.foldWhitespace(raw)
            return folded.isEmpty ? [] : [folded]
        }
        var pieces: [String] = []
        var current = ""
        var breaks = 0
        var pendingWhitespace = ""
        for character in raw {
            if character == "\u{1F}" {
                breaks += 1
                pendingWhitespace = ""
                continue
            }
            if breaks > 0 && character.isWhitespace {
                pendingWhitespace.append(character)
                continue
            }
            if breaks >= 2 {
                pieces.append(current)
                current = ""
            } else if breaks == 1 {
                current.append(" ")
            }
            current.append(pendingWhitespace)
            pendingWhitespace = ""
            breaks = 0
            current.append(character)
        }
        pieces.append(current)
        return pieces.map(Normalizer.foldWhitespace).filter { !$0.isEmpty }
    }
}
