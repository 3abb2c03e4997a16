/// A unit with the part of storing it that needs no transaction already done: its content, which
/// duplicates are found by, and what the store derives from its texts. Made by
/// ``MemoryStore/prepare(_:)``; a bulk import prepares units on its reading thread, so that the
/// thread holding the write transaction only writes.
public struct PreparedUnit: Sendable {
    public let unit: TranslationUnit
    public let content: UnitContent
    /// ``UnitContent/hash`` of ``content``.
    public let contentHash: Int64
    /// Per variant, its normalised form (NFC, white space folded) when that differs from its text,
    /// `nil` when it is the same; `nil` as a whole when not worked out (the store does it when
    /// storing). Only stores set it: they know how they normalise.
    public let normalizedTexts: [String?]?

    package init(_ unit: TranslationUnit, normalizedTexts: [String?]?) {
        self.unit = unit
        content = UnitContent(unit)
        contentHash = content.hash
        self.normalizedTexts = normalizedTexts
    }
}
