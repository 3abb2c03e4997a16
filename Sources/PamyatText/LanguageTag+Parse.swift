import CICUShim
import Foundation
import PamyatCore

extension LanguageTag {
    /// Parses and canonicalises a BCP 47 tag with ICU: `en-us` → `en-US`, `RU` → `ru`, `en_GB` → `en-GB`.
    ///
    /// Throws ``TextError/Code/unknownLanguage`` when the tag is ill-formed or its primary language
    /// is not an ISO 639 language ICU knows (`xx`, `english`).
    public static func parse(_ text: String) throws(TextError) -> LanguageTag {
        if let known = ParsedTags.shared.tag(for: text) { return known }
        let tag = try parseWithICU(text)
        ParsedTags.shared.remember(tag, for: text)
        return tag
    }

    private static func parseWithICU(_ text: String) throws(TextError) -> LanguageTag {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-")
        guard !trimmed.isEmpty, trimmed.utf8.count < 100,
            trimmed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else {
            throw TextError(.unknownLanguage, "'\(TextExcerpt.short(text, limit: 40))' is not a language tag; use a BCP 47 tag such as ru, en, en-GB, be, kk.")
        }
        var output = [CChar](repeating: 0, count: 160)
        var status: Int32 = 0
        let length = pmy_locale_canonical_tag(trimmed, &output, Int32(output.count), &status)
        guard length > 0, pmy_failed(status) == 0 else {
            throw TextError(.unknownLanguage, "'\(TextExcerpt.short(text, limit: 40))' is not a well-formed BCP 47 language tag; use one such as ru, en, en-GB, be, kk.")
        }
        let canonical = String(decoding: output[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let tag = LanguageTag(canonical: canonical)
        guard tag.language != "und", pmy_locale_is_known_language(tag.language) == 1 else {
            throw TextError(.unknownLanguage, "'\(TextExcerpt.short(text, limit: 40))' names no language ICU knows; use a BCP 47 tag such as ru, en, en-GB, be, kk.")
        }
        return tag
    }
}

/// The tags parsed so far, by the text given: a server parses two tags per request, and ICU's
/// canonicalisation cost more than answering a PING. At most `limit` are kept (then no more are
/// added: the texts a memory's users send are few).
private final class ParsedTags: @unchecked Sendable {
    static let shared = ParsedTags()
    private let limit = 4_096
    private let lock = NSLock()
    // Guarded by `lock`.
    private var tags: [String: LanguageTag] = [:]

    func tag(for text: String) -> LanguageTag? { lock.withLock { tags[text] } }

    func remember(_ tag: LanguageTag, for text: String) {
        lock.withLock { if tags.count < limit { tags[text] = tag } }
    }
}
