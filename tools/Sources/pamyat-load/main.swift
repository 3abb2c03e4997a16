// pamyat-load: drives a running `pamyat serve` over loopback and prints throughput, latency
// percentiles and (with --server-pid) the server's RSS. See LoadOptions.usage, or run with --help.
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PamyatServer

let options: LoadOptions
do {
    options = try LoadOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("pamyat-load: \(error)\n\(LoadOptions.usage)\n".utf8))
    exit(64)
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("pamyat-load: \(message)\n".utf8))
    exit(1)
}

func authLine() throws -> String? {
    guard let path = options.tokenFile else { return nil }
    let token = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    return "AUTH \(RequestMaker.quoted(token))\n"
}

/// Units in the served memories, by STATS over a connection of its own.
func unitCount() throws -> Int {
    let client = try LineClient(host: options.host, port: options.port)
    if let auth = try authLine() { _ = try client.request(String(auth.dropLast())) }
    let answer = try client.request("STATS")
    guard let data = answer.data(using: .utf8),
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any], let units = object["units"] as? Int
    else { throw LoadError("STATS answered \(answer)") }
    return units
}

func runLoad(group: MultiThreadedEventLoopGroup) throws {
    let queries = try loadQueries(options)
    let texts = RequestMaker.Texts(queries)
    let auth = try authLine()
    let mixText = options.mix.map { "\($0.verb)=\($0.weight)" }.joined(separator: ",")
    print("pamyat-load: \(options.connections) connections, depth \(options.depth), mix \(mixText), \(options.duration) s after \(options.warmup) s warm-up, \(options.threads) client thread(s), \(System.coreCount) cores, \(queries.count) query texts")
    let unitsBefore = options.checkAdds ? try unitCount() : 0
    let sampler = options.serverPID.map { RSSSampler(pid: $0, every: options.sampleEvery) }
    let run = String(UInt32(truncatingIfNeeded: Date().timeIntervalSince1970.bitPattern), radix: 36)
    let budget = RequestBudget(options.maxRequests)
    let start = NIODeadline.now()
    let measureFrom = start + .nanoseconds(Int64(options.warmup * 1e9))
    let deadline = measureFrom + .nanoseconds(Int64(options.duration * 1e9))

    // The server's and this process's CPU time over the measured interval, read when it starts.
    let cpuAtStart = NIOLockedValueBox<(server: Double?, client: Double?)>((nil, nil))
    group.next().scheduleTask(deadline: measureFrom) {
        cpuAtStart.withLockedValue { $0 = (options.serverPID.flatMap(cpuSeconds(pid:)), cpuSeconds(pid: getpid())) }
    }
    var reports: [EventLoopFuture<ConnectionReport>] = []
    for connection in 0..<options.connections {
        let loop = group.next()
        let done = loop.makePromise(of: ConnectionReport.self)
        let maker = RequestMaker(mix: options.mix, texts: texts, connection: connection, run: run)
        let depth = options.depth
        let channel = ClientBootstrap(group: loop)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(LoadHandler(
                        maker: maker, depth: depth, measureFrom: measureFrom, deadline: deadline, budget: budget,
                        authLine: auth, done: done))
                }
            }
            .connect(host: options.host, port: options.port)
        channel.whenFailure { done.fail($0) }
        reports.append(done.futureResult)
    }
    var total = ConnectionReport()
    var failedConnections = 0
    for future in reports {
        do { total.merge(try future.wait()) } catch {
            failedConnections += 1
            if total.failure == nil { total.failure = "\(error)" }
        }
    }
    let finished = NIODeadline.now()
    let measured = Double((min(finished, deadline) - measureFrom).nanoseconds) / 1e9
    let rate = Double(total.answered) / max(measured, 0.001)
    func ms(_ microseconds: Int) -> String { String(format: "%.2f ms", Double(microseconds) / 1000) }
    print(String(format: "requests   %d answered in %.1f s: %.0f requests/s (errors %d, failed connections %d)",
                 total.answered, measured, rate, total.errors, failedConnections))
    let h = total.histogram
    print("latency    p50 \(ms(h.percentile(0.50)))  p90 \(ms(h.percentile(0.90)))  p99 \(ms(h.percentile(0.99)))  max \(ms(h.maximum))")
    print("per verb   " + total.perVerb.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    let (serverCPUStart, clientCPUStart) = cpuAtStart.withLockedValue { $0 }
    if let pid = options.serverPID, let startCPU = serverCPUStart, let endCPU = cpuSeconds(pid: pid) {
        let used = endCPU - startCPU
        print(String(format: "server cpu %.1f s in %.1f s (%.2f cores): %.0f requests per server CPU-second",
                     used, measured, used / measured, Double(total.answered) / max(used, 0.001)))
    }
    if let startCPU = clientCPUStart, let endCPU = cpuSeconds(pid: getpid()) {
        print(String(format: "client cpu %.1f s (%.2f cores); load average %@", endCPU - startCPU, (endCPU - startCPU) / measured, loadAverage()))
    }
    for sample in total.errorSamples { print("error      \(sample)") }
    if let failure = total.failure { print("failure    \(failure)") }
    if options.mix.contains(where: { $0.verb == "add" && $0.weight > 0 }) {
        print("adds       \(total.addsAnswered) answered ok, \(total.addsCreated) created")
    }
    if let samples = sampler?.stop(), let last = samples.last {
        let warm = samples.first { $0.seconds >= options.warmup } ?? samples[0]
        let peak = samples.map(\.mebibytes).max() ?? 0
        print(String(format: "server rss %.1f MiB after warm-up (t=%.0f s), %.1f MiB at the end, peak %.1f MiB: growth %+.1f %%",
                     warm.mebibytes, warm.seconds, last.mebibytes, peak, (last.mebibytes - warm.mebibytes) / warm.mebibytes * 100))
        let peakAnonymous = samples.map(\.anonymous).max() ?? 0
        print(String(format: "server anon %.1f MiB after warm-up, %.1f MiB at the end, peak %.1f MiB: growth %+.1f %% (the rest is the memory file's pages mapped in)",
                     warm.anonymous, last.anonymous, peakAnonymous, (last.anonymous - warm.anonymous) / warm.anonymous * 100))
    }
    if options.checkAdds {
        let unitsAfter = try unitCount()
        let verdict = unitsAfter - unitsBefore == total.addsCreated ? "no ADD lost" : "MISMATCH"
        print("units      \(unitsBefore) before, \(unitsAfter) after: +\(unitsAfter - unitsBefore) for \(total.addsCreated) ADDs created: \(verdict)")
    }
}

