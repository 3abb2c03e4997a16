import Foundation
import PamyatServer
import Testing

/// /metrics after requests over both protocols, and graceful shutdown.
@Suite struct OperationsTests {
    @Test func metricsCountRequestsPerRouteAndPerVerb() async throws {
        try await withHTTPServer(withLineServer: true) { server in
            let client = server.client
            for _ in 0..<3 { _ = try await client.get("/api/v1/lookup", [("q", "Вызовов много."), ("from", "ru"), ("to", "en")]) }
            _ = try await client.get("/api/v1/lookup", [("q", "x"), ("from", "xx"), ("to", "en")])
            let port = try #require(server.linePort)
            let line = try LineClient(host: "127.0.0.1", port: port)
            try line.send(line: #"LOOKUP ru en "Вызовов много.""#)
            #expect(try line.readLine()?.hasPrefix(#"{"ok":true"#) == true)
            try line.send(line: "STATS")
            _ = try line.readLine()

            let metrics = try await client.get("/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.header("Content-Type")?.hasPrefix("text/plain") == true)
            let text = metrics.text
            #expect(text.contains(#"pamyat_http_requests_total{route="/api/v1/lookup",method="GET",status="200"} 3"#), "\(text)")
            #expect(text.contains(#"pamyat_http_requests_total{route="/api/v1/lookup",method="GET",status="400"} 1"#))
            #expect(text.contains(#"pamyat_http_request_duration_seconds_bucket{route="/api/v1/lookup",method="GET""#))
            #expect(text.contains(#"pamyat_line_requests_total{verb="LOOKUP",result="ok"} 1"#))
            #expect(text.contains(#"pamyat_line_requests_total{verb="STATS",result="ok"} 1"#))
            #expect(text.contains(#"pamyat_line_request_duration_seconds_count{verb="LOOKUP"} 1"#))
            // The HTTP API's requests per verb, apart from the line protocol's.
            #expect(text.contains(#"pamyat_http_verb_requests_total{verb="LOOKUP",result="ok"} 3"#))
            #expect(text.contains(#"pamyat_http_verb_requests_total{verb="LOOKUP",result="error"} 1"#))
            #expect(text.contains(#"pamyat_http_verb_request_duration_seconds_count{verb="LOOKUP"} 4"#))
            #expect(text.contains(#"pamyat_index_units{memory="main"} 4"#))
            #expect(text.contains(#"pamyat_index_behind{memory="main"} 0"#))
        }
    }

    @Test func gracefulShutdownStopsListening() async throws {
        let server = try await HTTPTestServer.start()
        let reply = try await server.client.get("/api/v1/stats")
        #expect(reply.status == 200)
        try await server.stop()
        await #expect(throws: (any Error).self, "the port is closed") {
            _ = try await server.client.get("/api/v1/stats")
        }
    }
}
