/// One response line: a JSON object whose first member is `"ok"`.
struct Response: Sendable {
    /// Whether the request succeeded (`"ok":true`).
    var ok: Bool
    /// The members after `ok`, in order.
    var fields: [(name: String, value: JSONFragment)]
    /// Whether the server closes the connection after sending this response (QUIT, `busy`).
    var closesConnection = false

    /// `{"ok":true}` followed by `fields`.
    static func success(_ fields: [(name: String, value: JSONFragment)] = []) -> Response {
        Response(ok: true, fields: fields)
    }

    /// `{"ok":false,"error":CODE,"message":…}`.
    static func failure(_ error: ServerError) -> Response {
        Response(ok: false, fields: [("error", .string(error.code.rawValue)), ("message", .string(error.message))])
    }

    /// The response as sent: one line of JSON and a line feed.
    func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(16) { $0 + $1.name.utf8.count + $1.value.bytes.count + 4 })
        bytes.append(contentsOf: Array((ok ? #"{"ok":true"# : #"{"ok":false"#).utf8))
        for field in fields {
            bytes.append(UInt8(ascii: ","))
            JSONStringLiteral.encode(field.name, into: &bytes)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: field.value.bytes)
        }
        bytes.append(contentsOf: [UInt8(ascii: "}"), 0x0A])
        return bytes
    }

    /// The value of the member `name`, for tests and logs.
    func field(_ name: String) -> JSONFragment? { fields.first { $0.name == name }?.value }
}
