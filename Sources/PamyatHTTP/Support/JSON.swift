import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PamyatServer

/// JSON bodies: written from the protocol's encoded fragments (the bytes the line protocol sends),
/// or by `JSONEncoder` as `pamyat … --json` prints.
enum JSON {
    /// `text` as a JSON string literal (Cyrillic as UTF-8, not `\u` escapes).
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        JSONStringLiteral.encode(text, into: &bytes)
    }

    /// Writes `{"name":value,…}` of the protocol response's members, without its `ok`, into `buffer`.
    static func writeObject(_ fields: [(name: String, value: JSONFragment)], into buffer: inout ByteBuffer) {
        buffer.writeInteger(UInt8(ascii: "{"))
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
            writeName(field.name, into: &buffer)
            buffer.writeInteger(UInt8(ascii: ":"))
            buffer.writeBytes(field.value.bytes)
        }
        buffer.writeInteger(UInt8(ascii: "}"))
    }

    /// The bytes `{"name":value,…}` take (for a buffer's capacity).
    static func objectSize(_ fields: [(name: String, value: JSONFragment)]) -> Int {
        fields.reduce(2) { $0 + $1.name.utf8.count + $1.value.bytes.count + 4 }
    }

    /// A member name: the protocol's are plain ASCII words, written as they are; any other is escaped.
    private static func writeName(_ name: String, into buffer: inout ByteBuffer) {
        if name.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            buffer.writeInteger(UInt8(ascii: "\""))
            buffer.writeString(name)
            buffer.writeInteger(UInt8(ascii: "\""))
        } else {
            var bytes: [UInt8] = []
            appendString(name, to: &bytes)
            buffer.writeBytes(bytes)
        }
    }

    /// A 200 response whose body is the protocol response's members as a JSON object: written once,
    /// straight into the body's buffer.
    static func response(fields: [(name: String, value: JSONFragment)]) -> Response {
        var buffer = ByteBufferAllocator().buffer(capacity: objectSize(fields) + 1)
        writeObject(fields, into: &buffer)
        return response(buffer)
    }

    /// A 200 (or `status`) response with a JSON body.
    static func response(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        var buffer = ByteBufferAllocator().buffer(capacity: bytes.count + 1)
        buffer.writeBytes(bytes)
        return response(buffer, status: status)
    }

    /// A 200 (or `status`) response with the JSON body in `buffer`, a line feed added.
    static func response(_ buffer: consuming ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        // Consumed, not copied: the caller's buffer is its only reference, so no copy on write.
        buffer.writeInteger(UInt8(ascii: "\n"))
        return Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: buffer))
    }

    static let contentType = "application/json; charset=utf-8"

    /// A response with `value` encoded as `pamyat … --json` encodes (keys sorted, slashes unescaped).
    static func response(encoding value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        response(Array(try encoder.encode(value)), status: status)
    }

    /// One encoder for every response (its settings are read-only after this; encoding is thread-safe).
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// One decoder for every request body.
    static let decoder = JSONDecoder()

    /// Decodes a JSON request body, answering what is wrong with it as `bad-request`.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: ByteBuffer, what: String) throws -> T {
        do {
            return try decoder.decode(T.self, from: Data(bytes.readableBytesView))
        } catch let error as DecodingError {
            throw APIError(ServerError(.badRequest, "\(what): \(describe(error))"))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.isEmpty ? "the body" : codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is missing; give it."
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context.codingPath)) has the wrong type; see /openapi.json."
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the body is not JSON; send a JSON object." : "\(path(context.codingPath)) is not valid."
        @unknown default:
            return "the body is not the JSON expected; see /openapi.json."
        }
    }
}
