import CoreMetrics

/// Requests and their latency per protocol verb, through swift-metrics: a counter
/// `PREFIX_requests_total{verb,result}` and a timer `PREFIX_request_duration_seconds{verb}` (a
/// histogram in Prometheus); the prefix is `pamyat_line` for the line protocol's requests and
/// `pamyat_http_verb` for the HTTP API's. Made once per server, so a request only looks its metrics up.
package struct VerbMetrics: Sendable {
    private struct PerVerb: Sendable {
        let ok: Counter
        let failed: Counter
        let duration: Timer
    }

    private let verbs: [String: PerVerb]
    /// Lines that are not a request of a known verb: malformed, too long, not UTF-8, unknown verbs.
    private let other: PerVerb

    /// Metrics made by `factory` (`MetricsSystem.factory` when nil), their names starting with `prefix`.
    package init(factory: (any MetricsFactory)? = nil, prefix: String = "pamyat_line") {
        let factory = factory ?? MetricsSystem.factory
        func make(_ verb: String) -> PerVerb {
            PerVerb(
                ok: Counter(label: "\(prefix)_requests_total", dimensions: [("verb", verb), ("result", "ok")], factory: factory),
                failed: Counter(label: "\(prefix)_requests_total", dimensions: [("verb", verb), ("result", "error")], factory: factory),
                duration: Timer(label: "\(prefix)_request_duration_seconds", dimensions: [("verb", verb)], factory: factory))
        }
        var verbs: [String: PerVerb] = [:]
        for verb in Verb.allCases { verbs[verb.rawValue] = make(verb.rawValue) }
        self.verbs = verbs
        other = make("other")
    }

    /// The verb of a line, uppercased, as far as it can be told without parsing the line (the
    /// first word); nil for a line that is not text.
    static func verb(of line: InboundLine) -> String? {
        guard case .text(let text) = line else { return nil }
        let word = text.utf8.prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
        guard word.count <= 16 else { return nil }
        return String(decoding: word, as: UTF8.self).uppercased()
    }

    func record(verb: String?, ok: Bool, since started: ContinuousClock.Instant) {
        let metrics = verb.flatMap { verbs[$0] } ?? other
        (ok ? metrics.ok : metrics.failed).increment()
        let elapsed = ContinuousClock.now - started
        metrics.duration.recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
    }
}
