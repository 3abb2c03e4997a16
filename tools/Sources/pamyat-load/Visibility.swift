import Foundation
import PamyatServer

/// `--visibility N --other-port P`: how long a unit added through one node takes to be found
/// through another (two `pamyat serve` on one PostgreSQL memory). N times, one after another: ADD
/// a new sentence pair through `--port`, then LOOKUP its source through `--other-port`, again and
/// again, until the answer holds it; the delay is from the ADD's answer (the unit acknowledged)
/// to the first LOOKUP answer that holds it. Prints p50, p90, p99 and the maximum.
func runVisibility(adds: Int, otherPort: Int) throws {
    let first = try authLine().map { String($0.dropLast()) } ?? "PING"
    let writer = try LineClient(host: options.host, port: options.port)
    let reader = try LineClient(host: options.host, port: otherPort)
    _ = try writer.request(first)
    _ = try reader.request(first)
    let run = String(UInt32(truncatingIfNeeded: Date().timeIntervalSince1970.bitPattern), radix: 36)
    print("pamyat-load: \(adds) ADDs through port \(options.port), each looked up through port \(otherPort) until found")
    var delays = LatencyHistogram()
    var lookups = 0
    for index in 0..<adds {
        let source = "Проверка видимости \(run) номер \(index) на другом узле."
        let added = try writer.request("ADD ru en \(RequestMaker.quoted(source)) \(RequestMaker.quoted("Visibility check \(run) number \(index) on the other node."))")
        guard added.contains(#""ok":true"#) else { throw LoadError("ADD answered \(added)") }
        let acknowledged = DispatchTime.now()
        while true {
            let answer = try reader.request("LOOKUP ru en \(RequestMaker.quoted(source)) min=100 limit=1")
            lookups += 1
            if answer.contains(#""score":100"#) { break }
            guard answer.contains(#""ok":true"#) || answer.contains("not-found") else { throw LoadError("LOOKUP answered \(answer)") }
            if DispatchTime.now().uptimeNanoseconds - acknowledged.uptimeNanoseconds > 10_000_000_000 {
                throw LoadError("unit \(index) was not found through port \(otherPort) within 10 s")
            }
        }
        delays.record(microseconds: Int((DispatchTime.now().uptimeNanoseconds - acknowledged.uptimeNanoseconds) / 1000))
    }
    func ms(_ microseconds: Int) -> String { String(format: "%.2f ms", Double(microseconds) / 1000) }
    print("visible    \(delays.count) units: p50 \(ms(delays.percentile(0.50)))  p90 \(ms(delays.percentile(0.90)))  p99 \(ms(delays.percentile(0.99)))  max \(ms(delays.maximum)) after the ADD's answer (\(lookups) LOOKUPs; load average \(loadAverage()))")
}
