import Foundation
import PamyatCore
import PamyatService
import PamyatText
import Testing

@Suite struct DocumentAnalyzerTests {
    static let minister = "Министр иностранных дел провёл переговоры с послом Германии о торговле, инвестициях, образовании, культуре, туризме и науке в этом году."

    /// A memory built so that each line of ``document`` lands in another band.
    static func memory() throws -> LookupService {
        try service([
            unit([(Tags.ru, "Встреча прошла в Минске."), (Tags.en, "The meeting took place in Minsk.")]),
            unit([(Tags.ru, "Стороны обсудили вопросы сотрудничества."), (Tags.en, "The parties discussed cooperation.")], previous: "Встреча прошла в Минске."),
            unit([(Tags.ru, minister), (Tags.en, "The Foreign Minister held talks with the German ambassador.")]),
            unit([(Tags.ru, "Делегация посетила завод тракторов в Минске."), (Tags.en, "The delegation visited the tractor plant in Minsk.")]),
        ])
    }

    /// Each line with the band it must land in (scores from the formula of docs/MATCHING.md).
    static let document: [(String, MatchBands.Band)] = [
        ("Встреча прошла в Минске.", .scores(lowest: 100, highest: 100)),
        ("Стороны обсудили вопросы сотрудничества.", .context),
        (minister.replacingOccurrences(of: "этом", with: "прошлом"), .scores(lowest: 95, highest: 99)),  // 95
        (minister.replacingOccurrences(of: "переговоры с послом Германии", with: "встречу с послом Франции"), .scores(lowest: 85, highest: 94)),  // 91
        ("Делегация посетила большой завод тракторов в Гомеле.", .scores(lowest: 75, highest: 84)),  // 75
        ("Министр иностранных дел провёл переговоры с послом Германии о торговле и инвестициях.", .scores(lowest: 50, highest: 74)),  // 58
        ("Погода сегодня солнечная и тёплая.", .noMatch),
        ("Встреча прошла в Минске.", .repetition),
    ]

    /// With several workers the sentences are looked up on several threads: the context of each
    /// (101) and the repetitions must not change.
    @Test(arguments: [1, 3])
    func everyBandGetsItsSentence(workers: Int) throws {
        let folder = try TemporaryFolder()
        let path = folder.path("release.ru.txt")
        try Self.document.map(\.0).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var analyzer = DocumentAnalyzer(service: try Self.memory(), source: Tags.ru, target: Tags.en)
        analyzer.layout = .lines
        analyzer.workers = workers
        let report = try analyzer.analyze([path])
        let table = try #require(report.documents.first)
        let counter = try WordCounter(language: Tags.ru)
        for band in MatchBands.standard.all {
            let sentences = Self.document.filter { $0.1 == band }.map(\.0)
            #expect(table.count(band).segments == sentences.count, "segments in \(band.name)")
            #expect(table.count(band).words == sentences.reduce(0) { $0 + counter.count($1) }, "words in \(band.name)")
            #expect(table.count(band).characters == sentences.reduce(0) { $0 + $1.count(where: { !$0.isWhitespace }) }, "characters in \(band.name)")
        }
        #expect(table.total.segments == Self.document.count)
        #expect(report.total.counts == table.counts, "one document: the total is its table")
    }

    @Test func aSentenceSeenInAnEarlierDocumentIsARepetition() throws {
        let folder = try TemporaryFolder()
        try "Встреча прошла в Минске.\nПогода сегодня солнечная и тёплая.".write(toFile: folder.path("a.ru.txt"), atomically: true, encoding: .utf8)
        try "Погода сегодня солнечная и тёплая.\nВстреча прошла в Минске.".write(toFile: folder.path("b.ru.txt"), atomically: true, encoding: .utf8)
        let report = try DocumentAnalyzer(service: try Self.memory(), source: Tags.ru, target: Tags.en)
            .analyze([folder.path("a.ru.txt"), folder.path("b.ru.txt")])
        #expect(report.documents[0].count(.repetition).segments == 0)
        #expect(report.documents[1].count(.repetition).segments == 2)
        #expect(report.documents[1].count(.scores(lowest: 100, highest: 100)).segments == 0, "the exact match counted once, in the first document")
        #expect(report.total.count(.repetition).segments == 2)
        #expect(report.total.count(.noMatch).segments == 1)
    }

    @Test func aLookupErrorOnAWorkerThreadIsThrown() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("release.ru.txt")
        try Self.document.map(\.0).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var analyzer = DocumentAnalyzer(service: try Self.memory(), source: Tags.ru, target: Tags.kk)
        analyzer.workers = 2
        #expect(throws: LookupError.self, "the memory holds no ru→kk units") { try analyzer.analyze([path]) }
    }

    @Test func bandsFromAList() throws {
        let bands = try MatchBands(parsing: "100, 90,70")
        #expect(bands.all.map(\.name) == ["101", "repetitions", "100", "90-99", "70-89", "no-match"])
        #expect(bands.band(score: 101) == .context)
        #expect(bands.band(score: 100) == .scores(lowest: 100, highest: 100))
        #expect(bands.band(score: 90) == .scores(lowest: 90, highest: 99))
        #expect(bands.band(score: 69) == .noMatch)
        #expect(bands.band(score: nil) == .noMatch)
        #expect(bands.minimum == 70)
    }

    @Test(arguments: ["", "100,abc", "90,80", "100,95,95", "100,80,90", "100,0", "100,101"])
    func badBandsAreRefused(text: String) {
        #expect(throws: AnalysisError.self) { try MatchBands(parsing: text) }
    }
}
