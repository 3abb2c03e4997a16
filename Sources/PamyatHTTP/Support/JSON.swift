import Foundation
import HTTPTypes
import Hummingbird
import PamyatServer

/// JSON bodies: written from the protocol's encoded fragments (the bytes the line protocol sends),
/// or by `JSONEncoder` as `pamyat … --json` prints.
enum JSON {
    /// `text` as a JSON string literal (Cyrillic as UTF-8, not `\u` escapes).
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        JSONStringLiteral.encode(text, into: &bytes)
    }

    /// `{"name":value,…}` of the protocol response's members, without its `ok`.
    static func object(_ fields: [(name: String, value: JSONFragment)]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(fields.reduce(8) { $0 + $1.name.utf8.count + $1.value.bytes.count + 4 })
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendString(field.name, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: field.value.bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// A 200 (or `status`) response with a JSON body.
    static func response(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        var body = bytes
        body.append(UInt8(ascii: "\n"))
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A response with `value` encoded as `pamyat … --json` encodes (keys sorted, slashes unescaped).
    static func response(encoding value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        response(Array(try encoder.encode(value)), status: status)
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Decodes a JSON request body, answering what is wrong with it as `bad-request`.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: ByteBuffer, what: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes.readableBytesView))
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
