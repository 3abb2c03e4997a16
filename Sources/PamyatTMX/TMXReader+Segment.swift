import PamyatCore

/// A `seg` as pamyat keeps it.
///
/// - ``text``: what a translator reads and what matching compares: the text of the `seg` and of `hi`
///   elements, without the native codes inside `bpt`, `ept`, `ph`, `it`, `ut` and without `sub` flows.
///   pamyat's control-character placeholders (see ``ControlCharacter``) are turned back into the
///   character they stand for.
/// - ``markup``: `nil` when the segment has no inline element (other than control placeholders);
///   otherwise the segment's inner XML in a canonical form: attributes sorted by name, empty
///   elements written `<ph …></ph>`, text escaped as `&amp; &lt; &gt;` and CR as `&#xD;`, attribute
///   values also `&quot;` and tab/LF/CR as references, comments and processing instructions dropped.
///   The writer writes it back unchanged, so markup survives import → store → export.
public struct TMXSegment: Hashable, Sendable {
    public var text: String
    public var markup: String?
}

extension TMXReader {
    /// Reads a `seg` (the reader is on its start tag) up to its end tag.
    func readSegment() throws(TMXError) -> TMXSegment {
        let start = position
        var text = ""
        // Built from the first inline element on: until then the markup is just the escaped text.
        var markup: [UInt8]? = nil
        var stack: [String] = []
        var ordinaryElements = 0
        // An open `ph` that may be a control placeholder: the text it holds so far.
        var placeholder: (content: String, valid: Bool)? = nil

        func checkSize(_ count: Int) throws(TMXError) {
            if count > limits.maximumSegmentBytes {
                throw error(.tooLarge, "a <seg> longer than \(limits.maximumSegmentBytes) bytes; pamyat refuses segments this large (see docs/TMX.md, limits).", at: start)
            }
        }

        while try xml.read() {
            switch xml.kind {
            case .text:
                let value = xml.value
                if stack.isEmpty || stack.allSatisfy({ $0 == "hi" }) { text += value }
                if placeholder != nil { placeholder!.content += value }
                if markup != nil {
                    XMLEscaping.appendDroppingForbidden(value, to: &markup!, context: .content)
                    try checkSize(markup!.count)
                } else {
                    try checkSize(text.utf8.count)
                }
            case .element:
                let name = xml.name
                let parent = stack.last ?? "seg"
                let allowed = TMXVocabulary.codeElements.contains(parent)
                    ? name == "sub"
                    : TMXVocabulary.inlineElements.contains(name)
                guard allowed else {
                    throw error(.forbiddenContent, "<\(quote(name))> is not allowed in <\(parent)> (TMX 1.4b: a <seg> holds text and <bpt>, <ept>, <ph>, <it>, <hi>, <ut>; those hold <sub> only, and <sub> and <hi> hold text and the inline elements).")
                }
                if markup == nil {
                    var start: [UInt8] = []
                    XMLEscaping.appendDroppingForbidden(text, to: &start, context: .content)
                    markup = start
                }
                let attributes = try inlineAttributes(of: name)
                let isPlaceholderCandidate = name == "ph" && attributes.count == 1 && attributes[0].name == "type"
                    && attributes[0].value == ControlCharacter.placeholderType && placeholder == nil
                if isPlaceholderCandidate {
                    placeholder = ("", true)
                } else if placeholder != nil {
                    placeholder!.valid = false
                }
                if !isPlaceholderCandidate { ordinaryElements += 1 }
                markup!.append(UInt8(ascii: "<"))
                markup!.append(contentsOf: name.utf8)
                for (attribute, value) in attributes {
                    markup!.append(UInt8(ascii: " "))
                    markup!.append(contentsOf: attribute.utf8)
                    markup!.append(contentsOf: "=\"".utf8)
                    XMLEscaping.appendDroppingForbidden(value, to: &markup!, context: .attribute)
                    markup!.append(UInt8(ascii: "\""))
                }
                markup!.append(UInt8(ascii: ">"))
                stack.append(name)
                if stack.count > limits.maximumInlineDepth {
                    throw error(.tooLarge, "inline elements nested deeper than \(limits.maximumInlineDepth).", at: start)
                }
                try checkSize(markup!.count)
            case .endElement:
                guard let name = stack.popLast() else {
                    return TMXSegment(text: text, markup: ordinaryElements == 0 ? nil : markup.map { String(decoding: $0, as: UTF8.self) })
                }
                markup!.append(contentsOf: "</\(name)>".utf8)
                if name == "ph", let held = placeholder {
                    placeholder = nil
                    if held.valid, stack.allSatisfy({ $0 == "hi" }), let scalar = ControlCharacter.decode(held.content) {
                        text.unicodeScalars.append(scalar)
                    } else {
                        ordinaryElements += 1
                    }
                }
            case .none:
                continue
            }
        }
        throw truncated()
    }

    /// The attributes of inline element `name`, sorted by name, checked against the DTD: a missing
    /// required attribute is an error; an attribute the DTD does not know is dropped with a warning
    /// (so that what pamyat writes back stays valid).
    private func inlineAttributes(of name: String) throws(TMXError) -> [(name: String, value: String)] {
        let allowed = TMXVocabulary.inlineAttributes[name] ?? []
        var result: [(name: String, value: String)] = []
        for attribute in xml.attributes() {
            if allowed.contains(attribute.name) {
                result.append(attribute)
            } else {
                problem(line: xml.line, "the attribute \(quote(attribute.name)) is not allowed on <\(name)> in TMX 1.4b; dropped.")
            }
        }
        if let required = TMXVocabulary.requiredInlineAttributes[name], !result.contains(where: { $0.name == required }) {
            throw error(.forbiddenContent, "<\(name)> without its required attribute \(required).")
        }
        if name == "it", let position = result.first(where: { $0.name == "pos" })?.value, position != "begin", position != "end" {
            throw error(.forbiddenContent, "<it pos=\"\(quote(position))\">: pos must be begin or end.")
        }
        return result.sorted { $0.name < $1.name }
    }
}
