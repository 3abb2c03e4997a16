// libFuzzer target: the HTML document reader (PamyatText's DocumentReader for .html input, libxml2's
// HTML parser behind CHTMLShim, then the split on double <br>).
//
// The input is decoded as the CLI decodes a file (InputText: BOM, UTF-16, invalid UTF-8 and binary
// input refused); what decodes is read as HTML.
//
// Promises checked: no crash; an error is one short line; every paragraph is non-empty, has its
// white space folded (no space at either end, no two in a row, no tab or line break) and holds no
// control character — in particular not the U+001F the C shim uses to mark a <br>.
import FuzzCheck
import Foundation
@testable import PamyatText

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Data(bytes: data, count: size)
    do {
        let text = try InputText.decode(input, source: "fuzz.html")
        for paragraph in try DocumentReader.paragraphs(of: text, format: .html, source: "fuzz.html") {
            FuzzCheck.require(!paragraph.isEmpty, "an empty paragraph")
            FuzzCheck.require(!paragraph.hasPrefix(" ") && !paragraph.hasSuffix(" "), "a paragraph with a space at an end: \(paragraph.debugDescription)")
            FuzzCheck.require(!paragraph.contains("  "), "a paragraph with two spaces in a row: \(paragraph.debugDescription)")
            FuzzCheck.require(
                !paragraph.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) },
                "a paragraph with a control character: \(paragraph.debugDescription)")
        }
    } catch {
        FuzzCheck.requireOneLine(error.description, "an HTML error")
    }
    return 0
}
