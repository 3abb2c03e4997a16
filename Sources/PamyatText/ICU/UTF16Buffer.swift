/// Runs an ICU "preflight" style call over UTF-16: `call(input, output, capacity, &status)` returns
/// the needed length; when it exceeds the capacity the call is repeated with room enough.
func withUTF16Transform(
    _ text: String,
    _ call: (UnsafePointer<UInt16>, Int32, UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
) throws(TextError) -> String {
    let input = Array(text.utf16)
    if input.isEmpty { return "" }
    var capacity = input.count + input.count / 2 + 16
    for _ in 0..<4 {
        var status: Int32 = 0
        var output = [UInt16](repeating: 0, count: capacity)
        let needed = input.withUnsafeBufferPointer { inPtr in
            output.withUnsafeMutableBufferPointer { outPtr in
                call(inPtr.baseAddress!, Int32(inPtr.count), outPtr.baseAddress!, Int32(capacity), &status)
            }
        }
        if status > 0 {
            throw TextError(.icu, "ICU failed on a text of \(input.count) code units.")
        }
        if Int(needed) <= capacity {
            return String(decoding: output[0..<Int(needed)], as: UTF16.self)
        }
        capacity = Int(needed) + 16
    }
    throw TextError(.icu, "ICU kept asking for a bigger buffer on a text of \(input.count) code units.")
}
