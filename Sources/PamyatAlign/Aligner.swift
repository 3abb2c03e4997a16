import PamyatCore

/// Aligns a document with its translation: paragraphs first, then sentences inside aligned
/// paragraph groups, by dynamic programming over a Gale–Church length model plus lexical anchors
/// (numbers, transliterated names, acronyms, quotes and question marks, the built-in lexicon and an
/// optional lexicon learned from a memory). See docs/ALIGNMENT.md.
///
/// A value type that is safe to share; each call to ``align(source:target:)`` builds its own ICU
/// transliterators.
public struct Aligner: Sendable {
    public let languages: LanguagePair
    public var configuration: AlignerConfiguration
    /// The built-in lexicon for the pair, when pamyat ships one.
    public let lexicon: Lexicon?
    /// A lexicon learned from a memory's confident pairs.
    public var learned: LearnedLexicon?

    /// An aligner for `languages` (source = the original's language) with the default configuration.
    public init(languages: LanguagePair, learned: LearnedLexicon? = nil, configuration: AlignerConfiguration? = nil) throws(AlignError) {
        self.languages = languages
        let configuration = configuration ?? AlignerConfiguration(languages: languages)
        self.configuration = configuration
        lexicon = configuration.usesBuiltInLexicon ? try Lexicon.builtIn(for: languages) : nil
        self.learned = learned
    }

    /// Aligns `source` with `target`, each given as paragraphs of sentences.
    ///
    /// When the document's confident 1-1 beads show a length ratio more than 6% away from the
    /// calibrated one (a wordier translator, a language pair without measured figures), the ratio
    /// is re-estimated from those beads and the document aligned again with it.
    public func align(source: [[String]], target: [[String]]) throws(AlignError) -> Alignment {
        let first = try alignOnce(source: source, target: target, model: configuration.lengthModel)
        guard let ratio = Self.observedRatio(first), abs(ratio / configuration.lengthModel.ratio - 1) > 0.06 else { return first }
        var model = configuration.lengthModel
        model.ratio = ratio
        return try alignOnce(source: source, target: target, model: model)
    }

    /// Σ target / Σ source characters over confident 1-1 beads, when there are at least 20.
    static func observedRatio(_ alignment: Alignment) -> Double? {
        let sure = alignment.beads.filter { $0.source.count == 1 && $0.target.count == 1 && $0.confidence >= 0.9 }
        guard sure.count >= 20 else { return nil }
        let source = sure.reduce(0) { $0 + alignment.sourceSentences[$1.source.lowerBound].unicodeScalars.count }
        let target = sure.reduce(0) { $0 + alignment.targetSentences[$1.target.lowerBound].unicodeScalars.count }
        return source > 0 ? Double(target) / Double(source) : nil
    }

    private func alignOnce(source: [[String]], target: [[String]], model: LengthModel) throws(AlignError) -> Alignment {
        let interner = KeyInterner()
        let sameScript = Self.isCyrillic(languages.source) == Self.isCyrillic(languages.target)
        let sourceExtractor = try AnchorExtractor(
            language: languages.source, isSource: true, lexicon: lexicon, learned: learned,
            weights: configuration.anchorWeights, interner: interner, cognates: sameScript)
        let targetExtractor = try AnchorExtractor(
            language: languages.target, isSource: false, lexicon: lexicon, learned: learned,
            weights: configuration.anchorWeights, interner: interner, cognates: sameScript)
        let sourceSide = Side(paragraphs: source, extractor: sourceExtractor)
        let targetSide = Side(paragraphs: target, extractor: targetExtractor)
        var alignment = Alignment(
            languages: languages, sourceSentences: sourceSide.sentences, targetSentences: targetSide.sentences,
            sourceParagraphs: sourceSide.paragraphOf, targetParagraphs: targetSide.paragraphOf, beads: [],
            paragraphBeads: [], mode: .sentences)
        let keyCount = interner.count
        if usesParagraphs(sourceSide, targetSide) {
            alignment.mode = .paragraphs
            let paragraphBeads = alignParagraphs(sourceSide, targetSide, keyCount: keyCount, model: model)
            alignment.paragraphBeads = paragraphBeads
            for group in sentenceGroups(paragraphBeads, sourceSide, targetSide) {
                alignment.beads += alignSentences(sourceSide, group.source, targetSide, group.target, keyCount: keyCount, scale: group.confidence, usesBoundaries: true, model: model)
            }
        } else {
            alignment.beads = alignSentences(
                sourceSide, 0..<sourceSide.sentences.count, targetSide, 0..<targetSide.sentences.count, keyCount: keyCount, scale: 1,
                usesBoundaries: sourceSide.paragraphRanges.count >= 2 && targetSide.paragraphRanges.count >= 2, model: model)
        }
        calibrate(&alignment.beads, sourceSide, targetSide, keyCount: keyCount, model: model)
        return alignment
    }

