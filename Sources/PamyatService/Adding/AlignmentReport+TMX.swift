import Foundation
import PamyatAlign

extension AlignmentReport {
    /// A TMX 1.4b document of the pairs, one `<tu>` per bead with its confidence as
    /// `<prop type="x-confidence">` and the sentence numbers as `x-source-sentences`.
    ///
    /// Written here (a few lines of escaping) until PamyatTMX's writer is on main.
    public func tmx(creationDate: Date = Date()) -> String {
        let source = alignment.languages.source.identifier
        let target = alignment.languages.target.identifier
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let date = formatter.string(from: creationDate)
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
              <header creationtool="pamyat" creationtoolversion="0.1.0" datatype="plaintext" segtype="sentence" adminlang="en" srclang="\(source)" o-tmf="pamyat" creationdate="\(date)"/>
              <body>

            """
        for bead in alignment.pairs {
            let positions = bead.source.map { String($0 + 1) }.joined(separator: "-")
            xml += "    <tu>\n"
            xml += "      <prop type=\"x-confidence\">\(Self.score(bead.confidence))</prop>\n"
            xml += "      <prop type=\"x-source-sentences\">\(positions)</prop>\n"
            xml += "      <tuv xml:lang=\"\(source)\"><seg>\(Self.escape(alignment.sourceText(of: bead)))</seg></tuv>\n"
            xml += "      <tuv xml:lang=\"\(target)\"><seg>\(Self.escape(alignment.targetText(of: bead)))</seg></tuv>\n"
            xml += "    </tu>\n"
        }
        xml += "  </body>\n</tmx>\n"
        return xml
    }

    /// XML text escaping; characters XML 1.0 forbids (C0 controls but tab, LF, CR) are dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default:
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" { continue }
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
