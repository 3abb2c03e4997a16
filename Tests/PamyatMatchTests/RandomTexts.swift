/// Random sentences from a small vocabulary (so that many share words) with the differences the
/// score weighs: case, numbers, punctuation, spacing, inline tags.
struct RandomTexts {
    static let words = [
        "президент", "Президент", "встреча", "Встреча", "москва", "Москва", "ОДКБ", "одкб", "и", "в", "на",
        "с", "провёл", "обсудили", "вопросы", "сотрудничества", "сотрудничество", "стороны", "переговоры",
        "февраля", "марта", "г", "министр", "Министр", "ёлка", "Ёлка", "делегация", "соглашение",
        // Inflected forms and near spellings, so that similar words abound.
        "делегации", "делегацию", "соглашения", "соглашением", "сотрудничеству", "встречи", "встречу", "елка", "министра",
        "провел", "переговорами", "файл", "файла", "фаил", "Couldn't", "convert", "convet", "filename", "fiaename",
    ]
    static let decorations = ["---", "***", "=====", "# #", "..."]
    static let numbers = ["13", "14", "2023", "2024", "3,5", "1", "100"]
    static let punctuation = [",", ".", "«", "»", "—", ":", ";", "!", "?"]
    static let tags = ["<b>", "</b>", "<x id=\"1\"/>", "<i>", "</i>"]
    static let spaces = [" ", " ", " ", " ", "  ", "\u{00A0}", "\t"]

    static func sentence(_ rng: inout SeededGenerator, length: Int? = nil) -> String {
        let count = length ?? Int.random(in: 1...12, using: &rng)
        var parts: [String] = []
        for _ in 0..<count { parts.append(token(&rng)) }
        return join(parts, &rng)
    }

    static func token(_ rng: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<20, using: &rng) {
        case 0..<13: words.randomElement(using: &rng)!
        case 13..<16: numbers.randomElement(using: &rng)!
        case 16..<18: punctuation.randomElement(using: &rng)!
        case 18: Bool.random(using: &rng) ? decorations.randomElement(using: &rng)! : punctuation.randomElement(using: &rng)!
        default: tags.randomElement(using: &rng)!
        }
    }

    static func join(_ parts: [String], _ rng: inout SeededGenerator) -> String {
        var text = Bool.random(using: &rng) && Int.random(in: 0..<5, using: &rng) == 0 ? " " : ""
        for (index, part) in parts.enumerated() {
            if index > 0 && Int.random(in: 0..<6, using: &rng) != 0 { text += spaces.randomElement(using: &rng)! }
            text += part
        }
        return text
    }

    /// `word` with a letter dropped, doubled, replaced or its ending changed.
    static func typo(_ word: String, _ rng: inout SeededGenerator) -> String {
        var letters = Array(word)
        guard letters.count >= 2 else { return word + "а" }
        let at = Int.random(in: 0..<letters.count, using: &rng)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: letters.remove(at: at)
        case 1: letters.insert(letters[at], at: at)
        case 2: letters[at] = ["а", "о", "е", "и", "ы", "у", "я", "ё", "x"].randomElement(using: &rng)!
        default: letters = Array(letters.dropLast(Int.random(in: 1...2, using: &rng))) + Array(["ом", "ами", "у", "е", "ы"].randomElement(using: &rng)!)
        }
        return String(letters)
    }

    /// `text` changed a little: a few tokens replaced, removed, added, re-cased or re-spaced.
    static func perturb(_ text: String, _ rng: inout SeededGenerator) -> String {
        var parts = text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" }).map(String.init)
        let edits = Int.random(in: 0...3, using: &rng)
        for _ in 0..<edits {
            let position = parts.isEmpty ? 0 : Int.random(in: 0..<parts.count, using: &rng)
            switch Int.random(in: 0..<8, using: &rng) {
            case 0 where !parts.isEmpty: parts[position] = token(&rng)
            case 6 where !parts.isEmpty, 7 where !parts.isEmpty: parts[position] = typo(parts[position], &rng)
            case 1 where parts.count > 1: parts.remove(at: position)
            case 2: parts.insert(token(&rng), at: position)
            case 3 where !parts.isEmpty: parts[position] = parts[position].uppercased()
            case 4 where !parts.isEmpty: parts[position] = numbers.randomElement(using: &rng)!
            default: if !parts.isEmpty { parts[position] += punctuation.randomElement(using: &rng)! }
            }
        }
        if parts.isEmpty { parts = [token(&rng)] }
        return join(parts, &rng)
    }
}
