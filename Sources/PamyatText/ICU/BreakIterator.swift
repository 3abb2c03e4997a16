import CICUShim

/// An owner of an ICU break iterator over UTF-8 text. Stateful: use one per task, never share.
final class BreakIterator {
    enum Kind {
        case sentence
        case word

        var shimKind: pmy_break_kind { self == .sentence ? PMY_BREAK_SENTENCE : PMY_BREAK_WORD }
    }

    /// A boundary: the UTF-8 byte offset after which a break falls, and ICU's rule status there.
    struct Boundary: Equatable {
        var offset: Int
        var status: Int32
    }

    private let handle: OpaquePointer

    /// Opens an iterator for `locale` (an ICU locale id, e.g. `ru` or `en@ss=standard`).
    init(_ kind: Kind, locale: String) throws(TextError) {
        var status: Int32 = 0
        guard let handle = pmy_break_open(kind.shimKind, locale, &status), pmy_failed(status) == 0 else {
            throw TextError(.icu, "ICU could not open a \(kind) break iterator for '\(locale)': \(String(cString: pmy_error_name(status))).")
        }
        self.handle = handle
    }

    deinit { pmy_break_close(handle) }

    /// Calls `body` with each boundary of `text` after offset 0, up to and including the end.
    func forEachBoundary(in text: String, _ body: (Boundary) -> Void) {
        var text = text
        text.withUTF8 { forEachBoundary(in: $0, body) }
    }

    /// Calls `body` with each boundary of the UTF-8 text in `buffer` after offset 0, up to and
    /// including the end. ICU keeps a pointer to the buffer afterwards but reads it only here: the
    /// next call points it at new text first.
    func forEachBoundary(in buffer: UnsafeBufferPointer<UInt8>, _ body: (Boundary) -> Void) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        var status: Int32 = 0
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
            pmy_break_set_utf8(handle, chars, Int64(buffer.count), &status)
        }
        guard pmy_failed(status) == 0 else { return }
        while true {
            let next = pmy_break_next(handle)
            if next < 0 { break }
            body(Boundary(offset: Int(next), status: pmy_break_rule_status(handle)))
        }
    }

    /// All boundaries of `text` (see ``forEachBoundary(in:_:)``).
    func boundaries(in text: String) -> [Boundary] {
        var result: [Boundary] = []
        forEachBoundary(in: text) { result.append($0) }
        return result
    }
}
