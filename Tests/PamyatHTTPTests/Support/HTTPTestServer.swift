import Foundation
import Logging
import NIOCore
import PamyatCore
import PamyatHTTP
import PamyatServer
import PamyatStore
import ServiceLifecycle

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An HTTP server (and, when asked, the line server beside it over the same memories) on ephemeral
/// loopback ports, run in a ServiceGroup as `pamyat serve --http` runs them.
struct HTTPTestServer {
    let port: Int
    let linePort: Int?
    let group: ServiceGroup
    let task: Task<Void, any Error>
    let metrics: HTTPMetrics

    static let ru = LanguageTag(canonical: "ru")
    static let en = LanguageTag(canonical: "en")
    static let ptBR = LanguageTag(canonical: "pt-BR")

    /// A memory `main` with three ru-en units and one ru-pt-BR unit.
    static func memories() throws -> [ServedMemory] {
        let main = try SQLiteMemoryStore.inMemory()
        try main.write { session in
            let pairs: [(String, LanguageTag, String)] = [
                ("Вызовов много.", en, "There are many challenges."),
                ("Президент провёл совещание с членами правительства.", en, "The President held a meeting with members of the Government."),
                ("В 2023 году объём торговли вырос на 15 процентов.", en, "In 2023, trade grew by 15 percent."),
                ("Вызовов много.", ptBR, "Há muitos desafios."),
            ]
            for (ru, language, translation) in pairs {
                _ = try session.store(
                    TranslationUnit(
                        sourceLanguage: Self.ru,
                        variants: [Variant(language: Self.ru, text: ru), Variant(language: language, text: translation)], origin: .aligned,
                        provenance: Provenance(documentID: "press-2024-03")),
                    onDuplicate: .keepExisting)
            }
        }
        return [ServedMemory(name: "main", store: main)]
    }

    /// Starts the servers with test settings, changed by `configure`.
    static func start(
        memories: [ServedMemory]? = nil, withLineServer: Bool = false, configure: (inout HTTPConfiguration) -> Void = { _ in }
    ) async throws -> HTTPTestServer {
        var configuration = HTTPConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.workerThreads = 2
        configuration.version = "test"
        configure(&configuration)
        var logger = Logger(label: "pamyat.test.http")
        logger.logLevel = ProcessInfo.processInfo.environment["PAMYAT_TEST_LOG"] != nil ? .trace : .critical
        let served = try ServedMemories(try memories ?? Self.memories(), workerThreads: 2)
        let metrics = HTTPMetrics()
        let (ports, continuation) = AsyncStream<(String, Int)>.makeStream()
        var services: [any Service] = [
            HTTPServer(configuration: configuration, memories: served, metrics: metrics, logger: logger) { address in
                continuation.yield(("http", address.port ?? 0))
            }
        ]
        if withLineServer {
            var line = ServerConfiguration()
            line.host = "127.0.0.1"
            line.port = 0
            line.workerThreads = 2
            line.metricsFactory = metrics.factory
            services.append(Server(configuration: line, memories: served, logger: logger) { address in
                continuation.yield(("line", address.port ?? 0))
            })
        }
        let group = ServiceGroup(configuration: .init(services: services, logger: logger))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var found: [String: Int] = [:]
        for await (name, port) in ports {
            found[name] = port
            if found.count == services.count { break }
        }
        guard let port = found["http"] else {
            try await task.value
            throw ServerError(.internal, "the server stopped before listening")
        }
        return HTTPTestServer(port: port, linePort: found["line"], group: group, task: task, metrics: metrics)
    }

    /// Triggers a graceful shutdown and waits for the servers to stop.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }

    var client: HTTPTestClient { HTTPTestClient(port: port) }
}

/// Starts a server, runs `body` with it, and stops it even when `body` fails.
func withHTTPServer(
    memories: [ServedMemory]? = nil, withLineServer: Bool = false, configure: (inout HTTPConfiguration) -> Void = { _ in },
    _ body: (HTTPTestServer) async throws -> Void
) async throws {
    let server = try await HTTPTestServer.start(memories: memories, withLineServer: withLineServer, configure: configure)
    do {
        try await body(server)
    } catch {
        try? await server.stop()
        throw error
    }
    try await server.stop()
}

/// A response as the tests read it.
struct HTTPReply {
    var status: Int
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object (or array), for `#expect`s on its members.
    var json: Any? { try? JSONSerialization.jsonObject(with: body) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }

    /// The `error.code` of an error body.
    var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }
    var errorMessage: String? { (object["error"] as? [String: Any])?["message"] as? String }

    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

/// Real HTTP over loopback through URLSession (FoundationNetworking on Linux), cookies by hand.
struct HTTPTestClient {
    let port: Int
    var headers: [String: String] = [:]

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return URLSession(configuration: configuration)
    }()

    /// `path` with `query` percent-encoded (spaces as %20, + and & escaped).
    func url(_ path: String, _ query: [(String, String)] = []) -> URL {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "+&=")
        let encoded = query.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        return URL(string: "http://127.0.0.1:\(port)\(path)\(encoded.isEmpty ? "" : "?" + encoded)")!
    }

    func get(_ path: String, _ query: [(String, String)] = [], headers extra: [String: String] = [:]) async throws -> HTTPReply {
        try await send("GET", url(path, query), body: nil, headers: extra)
    }

    func post(_ path: String, json: Any, headers extra: [String: String] = [:]) async throws -> HTTPReply {
        var headers = extra
        headers["Content-Type"] = "application/json"
        return try await send("POST", url(path), body: try JSONSerialization.data(withJSONObject: json), headers: headers)
    }

    func post(_ path: String, query: [(String, String)] = [], body: Data, contentType: String, headers extra: [String: String] = [:]) async throws -> HTTPReply {
        var headers = extra
        headers["Content-Type"] = contentType
        return try await send("POST", url(path, query), body: body, headers: headers)
    }

    func send(_ method: String, _ url: URL, body: Data?, headers extra: [String: String]) async throws -> HTTPReply {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers.merging(extra, uniquingKeysWith: { $1 }) { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await Self.session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields["\(name)"] = "\(value)" }
        return HTTPReply(status: http.statusCode, headers: fields, body: data)
    }
}
