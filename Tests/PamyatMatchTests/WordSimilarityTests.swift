@testable import PamyatMatch
import Testing

/// The character costs of similar words, the bit-parallel edit distance, and the segment search of
/// similar words (it must find exactly the words the cost rule calls similar).
@Suite struct WordSimilarityTests {
    static let letters: [UInt32] = Array("абвгдежзиклмнопрстя".unicodeScalars.map(\.value))

    static func randomForm(_ rng: inout SeededGenerator, near: [UInt32]? = nil) -> [UInt32] {
        if var form = near, !form.isEmpty {
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                let at = Int.random(in: 0..<max(1, form.count), using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0 where form.count > 1: form.remove(at: at)
                case 1: form.insert(letters.randomElement(using: &rng)!, at: at)
                default: if at < form.count { form[at] = letters.randomElement(using: &rng)! }
                }
            }
            return form
        }
        return (0..<Int.random(in: 1...14, using: &rng)).map { _ in letters.randomElement(using: &rng)! }
    }

    @Test func costsFollowTheDocument() {
        #expect(WordSimilarity.cost(WordSimilarity.form("convet"), WordSimilarity.form("convert")) == 1)
        #expect(WordSimilarity.cost(WordSimilarity.form("прошли"), WordSimilarity.form("прошла")) == 2)
        #expect(WordSimilarity.cost(WordSimilarity.form("файл"), WordSimilarity.form("фаил")) == 3)
        #expect(WordSimilarity.cost(WordSimilarity.form("провёл"), WordSimilarity.form("провел")) == 2)
        #expect(WordSimilarity.cost(WordSimilarity.form("on"), WordSimilarity.form("in")) == 10)
        #expect(WordSimilarity.cost(WordSimilarity.form("прошли"), WordSimilarity.form("прошлого")) == 10)
        #expect(WordSimilarity.cost(WordSimilarity.form("Индии"), WordSimilarity.form("Китая")) == 10)
    }

    @Test func bitParallelDistanceEqualsTheTable() {
        var rng = SeededGenerator(seed: 99)
        for _ in 0..<3000 {
            let a = Self.randomForm(&rng)
            let b = Self.randomForm(&rng, near: Bool.random(using: &rng) ? a : nil)
            let expected = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in WordSimilarity.boundedLevenshtein(x, y, limit: 100) } }
            let found = b.withUnsafeBufferPointer { WordPattern(a).distance(to: $0) }
            #expect(found == expected, "\(a) \(b)")
        }
    }

    @Test(arguments: 1...3)
    func theSegmentSearchFindsEverySimilarWord(seed: UInt64) {
        var rng = SeededGenerator(seed: seed &* 7_919)
        var words = SimilarWords()
        var forms: [[UInt32]] = []
        for index in 0..<3000 {
            let form = index > 0 && Bool.random(using: &rng) ? Self.randomForm(&rng, near: forms.randomElement(using: &rng)!) : Self.randomForm(&rng)
            forms.append(form)
            let text = String(String.UnicodeScalarView(form.compactMap(Unicode.Scalar.init)))
            words.append(key: text, isWord: index % 50 != 0)
            // Seed 1 never compacts its lists, seed 2 once, seed 3 twice: lists then lie partly in the
            // contiguous part and partly in the linked one, and both must be read.
            if (seed >= 2 && index == 1499) || (seed == 3 && index == 2599) { words.compact() }
        }
        var marks: [UInt8] = []
        var touched: [UInt32] = []
        for _ in 0..<200 {
            let query = Bool.random(using: &rng) ? Self.randomForm(&rng, near: forms.randomElement(using: &rng)!) : Self.randomForm(&rng)
            var found: [UInt32: Int] = [:]
            words.neighbours(of: query, excluding: nil, marks: &marks, touched: &touched) { found[$0] = $1 }
            var expected: [UInt32: Int] = [:]
            for (key, form) in forms.enumerated() where key % 50 != 0 {
                let cost = form == query ? MatchWeights.caseOnly : WordSimilarity.cost(query, form)
                if cost < MatchWeights.word { expected[UInt32(key)] = cost }
            }
            #expect(found == expected, "\(query)")
            #expect(marks.allSatisfy { $0 == 0 } && touched.isEmpty)
        }
    }
}
