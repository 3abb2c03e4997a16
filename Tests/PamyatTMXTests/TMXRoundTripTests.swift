import Foundation
import PamyatCore
import Testing
@testable import PamyatTMX

/// A small deterministic generator (SplitMix64), so a failing seed can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random memories with awkward text: XML's special characters, emoji, RTL marks, combining
/// marks, white space, CR, and characters XML forbids (in segment text only: see ControlCharacter).
struct AwkwardMemory {
    var random: SeededGenerator
    static let languages = ["ru", "en", "be", "kk", "en-GB"].map { LanguageTag(canonical: $0) }
    static let pieces = [
        "Привет", "hello", " ", "&", "<", ">", "\"", "'", "]]>", "&amp;", "👩‍👩‍👧", "🎄", "\u{200F}", "\u{202E}", "مرحبا",
        "e\u{301}", "Ёж", "\n", "\t", "\r", "\r\n", "  ", "қазақ", "беларуская", "—", "\u{A0}", "<b>", "&lt;", "x",
    ]
    static let forbidden: [Unicode.Scalar] = ["\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"]
    static let propertyTypes = ["x-tool", "x-LastUsedBy", "Txt::FileName", "x-Context", "file", "x-Origin"]

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    mutating func text(allowForbidden: Bool, maxPieces: Int = 6) -> String {
        var result = ""
        for _ in 0..<Int.random(in: 0...maxPieces, using: &random) {
            if allowForbidden && chance(10) {
                result.unicodeScalars.append(Self.forbidden.randomElement(using: &random)!)
            } else {
                result += Self.pieces.randomElement(using: &random)!
            }
        }
        return result
    }

    mutating func optionalText() -> String? { chance(50) ? text(allowForbidden: false) : nil }

    /// A variant's text and (sometimes) markup, consistent with what the reader produces.
    mutating func segment() -> (text: String, markup: String?) {
        guard chance(30) else { return (text(allowForbidden: true), nil) }
        var text = "", markup: [UInt8] = [], inline = 0
        for index in 0..<Int.random(in: 1...5, using: &random) {
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                inline += 1
                markup += Array("<ph x=\"\(index)\">".utf8)
                XMLEscaping.appendDroppingForbidden(self.text(allowForbidden: false, maxPieces: 2), to: &markup, context: .content)
                markup += Array("</ph>".utf8)
            case 1:
                inline += 1
                markup += Array("<bpt i=\"\(index)\">&lt;b&gt;</bpt>".utf8)
                let inner = self.text(allowForbidden: false, maxPieces: 2)
                text += inner
                XMLEscaping.appendDroppingForbidden(inner, to: &markup, context: .content)
                markup += Array("<ept i=\"\(index)\">&lt;/b&gt;</ept>".utf8)
            case 2:
                let scalar = Self.forbidden.randomElement(using: &random)!
                text.unicodeScalars.append(scalar)
                ControlCharacter.appendPlaceholder(scalar, to: &markup)
            default:
                let piece = self.text(allowForbidden: false, maxPieces: 3)
                text += piece
                XMLEscaping.appendDroppingForbidden(piece, to: &markup, context: .content)
            }
        }
        if inline == 0 { markup += Array("<ph></ph>".utf8) }
        return (text, String(decoding: markup, as: UTF8.self))
    }

    mutating func properties() -> [Property] {
        (0..<Int.random(in: 0...2, using: &random)).map { _ in
            Property(type: Self.propertyTypes.randomElement(using: &random)!, value: text(allowForbidden: false),
                     language: chance(20) ? "en" : nil, encoding: chance(10) ? "UTF-8" : nil)
        }
    }

    mutating func notes() -> [Note] {
        (0..<Int.random(in: 0...2, using: &random)).map { _ in Note(text: text(allowForbidden: false), language: chance(20) ? "ru" : nil) }
    }

    mutating func date() -> Date { Date(timeIntervalSince1970: TimeInterval(Int.random(in: 0...2_000_000_000, using: &random))) }

    /// A unit; with `source`, it has a variant in that language.
    mutating func unit(id: Int64, source: LanguageTag?) -> TranslationUnit {
        var languages = (0..<Int.random(in: 1...3, using: &random)).map { _ in Self.languages.randomElement(using: &random)! }
        if let source, !languages.contains(source) { languages.insert(source, at: Int.random(in: 0...languages.count, using: &random)) }
        let variants = languages.map { language -> Variant in
            // pamyat never stores a blank segment (the reader skips one: TMXReaderTests), so the
            // memories this round trip starts from have none.
            var (text, markup) = segment()
            while Variant.isBlank(text) { (text, markup) = segment() }
            var attributes: [String: String] = [:]
            if chance(30) { attributes["creationid"] = self.text(allowForbidden: false) }
            if chance(20) { attributes["usagecount"] = "\(Int.random(in: 0...9, using: &random))" }
            return Variant(language: language, text: text, markup: markup, properties: properties(), notes: notes(), attributes: attributes)
        }
        let created = date()
        return TranslationUnit(
            id: id, sourceLanguage: source ?? languages.randomElement(using: &random)!, variants: variants,
            origin: Origin.allCases.randomElement(using: &random)!,
            provenance: Provenance(
                documentID: optionalText(), documentTitle: optionalText(), documentDate: chance(30) ? "2024-01-31" : nil,
                position: chance(50) ? "\(Int.random(in: 1...500, using: &random))" : nil,
                confidence: chance(50) ? Double.random(in: 0...1, using: &random) : nil,
                contextPrevious: optionalText(), contextNext: optionalText()),
            externalID: chance(50) ? text(allowForbidden: false) : nil,
            createdAt: created, changedAt: chance(50) ? created : date(),
            createdBy: optionalText(), changedBy: optionalText(), properties: properties(), notes: notes(),
            attributes: chance(30) ? ["usagecount": "3", "lastusagedate": "20240101T000000Z", "datatype": "plaintext"] : [:])
    }
}

