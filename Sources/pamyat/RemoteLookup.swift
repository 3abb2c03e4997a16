import Foundation
import PamyatService
import PamyatServer

/// `pamyat lookup --connect HOST:PORT`: the lookups of a running `pamyat serve`, as `LookupMatch`es,
/// so that they print exactly as a local lookup's.
struct RemoteLookup {
    let client: RemoteClient
    /// The one served memory to look in (`--memory NAME`), or all of them.
    let memory: String?

    /// Connects; a server with a token gets `$PAMYAT_TOKEN`.
    init(endpoint: String, memory: String?) throws {
        let token = ProcessInfo.processInfo.environment["PAMYAT_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        client = try RemoteClient(endpoint: endpoint, token: token)
        self.memory = memory
    }

    func lookup(_ request: LookupRequest) throws -> [LookupMatch] {
        var options: [(name: String, value: String)] = [("min", String(request.minimum)), ("limit", String(request.limit))]
        if let previous = request.previous { options.append(("prev", previous)) }
        if let memory { options.append(("memory", memory)) }
        if request.similarWords { options.append(("similar", "1")) }
        let data = try client.send("LOOKUP", [request.from.identifier, request.to.identifier, request.text], options: options)
        struct Answer: Decodable { var matches: [LookupMatch] }
        return try client.decode(Answer.self, from: data, verb: "LOOKUP").matches
    }
}
