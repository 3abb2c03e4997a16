import PamyatServer
import Prometheus
import PamyatService

extension HTTPMetrics {
    /// Descriptors as computed properties: `MetricNameDescriptor` is not `Sendable`.
    static var indexUnits: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "pamyat", subsystem: "index", metricName: "units", unitName: "", helpText: "Units in the memory's fuzzy index.")
    }
    static var indexBehind: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "pamyat", subsystem: "index", metricName: "behind", unitName: "", helpText: "Store changes the index has not applied yet (catch-up lag).")
    }
    static var indexCatchingUp: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "pamyat", subsystem: "index", metricName: "catching_up", unitName: "", helpText: "1 while a background catch-up runs.")
    }

    /// Sets the memories' gauges to what they are now: `pamyat_index_units{memory}` (units in the
    /// fuzzy index), `pamyat_index_behind{memory}` (store changes the index has not applied yet:
    /// the catch-up lag) and `pamyat_index_catching_up{memory}` (1 while a background catch-up runs).
    func refreshGauges(memories: ServedMemories) throws {
        let service = memories.backend.service
        let lag = try service.indexLag()
        for memory in memories.memories {
            let labels = [("memory", memory.name)]
            if let index = try? service.fuzzyIndex(memory: memory.name) {
                registry.makeGauge(descriptor: Self.indexUnits, labels: labels).set(to: Double(index.unitCount))
            }
            let memoryLag = lag[memory.name] ?? IndexLag(behind: 0, catchingUp: false)
            registry.makeGauge(descriptor: Self.indexBehind, labels: labels).set(to: Double(memoryLag.behind))
            registry.makeGauge(descriptor: Self.indexCatchingUp, labels: labels).set(to: memoryLag.catchingUp ? 1 : 0)
        }
    }
}
