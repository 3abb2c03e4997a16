/// Limits that keep a hostile or broken file from exhausting memory. Whatever the file's size, the
/// reader holds one unit at a time, and one unit is bounded by these.
public struct TMXLimits: Hashable, Sendable {
    /// Largest `seg` content, in UTF-8 bytes of its (canonical) inner XML: 1 MiB by default, some
    /// thousand times a long sentence. libxml2 itself refuses a single text node over 10,000,000 bytes
    /// before this is even reached, so a 2 GB file with one giant `seg` costs at most ~10 MB.
    public var maximumSegmentBytes: Int
    /// Largest `prop` or `note` text, in UTF-8 bytes.
    public var maximumFieldBytes: Int
    /// Most `tuv`s in one `tu`.
    public var maximumVariantsPerUnit: Int
    /// Most `prop`s plus `note`s on one `tu`, `tuv` or the header.
    public var maximumFieldsPerElement: Int
    /// Deepest nesting of inline elements in a `seg`.
    public var maximumInlineDepth: Int

    public init(
        maximumSegmentBytes: Int = 1 << 20, maximumFieldBytes: Int = 1 << 20, maximumVariantsPerUnit: Int = 1_000,
        maximumFieldsPerElement: Int = 1_000, maximumInlineDepth: Int = 64
    ) {
        self.maximumSegmentBytes = maximumSegmentBytes
        self.maximumFieldBytes = maximumFieldBytes
        self.maximumVariantsPerUnit = maximumVariantsPerUnit
        self.maximumFieldsPerElement = maximumFieldsPerElement
        self.maximumInlineDepth = maximumInlineDepth
    }

    public static let `default` = TMXLimits()
}
