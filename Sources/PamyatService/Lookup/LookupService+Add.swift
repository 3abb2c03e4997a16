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
        let pair = PairToAdd(source: source, target: target, from: from, to: to, provenance: Provenance(documentID: document))
        let result = try add(pairs: [pair], memory: name)
        return AddResult(unit: result.units[0], created: result.created == 1, memory: result.memory)
    }

    /// Stores `pairs` as units (origin `added`: a person wrote or confirmed them) in the memory
    /// named `memory` (the first when `nil`), all in one write transaction, and indexes them before
    /// returning. Every pair is checked first (two different languages, texts neither empty nor over
    /// ``maximumAddBytes``): one bad pair stores none. Pairs already stored change nothing.
    public func add(pairs: [PairToAdd], memory name: String? = nil) throws -> AddPairsResult {
        guard !pairs.isEmpty else { throw LookupError(.badText, "There are no pairs to add; give at least one.") }
        for (number, pair) in pairs.enumerated() {
            // "Pair 2: the source is empty; …" for a batch, "The source is empty; …" for one pair.
            func message(_ text: String) -> String {
                pairs.count == 1 ? text.prefix(1).uppercased() + text.dropFirst() : "Pair \(number + 1): \(text)"
            }
            guard !pair.from.sharesLanguage(with: pair.to) else {
                throw LookupError(.sameLanguage, message("a unit needs two languages: both sides are '\(pair.from.language)'."))
            }
            for (side, text) in [("source", pair.source), ("target", pair.target)] {
                guard !Variant.isBlank(text) else {
                    throw LookupError(.badText, message("the \(side) is empty; give the text of both sides."))
                }
                guard text.utf8.count <= Self.maximumAddBytes else {
                    throw LookupError(.badText, message("the \(side) is \(text.utf8.count) bytes long; the most is \(Self.maximumAddBytes)."))
                }
            }
        }
        let memory = try self.memory(named: name)
        let now = Date()
        let units = pairs.map { pair in
            TranslationUnit(
                sourceLanguage: pair.from, variants: [Variant(language: pair.from, text: pair.source), Variant(language: pair.to, text: pair.target)],
                origin: .added, provenance: pair.provenance, createdAt: now)
        }
        let outcomes = try memory.memory.store.write { session in
            try units.map { try session.store($0, onDuplicate: .keepExisting) }
        }
        // The units are indexed now, whatever else the store's log holds: a large backlog (another
        // process's import) is left to the background, and applying these changes again later
        // changes nothing.
        try memory.catchUp.beforeLookup(index: memory.index, store: memory.memory.store)
        let isCurrent = try memory.index.isCurrent(with: memory.memory.store)
        var result = AddPairsResult(units: [], created: 0, alreadyPresent: 0, memory: memory.memory.name)
        for (unit, outcome) in zip(units, outcomes) {
            result.units.append(outcome.unitID)
            guard case .created = outcome else {
                result.alreadyPresent += 1
                continue
            }
            result.created += 1
            if !isCurrent {
                try memory.index.add(unit: outcome.unitID, variants: unit.variants.map { FuzzyIndex.Text(language: $0.language, text: $0.text) })
            }
        }
        return result
    }
}

/// One translation to store with ``LookupService/add(pairs:memory:)``.
public struct PairToAdd: Hashable, Sendable {
    public var source: String
    public var target: String
    public var from: LanguageTag
    public var to: LanguageTag
    /// Where the pair comes from: document id, title, date, sentence positions.
    public var provenance: Provenance

    public init(source: String, target: String, from: LanguageTag, to: LanguageTag, provenance: Provenance = Provenance()) {
        self.source = source
        self.target = target
        self.from = from
        self.to = to
        self.provenance = provenance
    }
}

/// What ``LookupService/add(pairs:memory:)`` did.
public struct AddPairsResult: Hashable, Sendable, Codable {
    /// The units' ids, in the order of the pairs.
    public var units: [Int64]
    /// Pairs stored as new units.
    public var created: Int
    /// Pairs whose unit was stored already.
    public var alreadyPresent: Int
    /// The memory they went into.
    public var memory: String
}
