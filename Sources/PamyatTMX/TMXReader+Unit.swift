import Foundation
import PamyatCore

extension TMXReader {
    /// Reads a `tu` (the reader is on its start tag) into a unit; `nil` when every `tuv` it has was
    /// blank (skipped, see ``TMXReader/blankVariantsSkipped``).
    func readUnit() throws(TMXError) -> TranslationUnit? {
        let start = position
        let line = start.line
        var attributes: [String: String] = [:]
        var tuid: String?, created: Date?, changed: Date?, createdBy: String?, changedBy: String?
        var source: LanguageTag?
        for (name, value) in xml.attributes() {
            switch name {
            case "tuid": tuid = value
            case "creationdate": created = try date(value, attribute: name)
            case "changedate": changed = try date(value, attribute: name)
            case "creationid": createdBy = value
            case "changeid": changedBy = value
            case "srclang": if value.lowercased() != "*all*" { source = try language(value) }
            case "segtype" where !TMXVocabulary.segmentTypes.contains(value):
                problem(line: line, "segtype=\"\(quote(value))\" is not one of block, paragraph, sentence, phrase; ignored.")
            default:
                if TMXVocabulary.unitAttributes.contains(name) {
                    attributes[name] = value
                } else {
                    problem(line: line, "the attribute \(quote(name)) is not a TMX <tu> attribute; ignored.")
                }
            }
        }
        var unit = TranslationUnit(
            sourceLanguage: LanguageTag(canonical: "und"), variants: [], origin: .imported, externalID: tuid,
            createdAt: created ?? changed ?? header.creationDate ?? fallbackDate,
            changedAt: changed ?? created ?? header.creationDate ?? fallbackDate, createdBy: createdBy, changedBy: changedBy,
            attributes: attributes)
        var originSet = false
        var variantsRead = 0
        loop: while try xml.read() {
            switch xml.kind {
            case .element:
                switch xml.name {
                case "tuv":
                    let at = position
                    let variant = try readVariant()
                    variantsRead += 1
                    // The rule ADD applies (``Variant/isBlank(_:)``): a blank segment is not stored.
                    // Skipped with a counted warning, not refused: CAT tools export untranslated
                    // units with an empty target <seg/>, and the rest of the unit is good.
                    if Variant.isBlank(variant.text) {
                        blankVariantsSkipped += 1
                        problem(line: at.line, "the <tuv xml:lang=\"\(quote(variant.language.identifier))\"> (column \(at.column)) has an empty or white-space-only <seg>; skipped, as pamyat stores no blank segment.")
                    } else {
                        unit.variants.append(variant)
                    }
                    if variantsRead > limits.maximumVariantsPerUnit {
                        throw error(.tooLarge, "a <tu> with more than \(limits.maximumVariantsPerUnit) <tuv>s.", at: start)
                    }
                case "prop":
                    let at = position
                    let property = try readProperty()
                    if property.type == ProvenanceProperty.documentDate, property.language == nil, property.encoding == nil,
                        CalendarDate(iso: property.value) == nil
                    {
                        throw error(.date, "<prop type=\"\(ProvenanceProperty.documentDate)\">\(quote(property.value))</prop> is not a day that exists, written YYYY-MM-DD (e.g. 2024-01-31).", at: at)
                    }
                    if !ProvenanceProperty.apply(property, to: &unit, originSet: &originSet) {
                        unit.properties.append(property)
                    }
                case "note":
                    unit.notes.append(try readNote())
                default:
                    throw error(.forbiddenContent, "<\(quote(xml.name))> is not allowed in <tu>; only <note>, <prop> and <tuv> are.")
                }
                if unit.properties.count + unit.notes.count > limits.maximumFieldsPerElement {
                    throw error(.tooLarge, "a <tu> with more than \(limits.maximumFieldsPerElement) props and notes.", at: start)
                }
            case .endElement:
                break loop
            case .text, .none:
                try skipIgnorable(in: "tu")
            }
        }
        guard xml.kind == .endElement else { throw truncated() }
        guard variantsRead > 0 else {
            throw error(.notTMX, "a <tu> with no <tuv>; every unit needs at least one variant.", at: start)
        }
        guard let first = unit.variants.first else {
            blankUnitsSkipped += 1
            problem(line: line, "a <tu> whose every <seg> is empty or white space only; skipped.")
            return nil
        }
        if let source {
            unit.sourceLanguage = source
        } else if case .language(let tag) = header.sourceLanguage {
            unit.sourceLanguage = tag
        } else {
            unit.sourceLanguage = first.language
        }
        if !unit.variants.contains(where: { $0.language == unit.sourceLanguage }) {
            problem(line: line, "no <tuv> in the source language \(quote(unit.sourceLanguage.identifier)); the unit is kept with that source language.")
        }
        if unit.variants.count == 1 {
            problem(line: line, "a <tu> with one <tuv> only (no translation); kept.")
        }
        return unit
    }

