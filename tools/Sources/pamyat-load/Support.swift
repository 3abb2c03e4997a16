import Foundation
import LoadQueries
import NIOConcurrencyHelpers
import NIOCore
import PamyatCore
import PamyatStore

/// The requests left for the whole run (`--max-requests`), shared by every connection.
final class RequestBudget: Sendable {
    private let left: NIOLockedValueBox<Int>
    init(_ count: Int) { left = NIOLockedValueBox(count) }
    func take() -> Bool {
        left.withLockedValue { left in
            guard left > 0 else { return false }
            left -= 1
            return true
        }
    }
}

/// Resident set size of a process, from /proc (Linux), in MiB: all of it, and its anonymous part
/// (heap, stacks: what a leak grows) apart from the file pages mapped in (SQLite maps the memory
/// file: pages the lookups touched count as resident until the kernel reclaims them).
func resident(pid: Int32) -> (total: Double, anonymous: Double)? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    func field(_ name: String) -> Double? {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
        return (line.split(separator: " ").compactMap { Double($0) }.first ?? 0) / 1024
    }
    guard let total = field("VmRSS") else { return nil }
    return (total, field("RssAnon") ?? total)
}

/// Samples a process's RSS on a thread of its own until stopped.
final class RSSSampler: Sendable {
    struct Sample: Sendable { var seconds: Double; var mebibytes: Double; var anonymous: Double }
    private let samples = NIOLockedValueBox<[Sample]>([])
    private let stopped = NIOLockedValueBox(false)
    let pid: Int32

    init(pid: Int32, every interval: Double) {
        self.pid = pid
        let start = Date()
        Thread.detachNewThread { [self] in
            while !stopped.withLockedValue({ $0 }) {
                if let rss = resident(pid: pid) {
                    let sample = Sample(seconds: Date().timeIntervalSince(start), mebibytes: rss.total, anonymous: rss.anonymous)
                    samples.withLockedValue { $0.append(sample) }
                    print(String(format: "  rss  t=%6.0f s  %8.1f MiB (anonymous %.1f MiB)", sample.seconds, rss.total, rss.anonymous))
                    fflush(nil)  // so that a run written to a file shows its progress
                }
                Thread.sleep(forTimeInterval: interval)
            }
        }
    }

    func stop() -> [Sample] {
        stopped.withLockedValue { $0 = true }
        var all = samples.withLockedValue { $0 }
        if let rss = resident(pid: pid), let last = all.last {
            all.append(Sample(seconds: last.seconds, mebibytes: rss.total, anonymous: rss.anonymous))
        }
        return all
    }
}

/// Texts to look up: from a file, sampled from a memory, or a small built-in list.
func loadQueries(_ options: LoadOptions) throws -> [String] {
    if let path = options.queries {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        guard !lines.isEmpty else { throw LoadError("\(path): no lines") }
        return lines
    }
    if let path = options.sampleFrom {
        let store = try SQLiteMemoryStore(path: path, create: false, readOnly: true)
        let sample = try sampledQueries(from: store)
        guard !sample.isEmpty else { throw LoadError("\(path): no Russian variants to sample") }
        return sample
    }
    return [
        "Вызовов много.", "Президент провёл совещание с членами правительства.",
        "Стороны обсудили вопросы двустороннего сотрудничества.", "Министр подчеркнул важность диалога.",
        "Делегация посетила промышленные предприятия региона.", "Было подписано соглашение о сотрудничестве.",
    ]
}

/// CPU time (user + system) a process has used, in seconds, from /proc/PID/stat (Linux).
func cpuSeconds(pid: Int32) -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
    else { return nil }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    // After the command name: state is field 3, utime 14 and stime 15 (1-based, in clock ticks).
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// The 1-minute load average.
func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
}
