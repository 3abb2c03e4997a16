import Foundation
import NIOPosix
import PamyatServer
import Testing
@testable import PamyatHTTP

/// `/openapi.json` describes exactly the routes the server registers, in both directions.
@Suite struct OpenAPIRouteTests {
    /// `/tmserver/:source/:target/unit/**` and `/tmserver/{source}/{target}/unit/{text}` alike:
    /// every parameter as `{}`.
    static func normalized(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix(":") || segment == "**" || (segment.hasPrefix("{") && segment.hasSuffix("}")) ? "{}" : String(segment)
        }.joined(separator: "/")
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedPathIsServed() throws {
        let memories = try ServedMemories(try HTTPTestServer.memories(), workerThreads: 1)
        let api = APIHandlers(configuration: HTTPConfiguration(), memories: memories, threadPool: NIOThreadPool(numberOfThreads: 1), logger: .init(label: "test"))
        let table = HTTPServer(configuration: HTTPConfiguration(), memories: memories, logger: .init(label: "test")).routeTable(api: api)
        let served = Set(table.routes.map { "\($0.method.rawValue.uppercased()) \(Self.normalized($0.path))" })

        let data = try #require(HTTPResources.data("openapi.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var documented = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys where ["get", "post", "put", "delete", "patch"].contains(method) {
                documented.insert("\(method.uppercased()) \(Self.normalized(path))")
            }
        }
        #expect(served.subtracting(documented).isEmpty, "routes missing from openapi.json: \(served.subtracting(documented).sorted())")
        #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served).sorted())")
        #expect(served.count >= 20)
    }
}