    /// Reads a `tuv` (the reader is on its start tag).
    private func readVariant() throws(TMXError) -> Variant {
        let start = position
        let line = start.line
        var tag: String?
        var attributes: [String: String] = [:]
        for (name, value) in xml.attributes() {
            switch name {
            case "xml:lang": tag = value
            case "lang": if tag == nil { tag = value }
            default:
                if TMXVocabulary.variantAttributes.contains(name) {
                    attributes[name] = value
                } else {
                    problem(line: line, "the attribute \(quote(name)) is not a TMX <tuv> attribute; ignored.")
                }
            }
        }
        guard let tag else {
            throw error(.language, "a <tuv> without xml:lang; every variant must say its language.", at: start)
        }
        var variant = Variant(language: try language(tag), text: "", attributes: attributes)
        var sawSegment = false
        while try xml.read() {
            switch xml.kind {
            case .element:
                switch xml.name {
                case "seg":
                    if sawSegment { throw error(.forbiddenContent, "a <tuv> with two <seg>s; it may have one.") }
                    sawSegment = true
                    let segment = try readSegment()
                    variant.text = segment.text
                    variant.markup = segment.markup
                case "prop" where !sawSegment: variant.properties.append(try readProperty())
                case "note" where !sawSegment: variant.notes.append(try readNote())
                default:
                    throw error(.forbiddenContent, "<\(quote(xml.name))> is not allowed here in <tuv>; it holds <note>s and <prop>s, then one <seg>.")
                }
                if variant.properties.count + variant.notes.count > limits.maximumFieldsPerElement {
                    throw error(.tooLarge, "a <tuv> with more than \(limits.maximumFieldsPerElement) props and notes.", at: start)
                }
            case .endElement:
                guard sawSegment else { throw error(.notTMX, "a <tuv> without <seg>.", at: start) }
                return variant
            case .text, .none:
                try skipIgnorable(in: "tuv")
            }
        }
        throw truncated()
    }

    /// Reads a `prop` (the reader is on its start tag).
    func readProperty() throws(TMXError) -> Property {
        let start = position
        let line = start.line
        var type: String?, language: String?, encoding: String?
        for (name, value) in xml.attributes() {
            switch name {
            case "type": type = value
            case "xml:lang": language = value
            case "lang": if language == nil { language = value }
            case "o-encoding": encoding = value
            default: problem(line: line, "the attribute \(quote(name)) is not a TMX <prop> attribute; ignored.")
            }
        }
        guard let type else { throw error(.forbiddenContent, "a <prop> without type; TMX requires one.", at: start) }
        return Property(type: type, value: try readText(of: "prop"), language: language, encoding: encoding)
    }

    /// Reads a `note` (the reader is on its start tag).
    func readNote() throws(TMXError) -> Note {
        let line = xml.line
        var language: String?, encoding: String?
        for (name, value) in xml.attributes() {
            switch name {
            case "xml:lang": language = value
            case "lang": if language == nil { language = value }
            case "o-encoding": encoding = value
            default: problem(line: line, "the attribute \(quote(name)) is not a TMX <note> attribute; ignored.")
            }
        }
        return Note(text: try readText(of: "note"), language: language, encoding: encoding)
    }

    /// The text content of a text-only element (`prop`, `note`), up to its end tag.
    private func readText(of element: String) throws(TMXError) -> String {
        var text = ""
        while try xml.read() {
            switch xml.kind {
            case .text:
                text += xml.value
                if text.utf8.count > limits.maximumFieldBytes {
                    throw error(.tooLarge, "a <\(element)> longer than \(limits.maximumFieldBytes) bytes.")
                }
            case .endElement: return text
            case .element: throw error(.forbiddenContent, "<\(quote(xml.name))> is not allowed in <\(element)>; it holds text only.")
            case .none: continue
            }
        }
        throw truncated()
    }
}
