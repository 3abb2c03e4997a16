import Foundation

/// A document that units were aligned from.
public struct DocumentRecord: Hashable, Sendable, Codable {
    /// The user's id for the document (`--doc-id`, or derived from the file name). Unique in a memory.
    public var id: String
    public var title: String?
    /// ISO 8601 date (`YYYY-MM-DD`) when known.
    public var date: String?
    public var sourceLanguage: LanguageTag
    public var languages: [LanguageTag]
    /// A hash of the document pair's input, to tell "already present" from "a new version".
    public var contentHash: String
    public var addedAt: Date

    public init(
        id: String, title: String? = nil, date: String? = nil, sourceLanguage: LanguageTag,
        languages: [LanguageTag], contentHash: String, addedAt: Date = Date()
    ) {
        self.id = id
        self.title = title
        self.date = date
        self.sourceLanguage = sourceLanguage
        self.languages = languages
        self.contentHash = contentHash
        self.addedAt = addedAt
    }
}

/// What storing one unit did.
public enum StoreOutcome: Hashable, Sendable {
    /// A new unit was created with this id.
    case created(Int64)
    /// A unit with the same content existed: its dates, properties and notes were updated.
    case updated(Int64)
    /// A unit with the same content existed and nothing needed to change.
    case unchanged(Int64)

    /// The stored unit's id, whatever happened.
    public var unitID: Int64 {
        switch self {
        case .created(let id), .updated(let id), .unchanged(let id): id
        }
    }
}

/// How a duplicate (a unit whose content is already stored) is treated by ``MemoryWriteSession/store(_:onDuplicate:)``.
public enum DuplicatePolicy: Sendable {
    /// Keep the stored unit as it is.
    case keepExisting
    /// Update the stored unit's change date, user, properties and notes from the new one (TMX import).
    case mergeMetadata
}

/// A change to the memory, in the order written; used to keep in-memory indexes current.
public struct UnitChange: Hashable, Sendable {
    public enum Kind: String, Sendable { case inserted, updated, deleted }
    /// Sequence number of the change in this memory: never decreases along the log. Changes written
    /// together may share one (a store may log a run of inserted units as one entry).
    public var sequence: Int64
    public var unitID: Int64
    public var kind: Kind

    public init(sequence: Int64, unitID: Int64, kind: Kind) {
        self.sequence = sequence
        self.unitID = unitID
        self.kind = kind
    }
}

/// Which units a read or an export covers.
public struct UnitFilter: Hashable, Sendable {
    /// Only units that have a variant in every one of these languages (empty: no restriction).
    public var languages: [LanguageTag]
    /// Only units changed at or after this date.
    public var changedSince: Date?
    /// Only units of this document.
    public var documentID: String?

    public init(languages: [LanguageTag] = [], changedSince: Date? = nil, documentID: String? = nil) {
        self.languages = languages
        self.changedSince = changedSince
        self.documentID = documentID
    }
}

/// Counts for `pamyat stats` and the `STATS` verb.
public struct MemoryStats: Hashable, Sendable, Codable {
    public var units: Int
    /// Units per language pair, keyed `ru-en` (both orders are the same pair; the key is sorted).
    public var pairs: [String: Int]
    /// Variants per language.
    public var languages: [String: Int]
    public var documents: Int
    /// Size of the memory's files on disk, in bytes (0 for a memory that is not a file).
    public var fileSize: Int64

    public init(units: Int, pairs: [String: Int], languages: [String: Int], documents: Int, fileSize: Int64) {
        self.units = units
        self.pairs = pairs
        self.languages = languages
        self.documents = documents
        self.fileSize = fileSize
    }
}

/// The variant text the fuzzy index is built from.
public struct IndexedVariant: Hashable, Sendable {
    public var unitID: Int64
    public var language: LanguageTag
    public var text: String

    public init(unitID: Int64, language: LanguageTag, text: String) {
        self.unitID = unitID
        self.language = language
        self.text = text
    }
}

