import NIOCore

/// One response line: a JSON object whose first member is `"ok"`.
package struct Response: Sendable {
    /// Whether the request succeeded (`"ok":true`).
    package var ok: Bool
    /// The members after `ok`, in order.
    package var fields: [(name: String, value: JSONFragment)]
    /// Whether the server closes the connection after sending this response (QUIT, `busy`).
    package var closesConnection = false
    /// The error of a failure, as it was before it became fields (front ends other than the line
    /// protocol answer it in their own way).
    package var error: ServerError?

    /// `{"ok":true}` followed by `fields`.
    package static func success(_ fields: [(name: String, value: JSONFragment)] = []) -> Response {
        Response(ok: true, fields: fields)
    }

    /// `{"ok":false,"error":CODE,"message":…}`.
    package static func failure(_ error: ServerError) -> Response {
        Response(ok: false, fields: [("error", .string(error.code.rawValue)), ("message", .string(error.message))], error: error)
    }

    /// The response as sent: one line of JSON and a line feed.
    func encoded() -> [UInt8] {
        var buffer = ByteBuffer()
        write(into: &buffer)
        return Array(buffer.readableBytesView)
    }

    /// Appends the line (and its line feed) to `buffer`, sized once: the members' bytes are
    /// copied straight into the buffer the channel writes.
    func write(into buffer: inout ByteBuffer) {
        buffer.reserveCapacity(minimumWritableBytes: fields.reduce(16) { $0 + $1.name.utf8.count + $1.value.bytes.count + 4 })
        buffer.writeStaticString(ok ? #"{"ok":true"# : #"{"ok":false"#)
        for field in fields {
            buffer.writeInteger(UInt8(ascii: ","))
            if field.name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
                // A plain name (all of the protocol's): no escapes.
                buffer.writeInteger(UInt8(ascii: "\""))
                buffer.writeString(field.name)
                buffer.writeInteger(UInt8(ascii: "\""))
            } else {
                var name: [UInt8] = []
                JSONStringLiteral.encode(field.name, into: &name)
                buffer.writeBytes(name)
            }
            buffer.writeInteger(UInt8(ascii: ":"))
            buffer.writeBytes(field.value.bytes)
        }
        buffer.writeStaticString("}\n")
    }

    /// The value of the member `name`, for tests and logs.
    package func field(_ name: String) -> JSONFragment? { fields.first { $0.name == name }?.value }
}
