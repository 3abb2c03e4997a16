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
            paragraphs.append(contentsOf: splitOnDoubleBreaks(withoutControls(raw)))
        }
        return paragraphs
    }

    /// `raw` without control characters, which libxml2 passes through from the page and from
    /// references such as `&#1;` or `&#x84;`: C1 controls (U+0080–U+009F) become the Windows-1252
    /// characters they stand for, as browsers read them (`&#x84;` is „, `&#x85;` is …); other controls
    /// (C0, DEL, and the five C1 codes cp1252 leaves undefined) are dropped. White space, and the
    /// U+001F that marks a `<br>`, stay.
    static func withoutControls(_ raw: String) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.value < 0x20 && scalar.value != 0x1F && !scalar.properties.isWhitespace)
                || (scalar.value >= 0x7F && scalar.value <= 0x9F)
        }
        guard raw.unicodeScalars.contains(where: isControl) else { return raw }
        var result = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            guard isControl(scalar) else {
                result.append(scalar)
                continue
            }
            if scalar.value >= 0x80, let mapped = windows1252[Int(scalar.value - 0x80)] { result.append(mapped) }
        }
        return String(result)
    }

    /// What the bytes 0x80–0x9F are in Windows-1252 (nil: undefined there).
    private static let windows1252: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    /// Splits a paragraph's raw text on two or more `<br>` marks (U+001F) in a row, with only white
    /// space between them; a single `<br>` is a space. Each piece has its white space folded.
    ///
    /// Looks for the mark among Unicode scalars: Foundation's `String.contains` matches by NSString's
    /// composed character sequences, which join a combining mark to the U+001F before it, so it did not
    /// see a `<br>` before a combining mark, and the mark stayed in the text.
    static func splitOnDoubleBreaks(_ raw: String) -> [String] {
        let mark: Unicode.Scalar = "\u{1F}"
        guard raw.unicodeScalars.contains(mark) else {
            let folded = Normalizer.foldWhitespace(raw)
            return folded.isEmpty ? [] : [folded]
        }
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        var breaks = 0
        var pendingWhitespace = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            if scalar == mark {
                breaks += 1
                pendingWhitespace = String.UnicodeScalarView()
                continue
            }
            if breaks > 0 && scalar.properties.isWhitespace {
                pendingWhitespace.append(scalar)
                continue
            }
            if breaks >= 2 {
                pieces.append(String(current))
                current = String.UnicodeScalarView()
            } else if breaks == 1 {
                current.append(" ")
            }
            current.append(contentsOf: pendingWhitespace)
            pendingWhitespace = String.UnicodeScalarView()
            breaks = 0
            current.append(scalar)
        }
        pieces.append(String(current))
        return pieces.map(Normalizer.foldWhitespace).filter { !$0.isEmpty }
    }
}
