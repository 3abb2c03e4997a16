import PamyatCore
import PamyatText
import Testing

@Suite struct WordTokenizerTests {
    private func kinds(_ text: String, language: String = "ru") throws -> [String] {
        let tokenizer = try WordTokenizer(language: LanguageTag(canonical: language))
        let tokenized = tokenizer.tokenize(text)
        return tokenized.tokens.map { token in
            let mark: String
            switch token.kind {
            case .word: mark = "w"
            case .number: mark = "n"
            case .punctuation: mark = "p"
            case .whitespace: mark = "_"
            case .tag: mark = "t"
            }
            return token.kind == .whitespace ? mark : "\(mark):\(tokenized.surface(of: token))"
        }
    }

    @Test func cutsARussianSentenceIntoWordsNumbersAndPunctuation() throws {
        #expect(try kinds("13 февраля 2023 г. ОДКБ провела учения.") == [
            "n:13", "_", "w:февраля", "_", "n:2023", "_", "w:г", "p:.", "_", "w:ОДКБ", "_", "w:провела", "_",
            "w:учения", "p:.",
        ])
    }

    @Test func keepsDecimalsAndDatesAsOneNumber() throws {
        #expect(try kinds("3,5 млн, 13.02.2023") == ["n:3,5", "_", "w:млн", "p:,", "_", "n:13.02.2023"])
    }

    @Test func readsInlineTagsAsOneToken() throws {
        #expect(try kinds("<b>Москва</b> и <x id=\"1\"/>", language: "ru") == [
            "t:<b>", "w:Москва", "t:</b>", "_", "w:и", "_", "t:<x id=\"1\"/>",
        ])
    }

    @Test func doesNotTakeComparisonsForTags() throws {
        #expect(try kinds("a < b > c", language: "en") == ["w:a", "_", "p:<", "_", "w:b", "_", "p:>", "_", "w:c"])
    }

    @Test func foldsEveryKindOfWhiteSpaceIntoWhiteSpaceTokens() throws {
        #expect(try kinds("один\u{00A0}\u{2009}два\u{200B}три") == ["w:один", "_", "w:два", "_", "w:три"])
    }

    @Test func splitsPunctuationRunsIntoCharacters() throws {
        #expect(try kinds("«Да»…", language: "ru") == ["p:«", "w:Да", "p:»", "p:…"])
    }

    @Test func putsTheTextInNFC() throws {
        let tokenizer = try WordTokenizer(language: LanguageTag(canonical: "ru"))
        let decomposed = "Ё\u{0308}лка".replacingOccurrences(of: "Ё\u{0308}", with: "Е\u{0308}")
        let tokenized = tokenizer.tokenize(decomposed)
        #expect(tokenized.text == "Ёлка", "NFC composes Е + U+0308 into Ё")
        #expect(tokenized.tokens.count == 1)
    }

    @Test func coversTheWholeTextWithoutGapsOrOverlaps() throws {
        let tokenizer = try WordTokenizer(language: LanguageTag(canonical: "en"))
        let text = "  Hello, <i>world</i>!  It's 3.5% — done\t\n"
        let tokenized = tokenizer.tokenize(text)
        var position = 0
        for token in tokenized.tokens {
            #expect(token.start == position, "token \(token) starts where the previous ended")
            position = token.end
        }
        #expect(position == tokenized.bytes.count)
    }

    @Test func contentTokensCarryTheSpaceBeforeThem() throws {
        let tokenizer = try WordTokenizer(language: LanguageTag(canonical: "en"))
        let tokenized = tokenizer.tokenize(" a ,b")
        let content = tokenized.contentTokens
        #expect(content.map { tokenized.surface(of: $0.token) } == ["a", ",", "b"])
        #expect(content.map(\.spaceBefore) == [false, true, false], "the first token never has space before it")
    }
}
