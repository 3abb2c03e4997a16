import Foundation

/// The rarely-set parts of a unit or variant (TMX props, notes, attributes), stored as one JSON
/// column so the common case costs nothing: `nil` when all are empty. Shared by the stores (package
/// access) so that every store writes the same JSON and an export of each is the same.
package struct StoredExtra: Codable, Equatable, Sendable {
    package var properties: [Property]?
    package var notes: [Note]?
    package var attributes: [String: String]?

    package init(properties: [Property], notes: [Note], attributes: [String: String]) {
        self.properties = properties.isEmpty ? nil : properties
        self.notes = notes.isEmpty ? nil : notes
        self.attributes = attributes.isEmpty ? nil : attributes
    }

    package var isEmpty: Bool { properties == nil && notes == nil && attributes == nil }

    /// The JSON text, or `nil` when empty.
    package func encoded() throws -> String? {
        if isEmpty { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    package static func decode(_ json: String?) -> StoredExtra {
        guard let json, let value = try? JSONDecoder().decode(StoredExtra.self, from: Data(json.utf8)) else {
            return StoredExtra(properties: [], notes: [], attributes: [:])
        }
        return value
    }
}

extension Date {
    /// Whole seconds since 1970: what a memory stores (TMX dates have second precision too).
    package var storedSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }

    package init(storedSeconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(storedSeconds)) }
}