    /// Replaces each pair's posterior by its calibrated confidence (``ConfidenceCalibration``),
    /// keeping the evidence it was computed from.
    private func calibrate(_ beads: inout [Bead], _ source: Side, _ target: Side, keyCount: Int, model: LengthModel) {
        var matcher = AnchorMatcher(keyCount: keyCount)
        for index in beads.indices where !beads[index].isOmission {
            let bead = beads[index]
            let i = bead.source.lowerBound, j = bead.target.lowerBound
            let (matched, missing) = matcher.compare(source.table, i, bead.source.count, target.table, j, bead.target.count)
            let sourceLength = source.table.length(i, bead.source.count)
            let targetLength = target.table.length(j, bead.target.count)
            let beside = (index > 0 && beads[index - 1].isOmission) || (index + 1 < beads.count && beads[index + 1].isOmission)
            let evidence = BeadEvidence(
                posterior: bead.confidence, length: model.evidence(source: sourceLength, target: targetLength),
                matched: matched, missing: missing, besideOmission: beside,
                isMerge: bead.source.count > 1 || bead.target.count > 1, characters: Int(sourceLength + targetLength))
            beads[index].evidence = evidence
            beads[index].confidence = configuration.calibration.confidence(evidence)
        }
    }

    // MARK: Levels

    /// One side of the document: its sentences, where each paragraph's sentences are, features.
    struct Side {
        var sentences: [String] = []
        var paragraphOf: [Int] = []
        var paragraphRanges: [Range<Int>] = []
        var table: UnitTable

        init(paragraphs: [[String]], extractor: AnchorExtractor) {
            var lengths: [Double] = []
            var anchors: [[Anchor]] = []
            var starts: [Bool] = []
            for paragraph in paragraphs where !paragraph.isEmpty {
                let start = sentences.count
                for sentence in paragraph {
                    starts.append(sentences.count == start)
                    sentences.append(sentence)
                    paragraphOf.append(paragraphRanges.count)
                    lengths.append(Double(sentence.unicodeScalars.count))
                    anchors.append(extractor.anchors(of: sentence))
                }
                paragraphRanges.append(start..<sentences.count)
            }
            table = UnitTable(lengths: lengths, anchors: anchors, startsParagraph: starts)
        }
    }

    /// Paragraph alignment pays when both sides have paragraphs of comparable size.
    private func usesParagraphs(_ source: Side, _ target: Side) -> Bool {
        let s = source.paragraphRanges.count, t = target.paragraphRanges.count
        guard s >= 2, t >= 2 else { return false }
        let ratio = Double(s) / Double(t)
        return ratio >= 0.4 && ratio <= 2.5
    }

    private func alignParagraphs(_ source: Side, _ target: Side, keyCount: Int, model: LengthModel) -> [Bead] {
        let sourceTable = source.table.grouped(source.paragraphRanges)
        let targetTable = target.table.grouped(target.paragraphRanges)
        var scorer = EvidenceScorer(
            source: sourceTable, target: targetTable, model: model,
            lexicalScale: configuration.lexicalScale, mergeSupport: configuration.mergeSupport,
            unsupportedParagraphMerge: configuration.unsupportedParagraphMerge, keyCount: keyCount)
        let steps = BandedDP.align(
            sourceCount: sourceTable.count, targetCount: targetTable.count,
            shapes: configuration.paragraphPriors.shapes(twoTwo: false, threeOne: true), scorer: &scorer,
            fullMatrixCells: configuration.fullMatrixCells, initialBand: configuration.initialBand,
            maximumCells: configuration.maximumBandCells, temperature: configuration.confidenceTemperature)
        var beads: [Bead] = []
        for (step, posterior) in steps {
            if step.shape.isOmission {
                for k in 0..<max(step.shape.source, step.shape.target) {
                    let source = step.shape.source > 0 ? (step.source + k)..<(step.source + k + 1) : step.source..<step.source
                    let target = step.shape.target > 0 ? (step.target + k)..<(step.target + k + 1) : step.target..<step.target
                    beads.append(Bead(source: source, target: target, confidence: posterior))
                }
            } else {
                beads.append(Bead(source: step.sourceRange, target: step.targetRange, confidence: posterior))
            }
        }
        return beads
    }

