import Foundation
import PamyatCore
import PamyatStore
import Testing

/// A memory file reads a lookup's few units through its own SQLite connections (UnitReader), many
/// units through GRDB: both must give the same units.
@Suite struct UnitReaderTests {
    @Test func aFewUnitsReadTheSameAsManyFromAFile() throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteMemoryStore(path: folder.path("m.sqlite"))
        var units: [TranslationUnit] = []
        for index in 0..<40 {
            var unit = pair("Предложение \(index) «с кавычками» & <тегами>.", "Sentence \(index).", document: index % 3 == 0 ? nil : "d\(index)")
            if index % 2 == 0 {
                unit.provenance.position = "\(index)-\(index + 1)"
                unit.provenance.confidence = Double(index) / 40
                unit.provenance.documentTitle = "Заголовок \(index)"
                unit.provenance.documentDate = "2024-02-\(10 + index % 18)"
                unit.provenance.contextPrevious = "До \(index)."
                unit.provenance.contextNext = "После \(index)."
                unit.properties = [Property(type: "x-client", value: "press office \(index)")]
                unit.notes = [Note(text: "checked", language: "en")]
                unit.variants[1].markup = "<ph x=\"1\"/>Sentence \(index)."
                unit.variants[1].properties = [Property(type: "x-reviewed", value: "yes")]
                unit.createdBy = "anna"
                unit.changedBy = "boris"
                unit.externalID = "tu-\(index)"
            }
            if index % 5 == 0 { unit.variants.append(Variant(language: be, text: "Сказ \(index).")) }
            units.append(unit)
        }
        let ids = try store.write { session in try units.map { try session.store($0, onDuplicate: .keepExisting).unitID } }
        let many = try store.units(ids: ids.reversed() + [999_999])
        #expect(many.count == 40, "over 16 ids: GRDB's path")
        let byID = Dictionary(uniqueKeysWithValues: many.map { ($0.id!, $0) })
        for (position, id) in ids.enumerated() {
            let one = try #require(try store.unit(id: id), "unit \(id)")
            #expect(one == byID[id], "unit \(id) reads the same alone")
            var expected = units[position]
            expected.id = id
            #expect(one.variants == expected.variants && one.provenance == expected.provenance && one.properties == expected.properties
                    && one.notes == expected.notes && one.externalID == expected.externalID && one.createdBy == expected.createdBy)
        }
        let few = try store.units(ids: [ids[7], 999_999, ids[2], ids[7]])
        #expect(few.map(\.id) == [ids[7], ids[2], ids[7]], "the order given, missing ids skipped")
    }
}
