import Foundation
import PamyatCore
import PamyatMatch

/// What adding one unit did.
public struct AddResult: Hashable, Sendable, Codable {
    /// The unit's id.
    public var unit: Int64
    /// `false` when the same unit was stored already.
    public var created: Bool
    /// The memory it went into.
    public var memory: String
}

extension LookupService {
    /// The longest text ``add(source:target:from:to:document:memory:)`` takes, in UTF-8 bytes.
    public static let maximumAddBytes = 100_000

    /// Stores one unit (`source` in `from`, `target` in `to`, origin `added`) in the memory named
    /// `memory` (the first when `nil`) and indexes it before returning: every lookup that starts
    /// after this returns finds it. Adding a unit that is already stored changes nothing.
    public func add(
        source: String, target: String, from: LanguageTag, to: LanguageTag, document: String? = nil, memory name: String? = nil
    ) throws -> AddResult {
        guard !from.sharesLanguage(with: to) else {
            throw LookupError(.sameLanguage, "A unit needs two languages: both sides are '\(from.language)'.")
        }
        for (side, text) in [("source", source), ("target", target)] {
            guard !Variant.isBlank(text) else {
                throw LookupError(.badText, "The \(side) is empty; give the text of both sides.")
            }
            guard text.utf8.count <= Self.maximumAddBytes else {
                throw LookupError(.badText, "The \(side) is \(text.utf8.count) bytes long; the most is \(Self.maximumAddBytes).")
            }
        }
        let memory = try self.memory(named: name)
        let now = Date()
        let unit = TranslationUnit(
            sourceLanguage: from, variants: [Variant(language: from, text: source), Variant(language: to, text: target)],
            origin: .added, provenance: Provenance(documentID: document), createdAt: now)
        let outcome = try memory.memory.store.write { session in try session.store(unit, onDuplicate: .keepExisting) }
        // The unit is indexed now, whatever else the store's log holds: a large backlog (another
        // process's import) is left to the background, and applying this unit's change again later
        // changes nothing. It is indexed here even when the catch-up found the index current: a
        // store with a change feed (PostgreSQL) hears of this very commit a moment later.
        try memory.catchUp.beforeLookup(index: memory.index, store: memory.memory.store)
        if case .created = outcome {
            try memory.index.add(unit: outcome.unitID, variants: unit.variants.map { FuzzyIndex.Text(language: $0.language, text: $0.text) })
        }
        if case .created = outcome { return AddResult(unit: outcome.unitID, created: true, memory: memory.memory.name) }
        return AddResult(unit: outcome.unitID, created: false, memory: memory.memory.name)
    }
}
