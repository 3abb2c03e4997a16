import CoreMetrics
import Prometheus

/// The metrics of one `pamyat serve` process in Prometheus' text format (`GET /metrics`): what
/// swift-metrics records through ``factory`` (HTTP requests per route, line-protocol requests per
/// verb) and the memories' gauges, refreshed when scraped.
public final class HTTPMetrics: Sendable {
    /// The Prometheus registry the metrics are kept in.
    public let registry: PrometheusCollectorRegistry
    /// The swift-metrics factory to make metrics with (pass it to the line server's configuration).
    public let factory: any MetricsFactory

    /// Latency buckets from 0.1 ms (a lookup on the index) to 10 s (an import).
    static let buckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .seconds(2), .seconds(5), .seconds(10),
    ]

    /// Metrics in a registry of their own (not swift-metrics' global one).
    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = Self.buckets
        self.factory = factory
    }

    /// The text exposition format of every metric.
    func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
