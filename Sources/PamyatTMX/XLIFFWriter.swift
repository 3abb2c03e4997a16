import PamyatCore

/// A document to write as XLIFF 1.2: the original's sentences grouped by paragraph, each with the
/// translation proposed for it and the matches it came from.
public struct XLIFFDocument: Hashable, Sendable {
    /// One sentence (`trans-unit`).
    public struct Unit: Hashable, Sendable {
        /// How the proposed translation was found (`state` and `state-qualifier` of its `target`).
        public enum Proposal: Hashable, Sendable {
            /// A stored translation of the same sentence (`translated`, `exact-match`).
            case exact
            /// A stored translation of a similar sentence, to be reviewed (`needs-review-translation`, `fuzzy-match`).
            case fuzzy
            /// The source copied as a placeholder (`needs-translation`).
            case sourceCopy
        }

        /// A stored match (`alt-trans`).
        public struct Alternative: Hashable, Sendable {
            public var source: String
            public var target: String
            /// The match's score, 0–101 (`match-quality`).
            public var quality: Int
            /// Where it comes from, e.g. `default/press-release` (`origin`).
            public var origin: String

            public init(source: String, target: String, quality: Int, origin: String) {
                self.source = source
                self.target = target
                self.quality = quality
                self.origin = origin
            }
        }

        public var source: String
        /// The proposed translation, or nil (no `target` element).
        public var target: String?
        public var proposal: Proposal
        public var alternatives: [Alternative]

        public init(source: String, target: String?, proposal: Proposal, alternatives: [Alternative] = []) {
            self.source = source
            self.target = target
            self.proposal = proposal
            self.alternatives = alternatives
        }
    }

    /// The original's name (`original` of the `file` element).
    public var original: String
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// Sentences, paragraph by paragraph (a `group` per paragraph).
    public var paragraphs: [[Unit]]

    public init(original: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag, paragraphs: [[Unit]]) {
        self.original = original
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.paragraphs = paragraphs
    }
}

/// Writes an ``XLIFFDocument`` as XLIFF 1.2 (OASIS, `urn:oasis:names:tc:xliff:document:1.2`), the
/// version OmegaT (through Okapi), memoQ, Trados, Virtaal and translate-toolkit read.
///
/// One `file` with `datatype="plaintext"`; each paragraph a `group` (`restype="x-paragraph"`, ids
/// `p1`, `p2` …), so the document's paragraphs can be rebuilt from the units in order; each sentence a
/// `trans-unit` (ids `1`, `2` … in document order) with `source`, `target` when there is a proposal,
/// and an `alt-trans` per stored match with its `match-quality` and `origin`. Characters XML forbids
/// are dropped.
public enum XLIFFWriter {
    /// The namespace of XLIFF 1.2.
    public static let namespace = "urn:oasis:names:tc:xliff:document:1.2"

    /// The XLIFF 1.2 text of `document`, written by pamyat `version`.
    public static func xliff12(_ document: XLIFFDocument, toolVersion version: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<xliff version=\"1.2\" xmlns=\"\(namespace)\">\n"
        out += "  <file original=\"\(attribute(document.original))\" source-language=\"\(document.sourceLanguage)\""
        out += " target-language=\"\(document.targetLanguage)\" datatype=\"plaintext\" tool-id=\"pamyat\">\n"
        out += "    <header>\n      <tool tool-id=\"pamyat\" tool-name=\"pamyat\" tool-version=\"\(attribute(version))\"/>\n    </header>\n"
        out += "    <body>\n"
        var number = 0
        for (index, paragraph) in document.paragraphs.enumerated() {
            out += "      <group id=\"p\(index + 1)\" restype=\"x-paragraph\">\n"
            for unit in paragraph {
                number += 1
                out += "        <trans-unit id=\"\(number)\">\n"
                out += "          <source>\(content(unit.source))</source>\n"
                if let target = unit.target {
                    switch unit.proposal {
                    case .exact: out += "          <target state=\"translated\" state-qualifier=\"exact-match\">"
                    case .fuzzy: out += "          <target state=\"needs-review-translation\" state-qualifier=\"fuzzy-match\">"
                    case .sourceCopy: out += "          <target state=\"needs-translation\">"
                    }
                    out += "\(content(target))</target>\n"
                }
                for alternative in unit.alternatives {
                    out += "          <alt-trans match-quality=\"\(alternative.quality)\" origin=\"\(attribute(alternative.origin))\">\n"
                    out += "            <source>\(content(alternative.source))</source>\n"
                    out += "            <target>\(content(alternative.target))</target>\n"
                    out += "          </alt-trans>\n"
                }
                out += "        </trans-unit>\n"
            }
            out += "      </group>\n"
        }
        out += "    </body>\n  </file>\n</xliff>\n"
        return out
    }

    /// The namespaces of XLIFF 2.x and of its Translation Candidates module.
    public static let namespace2 = "urn:oasis:names:tc:xliff:document:2.0"
    public static let matchesNamespace = "urn:oasis:names:tc:xliff:matches:2.0"

    /// The XLIFF 2.1 text of `document`: a `unit` per sentence (ids `u1`, `u2` …, one `segment`
    /// `s1` each) in a `group` per paragraph; an exact proposal is a target with
    /// `state="translated"`, a fuzzy one or a copied source a target with `state="initial"`; the
    /// stored matches are `mtc:match`es (Translation Candidates module) with `matchQuality` (101 is
    /// written 100 with `type="icm"`, an in-context match; the others `type="tm"`) and `origin`.
    public static func xliff21(_ document: XLIFFDocument, toolVersion version: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<xliff version=\"2.1\" xmlns=\"\(namespace2)\" xmlns:mtc=\"\(matchesNamespace)\""
        out += " srcLang=\"\(document.sourceLanguage)\" trgLang=\"\(document.targetLanguage)\">\n"
        out += "  <file id=\"f1\" original=\"\(attribute(document.original))\">\n"
        out += "    <notes>\n      <note category=\"tool\">pamyat \(content(version))</note>\n    </notes>\n"
        var number = 0
        for (index, paragraph) in document.paragraphs.enumerated() {
            out += "    <group id=\"p\(index + 1)\" type=\"x:paragraph\">\n"
            for unit in paragraph {
                number += 1
                out += "      <unit id=\"u\(number)\">\n"
                if !unit.alternatives.isEmpty {
                    out += "        <mtc:matches>\n"
                    for (k, alternative) in unit.alternatives.enumerated() {
                        let quality = min(100, alternative.quality)
                        out += "          <mtc:match id=\"m\(k + 1)\" ref=\"#s1\" type=\"\(alternative.quality > 100 ? "icm" : "tm")\""
                        out += " matchQuality=\"\(quality).0\" origin=\"\(attribute(alternative.origin))\">\n"
                        out += "            <source>\(content(alternative.source))</source>\n"
                        out += "            <target>\(content(alternative.target))</target>\n"
                        out += "          </mtc:match>\n"
                    }
                    out += "        </mtc:matches>\n"
                }
                let state = unit.target != nil && unit.proposal == .exact ? "translated" : "initial"
                out += "        <segment id=\"s1\" state=\"\(state)\">\n"
                out += "          <source>\(content(unit.source))</source>\n"
                if let target = unit.target { out += "          <target>\(content(target))</target>\n" }
                out += "        </segment>\n      </unit>\n"
            }
            out += "    </group>\n"
        }
        out += "  </file>\n</xliff>\n"
        return out
    }

    private static func content(_ text: String) -> String { XMLEscaping.escaped(text, context: .content) }
    private static func attribute(_ text: String) -> String { XMLEscaping.escaped(text, context: .attribute) }
}
