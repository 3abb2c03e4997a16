import Foundation
import PamyatCore
@testable import PamyatMatch
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// An index read back from its cache file holds what the one that wrote it held, including what
/// the file does not store and the reader rebuilds (the entries' key signatures), and answers as
/// the exhaustive scan does.
@Suite struct IndexCacheRoundTripTests {
    static let ru = IndexPropertyTests.ru
    static let en = IndexPropertyTests.en

    /// Writes `language` to a temporary file and reads it back.
    static func roundTrip(_ language: LanguageIndex) throws -> LanguageIndex {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pamyat-roundtrip-\(UUID().uuidString)").path
        defer { unlink(path) }
        let output = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(output >= 0)
        try language.write(to: BinaryWriter(descriptor: output))
        close(output)
        let input = open(path, O_RDONLY)
        try #require(input >= 0)
        defer { close(input) }
        return try LanguageIndex.read(from: BinaryReader(descriptor: input, maximumCount: 1 << 30))
    }

    @Test(arguments: 1...3)
    func aReadBackIndexAnswersAsTheScan(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed &* 0x5151_7373_0101_2929)
        let index = FuzzyIndex()
        var memory = IndexPropertyTests.Memory()
        try IndexPropertyTests.mutate(index, &memory, steps: 300, &rng)
        index.compact()
        let written = index.lock.withReadLock { index.indexes }
        let read = try written.map(Self.roundTrip)
        for (before, after) in zip(written, read) {
            #expect(after.entryCount == before.entryCount)
            #expect(after.signatures == before.signatures)
            #expect(after.signatures.contains { $0 != 0 })
        }
        index.lock.withWriteLock { index.indexes = read }
        for _ in 0..<150 {
            let text = IndexPropertyTests.query(&rng, memory: memory)
            let minimum = IndexPropertyTests.minimums.randomElement(using: &rng)!
            let limit = IndexPropertyTests.limits.randomElement(using: &rng)!
            // Similar words on in every other lookup: the segment lists are built from the read-back
            // vocabulary on the first of them.
            let similar = Bool.random(using: &rng)
            let indexed = try index.lookup(text, from: Self.ru, to: Self.en, minimum: minimum, limit: limit, similarWords: similar)
            let scanned = try index.lookup(
                text, from: Self.ru, to: Self.en, minimum: minimum, limit: limit, exhaustive: true, similarWords: similar)
            #expect(indexed == scanned, "seed \(seed): query «\(text)» min \(minimum) limit \(limit) similar \(similar)")
        }
    }
}
