import CICUShim

/// An owner of an ICU transliterator, e.g. `Russian-Latin/BGN` or `Any-Latin; Latin-ASCII`.
/// Use one per task.
public final class Transliterator {
    private let handle: OpaquePointer
    /// The ICU id it was opened with.
    public let id: String

    /// Opens the transliterator `id`; throws when ICU does not know it.
    public init(_ id: String) throws(TextError) {
        let units = Array(id.utf16)
        var status: Int32 = 0
        let opened = units.withUnsafeBufferPointer { pmy_translit_open($0.baseAddress, Int32($0.count), &status) }
        guard let opened, pmy_failed(status) == 0 else {
            throw TextError(.icu, "ICU has no transliterator '\(id)': \(String(cString: pmy_error_name(status))).")
        }
        handle = opened
        self.id = id
    }

    deinit { pmy_translit_close(handle) }

    /// `text` transliterated.
    public func apply(_ text: String) throws(TextError) -> String {
        try withUTF16Transform(text) { input, length, output, capacity, status in
            pmy_translit_apply(handle, input, length, output, capacity, &status)
        }
    }
}
