import Foundation
import PamyatAlign
import PamyatCore

/// Aligns an original with a translation after the checks that make sure they can be translations
/// of each other: different languages, total lengths within a plausible ratio.
public struct DocumentAligner: Sendable {
    /// Beyond this factor between the expected and the actual translation length (either way) the
    /// pair is refused without `force`.
    public static let implausibleLengthFactor = 2.5

    public let aligner: Aligner

    /// An aligner for original → translation, with a learned lexicon when there is one.
    public init(languages: LanguagePair, learned: LearnedLexicon? = nil) throws {
        aligner = try Aligner(languages: languages, learned: learned)
    }

    /// Checks the pair and aligns it. Throws ``AddingError`` for a same-language pair and, unless
    /// `force`, for lengths that cannot be a translation's.
    public func align(original: LoadedDocument, translation: LoadedDocument, force: Bool) throws -> Alignment {
        try Self.check(original: original, translation: translation, lengthModel: aligner.configuration.lengthModel, force: force)
        return try aligner.align(source: original.paragraphs, target: translation.paragraphs)
    }

    /// The checks of ``align(original:translation:force:)`` on their own.
    public static func check(original: LoadedDocument, translation: LoadedDocument, lengthModel: LengthModel, force: Bool) throws {
        if original.language.sharesLanguage(with: translation.language) {
            throw AddingError(
                .sameLanguage,
                "both documents are in '\(original.language.language)' (\(original.path) and \(translation.path)); give an original and its translation in another language.",
                source: translation.path)
        }
        let factor = lengthModel.plausibility(sourceCharacters: original.characterCount, targetCharacters: translation.characterCount)
        if !force, factor > implausibleLengthFactor || factor < 1 / implausibleLengthFactor {
            let percent = factor < 0.1 ? String(format: "%.1f", factor * 100) : String(Int((factor * 100).rounded()))
            throw AddingError(
                .implausibleLengths,
                "the translation is \(percent)% of the length expected from the original (\(original.characterCount) and \(translation.characterCount) characters); these do not look like translations of each other. Check the files; the check can be overridden.",
                source: translation.path)
        }
    }
}