/// The operations available inside one write transaction.
public protocol MemoryWriteSession {
    /// Stores a unit, or finds its duplicate (same ``UnitContent``) and applies `policy`.
    func store(_ unit: TranslationUnit, onDuplicate policy: DuplicatePolicy) throws -> StoreOutcome
    /// Stores a unit prepared by this store's ``MemoryStore/prepare(_:)``; the same as storing
    /// `unit.unit`, with less to do inside the transaction.
    func store(_ unit: PreparedUnit, onDuplicate policy: DuplicatePolicy) throws -> StoreOutcome
    /// Stores prepared units in their order, as if each were stored in turn (a unit repeating an
    /// earlier one of the batch is its duplicate); one outcome per unit. A store with a bulk path
    /// (PostgreSQL's `COPY`) writes the batch's new units at once.
    func store(_ units: [PreparedUnit], onDuplicate policy: DuplicatePolicy) throws -> [StoreOutcome]
    /// The document record with this id, as this transaction sees it: what to do about a document
    /// is decided here, inside the write, not from a read before it (another writer may come between).
    func document(id: String) throws -> DocumentRecord?
    /// Creates or replaces a document record.
    func saveDocument(_ document: DocumentRecord) throws
    /// Deletes the units aligned from a document (before storing its new version); returns how many.
    func deleteUnits(ofDocument id: String) throws -> Int
}

/// A translation memory's storage. The service layer talks to memories only through this protocol,
/// so that SQLite (today) and PostgreSQL (for memories that outgrow one machine) are interchangeable.
///
/// Implementations are safe to share between tasks: reads may run concurrently; writes are
/// serialised, and each ``write(_:)`` is one transaction that either happens entirely or not at all.
public protocol MemoryStore: Sendable {
    /// A human-readable location (a file path, a connection string without secrets).
    var location: String { get }

    /// Who this memory is, for caches kept outside the store (see ``StoreIdentity``); `nil` for a
    /// memory nothing may be cached for (one in memory).
    var identity: StoreIdentity? { get }

    /// Runs `body` in one write transaction: everything it stored is committed when it returns,
    /// nothing is if it throws.
    func write<T>(_ body: (any MemoryWriteSession) throws -> T) throws -> T

    /// Does ahead, on the caller's thread, the work of storing `unit` that needs no transaction
    /// (see ``PreparedUnit``), to be stored by a write session of this store.
    func prepare(_ unit: TranslationUnit) -> PreparedUnit

    /// The unit with this id.
    func unit(id: Int64) throws -> TranslationUnit?
    /// The units with these ids, in the order given (missing ids are skipped).
    func units(ids: [Int64]) throws -> [TranslationUnit]
    /// Streams the units that `filter` selects, in id order, in batches, with constant memory.
    func forEachUnit(matching filter: UnitFilter, batchSize: Int, _ body: ([TranslationUnit]) throws -> Void) throws
    /// Streams every variant's text in `language` (or in every language when `nil`), for index building.
    func forEachVariant(in language: LanguageTag?, _ body: (IndexedVariant) throws -> Void) throws

    /// The document record with this id.
    func document(id: String) throws -> DocumentRecord?
    /// Streams every document record, in the order of their ids (for copying a memory).
    func forEachDocument(_ body: (DocumentRecord) throws -> Void) throws

    /// Changes after `sequence`, oldest first; and the newest sequence number.
    func changes(after sequence: Int64) throws -> (changes: [UnitChange], latest: Int64)

    /// Ids of units whose `language` variant contains `text` (case-insensitive substring), newest first.
    func concordance(language: LanguageTag, text: String, limit: Int) throws -> [Int64]

    /// The languages the memory holds variants in.
    func languages() throws -> [LanguageTag]

    /// Counts for reports.
    func stats() throws -> MemoryStats

    /// How many units name each document id (their provenance's document); units that name none
    /// are not counted. A document id no unit names is absent.
    func unitCountsByDocument() throws -> [String: Int]

    /// A number that changes whenever a change is committed to the memory by anyone (this process
    /// or another), cheap enough to ask before every lookup; `nil` when the store cannot tell, and
    /// then callers read ``changes(after:)``.
    func dataVersion() throws -> Int64?
}

extension MemoryStore {
    public func dataVersion() throws -> Int64? { nil }
}

extension MemoryStore {
    /// Works out the unit's content only; the session does the rest when storing.
    public func prepare(_ unit: TranslationUnit) -> PreparedUnit {
        PreparedUnit(unit, normalizedTexts: nil)
    }
}

extension MemoryWriteSession {
    /// Stores the unit as if it had not been prepared.
    public func store(_ unit: PreparedUnit, onDuplicate policy: DuplicatePolicy) throws -> StoreOutcome {
        try store(unit.unit, onDuplicate: policy)
    }

    /// Stores the units one at a time.
    public func store(_ units: [PreparedUnit], onDuplicate policy: DuplicatePolicy) throws -> [StoreOutcome] {
        try units.map { try store($0, onDuplicate: policy) }
    }
}
