import Foundation

/// The command line of `pamyat-load`. Hand-parsed: a handful of `--name value` options, and the
/// tools package otherwise needs no argument parser.
struct LoadOptions {
    var host = "127.0.0.1"
    var port = 7341
    var connections = 32
    var depth = 1
    var duration = 10.0
    var warmup = 2.0
    var mix: [(verb: String, weight: Int)] = [("lookup", 100)]
    var sampleFrom: String?
    var queries: String?
    var tokenFile: String?
    var maxRequests = 50_000_000
    var threads = 1
    var idle = 0
    var serverPID: Int32?
    var sampleEvery = 10.0
    var checkAdds = false
    var visibility = 0
    var otherPort: Int?

    static let usage = """
        usage: pamyat-load [options]

        Drives a running `pamyat serve` on loopback and prints throughput and latency percentiles.

          --host H             server address; loopback only (default 127.0.0.1)
          --port P             server port (default 7341)
          --connections N      concurrent connections (default 32, at most 5000)
          --depth D            requests kept in flight per connection: pipelining depth (default 1)
          --duration S         seconds to run after the warm-up (default 10, at most 3600)
          --warmup S           seconds of load before measuring (default 2)
          --mix V=W,…          verb weights: lookup, add, concordance, segment, ping, stats (default lookup=100)
          --sample-from PATH   take LOOKUP texts from this memory file (Russian variants, 2,000 sampled)
          --queries FILE       take LOOKUP texts from this file, one per line
          --token-file F       send AUTH with this token first
          --max-requests N     stop after this many requests in all (default 50,000,000)
          --threads T          client event-loop threads (default 1)
          --idle N             instead of load: hold N idle connections for --duration, then PING each
          --server-pid PID     sample the server's RSS every --sample-every seconds and report its growth
          --sample-every S     RSS sampling interval (default 10)
          --check-adds         count units with STATS before and after, and compare with the ADDs answered
          --visibility N       instead of load: N ADDs through --port, each looked up through --other-port until
                               found; prints the delay percentiles (two nodes on one PostgreSQL memory)
          --other-port P       the second node's port, for --visibility
        """

    init(arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let value = rest.popFirst() else { throw LoadError("\(name) needs a value") }
            return value
        }
        func number<T: LosslessStringConvertible>(_ name: String) throws -> T {
            let text = try value(name)
            guard let number = T(text) else { throw LoadError("\(name) \(text): not a number") }
            return number
        }
        while let name = rest.popFirst() {
            switch name {
            case "--host": host = try value(name)
            case "--port": port = try number(name)
            case "--connections": connections = try number(name)
            case "--depth": depth = try number(name)
            case "--duration": duration = try number(name)
            case "--warmup": warmup = try number(name)
            case "--mix": mix = try Self.parseMix(try value(name))
            case "--sample-from": sampleFrom = try value(name)
            case "--queries": queries = try value(name)
            case "--token-file": tokenFile = try value(name)
            case "--max-requests": maxRequests = try number(name)
            case "--threads": threads = try number(name)
            case "--idle": idle = try number(name)
            case "--server-pid": serverPID = try number(name)
            case "--sample-every": sampleEvery = try number(name)
            case "--check-adds": checkAdds = true
            case "--visibility": visibility = try number(name)
            case "--other-port": otherPort = try number(name)
            case "--help", "-h": print(Self.usage); exit(0)
            default: throw LoadError("unknown option \(name); see --help")
            }
        }
        guard ["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("127.") else {
            throw LoadError("--host \(host): the load tool only targets loopback addresses")
        }
        guard (1...5000).contains(connections), (1...1024).contains(depth), (1...64).contains(threads) else {
            throw LoadError("--connections must be 1…5000, --depth 1…1024, --threads 1…64")
        }
        guard visibility >= 0, visibility == 0 || otherPort != nil else {
            throw LoadError("--visibility N needs --other-port P, the second node's port")
        }
        guard duration > 0, duration <= 3600, warmup >= 0, warmup <= 600, (0...20000).contains(idle) else {
            throw LoadError("--duration must be in (0, 3600], --warmup in [0, 600], --idle in [0, 20000]")
        }
    }

    static func parseMix(_ text: String) throws -> [(verb: String, weight: Int)] {
        let known = ["lookup", "add", "concordance", "segment", "ping", "stats"]
        var mix: [(verb: String, weight: Int)] = []
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "=")
            guard pieces.count == 2, known.contains(String(pieces[0])), let weight = Int(pieces[1]), weight >= 0 else {
                throw LoadError("--mix \(text): use VERB=WEIGHT,… with verbs \(known.joined(separator: ", "))")
            }
            mix.append((String(pieces[0]), weight))
        }
        guard mix.contains(where: { $0.weight > 0 }) else { throw LoadError("--mix \(text): every weight is 0") }
        return mix
    }
}

struct LoadError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