/// Holds `--idle` connections open for `--duration` seconds, then checks that each still answers PING.
func runIdle(group: MultiThreadedEventLoopGroup) throws {
    print("pamyat-load: holding \(options.idle) idle connections for \(options.duration) s")
    let auth = try authLine()
    let sampler = options.serverPID.map { RSSSampler(pid: $0, every: options.sampleEvery) }
    var probes: [(Channel, ProbeHandler)] = []
    for _ in 0..<options.idle {
        let handler = ProbeHandler()
        let channel = try ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(handler) }
            }
            .connect(host: options.host, port: options.port).wait()
        probes.append((channel, handler))
    }
    func pingAll(_ label: String) throws {
        var answered = 0
        var busy = 0
        let futures = probes.map { channel, handler in
            channel.eventLoop.flatSubmit { handler.ask(channel: channel, lines: (auth.map { [$0] } ?? []) + ["PING\n"]) }
        }
        for future in futures {
            let lines = (try? future.wait()) ?? []
            if lines.last == #"{"ok":true}"# { answered += 1 } else if lines.contains(where: { $0.contains("busy") }) { busy += 1 }
        }
        print("\(label): \(answered) of \(probes.count) connections answered PING, \(busy) busy")
    }
    try pingAll("opened")
    Thread.sleep(forTimeInterval: options.duration)
    try pingAll("after \(options.duration) s idle")
    if let samples = sampler?.stop(), let last = samples.last {
        print(String(format: "server rss %.1f MiB with the connections open", last.mebibytes))
    }
    for (channel, _) in probes { try? channel.close().wait() }
}

let group = MultiThreadedEventLoopGroup(numberOfThreads: options.threads)
do {
    if options.visibility > 0, let other = options.otherPort {
        try runVisibility(adds: options.visibility, otherPort: other)
    } else if options.idle > 0 {
        try runIdle(group: group)
    } else {
        try runLoad(group: group)
    }
} catch {
    fail("\(error)")
}
try? group.syncShutdownGracefully()