@Suite struct TMXRoundTripTests {
    /// What reading back should give: no store id; the tuid as external id; the header's source
    /// language first when there is one.
    static func expected(_ unit: TranslationUnit, source: LanguageTag?) -> TranslationUnit {
        var unit = unit
        unit.externalID = unit.externalID ?? unit.id.map { String($0) }
        unit.id = nil
        if let source, let index = unit.variants.firstIndex(where: { $0.language == source }), index != 0 {
            unit.variants.insert(unit.variants.remove(at: index), at: 0)
        }
        return unit
    }

    @Test(arguments: [(UInt64(1), true), (2, false), (3, true), (4, false), (5, true), (6, false)])
    func readingWhatWasWrittenGivesTheSameMemory(seed: UInt64, pair: Bool) throws {
        var generator = AwkwardMemory(random: SeededGenerator(seed: seed))
        let source: LanguageTag? = pair ? LanguageTag(canonical: "ru") : nil
        let units = (1...150).map { generator.unit(id: Int64($0), source: source) }
        let (text, writer) = try TMXTest.write(units, source: source.map { .language($0) } ?? .all)
        #expect(writer.droppedCharacters == 0)
        let (back, reader) = try TMXTest.read(text)
        #expect(back.count == units.count)
        for (index, (original, read)) in zip(units, back).enumerated() {
            let wanted = Self.expected(original, source: source)
            #expect(read == wanted, "seed \(seed), unit \(index + 1):\nwanted \(wanted)\nread   \(read)")
            if read != wanted { break }
        }
        // String equality is up to canonical equivalence; the round trip must keep the very scalars.
        let scalars = { (units: [TranslationUnit]) in units.flatMap { $0.variants.map { Array(($0.markup ?? "").unicodeScalars) + Array($0.text.unicodeScalars) } } }
        #expect(scalars(back) == scalars(units.map { Self.expected($0, source: source) }), "seed \(seed): scalars")
        let validation = try TMXTest.validate(text)
        #expect(validation.status == 0, "seed \(seed): xmllint: \(validation.messages.prefix(2000))")
        #expect(reader.unitsRead == units.count)
        // The generator does produce what the test is about.
        let variants = units.flatMap(\.variants)
        #expect(variants.contains { $0.markup != nil }, "some markup")
        #expect(variants.contains { $0.markup == nil && $0.text.unicodeScalars.contains { !XMLEscaping.isAllowed($0) } }, "control characters in plain text")
        #expect(variants.contains { $0.markup != nil && $0.text.unicodeScalars.contains { !XMLEscaping.isAllowed($0) } }, "control characters beside markup")
        #expect(variants.contains { $0.text.contains("\r") } && variants.contains { $0.text.contains("👩‍👩‍👧") } && variants.contains { $0.text.unicodeScalars.contains("\u{200F}") })
    }
}
