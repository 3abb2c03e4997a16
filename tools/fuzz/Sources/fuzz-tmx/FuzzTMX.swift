// libFuzzer target: the TMX reader (PamyatTMX's TMXReader over CXMLShim and libxml2) on any bytes.
//
// Promises checked: no crash; the reading ends with units or with one TMXError whose description is
// one short line (no raw libxml2 message, no unbounded quote of the input); no variant read is blank
// (`TMXReader` leaves blank ones out); every problem reported is one short line.
import FuzzCheck
import Foundation
import PamyatCore
@testable import PamyatTMX

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTMX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let reader = try TMXReader(bytes: bytes, name: "fuzz.tmx", fallbackDate: Date(timeIntervalSince1970: 0))
        var units = 0
        while let unit = try reader.next() {
            units += 1
            for variant in unit.variants {
                FuzzCheck.require(!Variant.isBlank(variant.text), "a unit with a blank variant: \(unit)")
            }
            if units > 100_000 { break }
        }
        for problem in reader.problems { FuzzCheck.requireOneLine("\(problem)", "a TMX problem") }
    } catch {
        FuzzCheck.requireOneLine(error.description, "a TMX error")
    }
    return 0
}