    /// A run of sentences on each side to align together.
    struct Group {
        var source: Range<Int>
        var target: Range<Int>
        var confidence: Double
    }

    /// Sentence groups from paragraph beads: each confident paragraph bead is a group; runs of
    /// uncertain beads are joined with their neighbours into one group, so that the sentence level
    /// can undo a doubtful paragraph decision.
    private func sentenceGroups(_ beads: [Bead], _ source: Side, _ target: Side) -> [Group] {
        let sure = 0.9
        var groups: [Group] = []
        var current: Group?
        var currentIsSure = true
        func range(_ paragraphs: Range<Int>, in side: Side, from start: Int) -> Range<Int> {
            guard let first = paragraphs.first, let last = paragraphs.last else { return start..<start }
            return side.paragraphRanges[first].lowerBound..<side.paragraphRanges[last].upperBound
        }
        var sourceNext = 0, targetNext = 0
        for bead in beads {
            let s = range(bead.source, in: source, from: sourceNext)
            let t = range(bead.target, in: target, from: targetNext)
            sourceNext = s.upperBound
            targetNext = t.upperBound
            let isSure = bead.confidence >= sure
            if var open = current, !(isSure && currentIsSure) {
                open.source = open.source.lowerBound..<s.upperBound
                open.target = open.target.lowerBound..<t.upperBound
                open.confidence = 1
                current = open
                currentIsSure = isSure
                continue
            }
            if let open = current { groups.append(open) }
            current = Group(source: s, target: t, confidence: bead.confidence)
            currentIsSure = isSure
        }
        if let open = current { groups.append(open) }
        return groups
    }

    private func alignSentences(
        _ source: Side, _ sourceRange: Range<Int>, _ target: Side, _ targetRange: Range<Int>, keyCount: Int, scale: Double,
        usesBoundaries: Bool, model: LengthModel
    ) -> [Bead] {
        var scorer = EvidenceScorer(
            source: source.table.slice(sourceRange), target: target.table.slice(targetRange),
            model: model, lexicalScale: configuration.lexicalScale,
            boundaryPenalty: usesBoundaries ? configuration.paragraphBoundaryPenalty : 0,
            oneSidedBoundaryPenalty: usesBoundaries ? configuration.oneSidedBoundaryPenalty : 0,
            mergeSupport: configuration.mergeSupport,
            unsupportedParagraphMerge: usesBoundaries ? configuration.unsupportedParagraphMerge : 0, keyCount: keyCount)
        let steps = BandedDP.align(
            sourceCount: sourceRange.count, targetCount: targetRange.count,
            shapes: configuration.sentencePriors.shapes(twoTwo: true, threeOne: true), scorer: &scorer,
            fullMatrixCells: configuration.fullMatrixCells, initialBand: configuration.initialBand,
            maximumCells: configuration.maximumBandCells, temperature: configuration.confidenceTemperature)
        var beads: [Bead] = []
        for (step, posterior) in steps {
            let s = step.source + sourceRange.lowerBound, t = step.target + targetRange.lowerBound
            if step.shape.isOmission {
                // A run of omissions is reported sentence by sentence (1-0, 0-1 beads).
                for k in 0..<max(step.shape.source, step.shape.target) {
                    let source = step.shape.source > 0 ? (s + k)..<(s + k + 1) : s..<s
                    let target = step.shape.target > 0 ? (t + k)..<(t + k + 1) : t..<t
                    beads.append(Bead(source: source, target: target, confidence: posterior * scale))
                }
            } else if step.shape.crossed {
                beads.append(Bead(source: s..<(s + 1), target: (t + 1)..<(t + 2), confidence: posterior * scale))
                beads.append(Bead(source: (s + 1)..<(s + 2), target: t..<(t + 1), confidence: posterior * scale))
            } else {
                beads.append(Bead(source: s..<(s + step.shape.source), target: t..<(t + step.shape.target), confidence: posterior * scale))
            }
        }
        return beads
    }

    private static func isCyrillic(_ language: LanguageTag) -> Bool {
        ["ru", "be", "uk", "kk", "bg", "sr", "mk", "ky", "tg", "mn", "tt", "ba"].contains(language.language)
    }
}
