import Foundation
import PamyatCore
import PamyatTMX

/// Which units and variants an export writes, and the header's `srclang`.
public struct TMXExportSelection: Sendable {
    /// `--from A --to B`: units with variants in both; only those two variants; `srclang` A.
    public var pair: LanguagePair?
    /// `--langs a,b,c`: the variants in these languages, for units with at least two of them.
    public var languages: [LanguageTag]
    /// `--srclang X`: the header's `srclang` (instead of `*all*`); units without a variant in X are skipped.
    public var sourceLanguage: LanguageTag?
    /// `--since`: units changed at or after this date.
    public var changedSince: Date?
    /// `--doc`: units of this document.
    public var documentID: String?

    public init(
        pair: LanguagePair? = nil, languages: [LanguageTag] = [], sourceLanguage: LanguageTag? = nil,
        changedSince: Date? = nil, documentID: String? = nil
    ) {
        self.pair = pair
        self.languages = languages
        self.sourceLanguage = sourceLanguage
        self.changedSince = changedSince
        self.documentID = documentID
    }

    /// The header's `srclang`.
    public var headerSource: TMXHeader.SourceLanguage {
        if let pair { return .language(pair.source) }
        if let sourceLanguage { return .language(sourceLanguage) }
        return .all
    }

    /// Whether `variant` is in `language`: the same tag, or a regional form of it (`en-GB` for `en`),
    /// as the store's language filter matches.
    static func matches(_ variant: LanguageTag, _ language: LanguageTag) -> Bool {
        variant == language || variant.identifier.hasPrefix(language.identifier + "-")
    }

    /// The unit as exported, or `nil` when the selection leaves it out.
    func select(_ unit: TranslationUnit) -> TranslationUnit? {
        var unit = unit
        let wanted: [LanguageTag] = pair.map { [$0.source, $0.target] } ?? languages
        if !wanted.isEmpty {
            unit.variants = unit.variants.filter { variant in wanted.contains { Self.matches(variant.language, $0) } }
            if let pair {
                guard unit.variants.contains(where: { Self.matches($0.language, pair.target) }) else { return nil }
            } else if unit.variants.count < 2 {
                return nil
            }
        }
        if case .language(let source) = headerSource, !unit.variants.contains(where: { $0.language == source }) {
            return nil
        }
        return unit.variants.isEmpty ? nil : unit
    }
}
