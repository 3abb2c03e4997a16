// swift-tools-version: 6.1
// pamyat — a translation-memory service: ICU segmentation, sentence alignment, a SQLite memory,
// fuzzy-match lookups over a CLI and a line-based TCP protocol, TMX 1.4b import and export.
//
// Dependencies point one way (see docs/ARCHITECTURE.md):
//   pamyat → PamyatWeb → PamyatHTTP → PamyatServer → PamyatService → {PamyatStore, PamyatMatch, PamyatAlign, PamyatTMX} → PamyatText → PamyatCore
//   The service layer reaches storage only through PamyatCore's `MemoryStore`; PamyatStore (SQLite)
//   is imported by one file of PamyatService, its store factory, and by no module above it.
//   PamyatText → CICUShim (system ICU behind a plain-C header).
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

let package = Package(
    name: "pamyat",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pamyat", targets: ["pamyat"]),
        .library(name: "PamyatCore", targets: ["PamyatCore"]),
        .library(name: "PamyatText", targets: ["PamyatText"]),
        .library(name: "PamyatAlign", targets: ["PamyatAlign"]),
        .library(name: "PamyatMatch", targets: ["PamyatMatch"]),
        .library(name: "PamyatStore", targets: ["PamyatStore"]),
        .library(name: "PamyatPostgres", targets: ["PamyatPostgres"]),
        .library(name: "PamyatTMX", targets: ["PamyatTMX"]),
        .library(name: "PamyatService", targets: ["PamyatService"]),
        .library(name: "PamyatServer", targets: ["PamyatServer"]),
        .library(name: "PamyatHTTP", targets: ["PamyatHTTP"]),
        .library(name: "PamyatWeb", targets: ["PamyatWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.9.0"..<"5.0.0"),
        // The HTTP API (issue 15). Hummingbird's default traits would build swift-configuration too.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // The web page's server-rendered HTML (issue 15).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // System ICU (libicu-dev) behind a header of plain C types: Foundation on Linux carries its
        // own ICU, and a Swift module that sees both sets of headers does not compile.
        .target(
            name: "CICUShim",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // libxml2's HTML parser behind a header of plain C types (see include/CHTMLShim.h).
        .target(name: "CHTMLShim", dependencies: ["CLibXML2"]),
        .target(name: "PamyatCore", swiftSettings: swiftSettings),
        .target(
            name: "PamyatText",
            dependencies: ["PamyatCore", "CICUShim", "CHTMLShim"],
            resources: [.copy("Rules")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PamyatAlign",
            dependencies: ["PamyatCore", "PamyatText"],
            resources: [.copy("Lexicon")],
            swiftSettings: swiftSettings
        ),
        .target(name: "PamyatMatch", dependencies: ["PamyatCore", "PamyatText"], swiftSettings: swiftSettings),
        // sqlite3_config, which Swift cannot call (variadic), behind a plain function (include/CSQLiteShim.h).
        .target(name: "CSQLiteShim", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(
            name: "PamyatStore",
            dependencies: [
                "PamyatCore", "PamyatText", "CSQLiteShim",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // PostgreSQL memories through postgres-nio (issue 14): the same behaviour as PamyatStore's
        // SQLite memories, several memories per database, bulk writes through COPY.
        .target(
            name: "PamyatPostgres",
            dependencies: [
                "PamyatCore", "PamyatText",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // System libxml2 (libxml2-dev), for header paths and linking only: the TMX reader (CXMLShim)
        // and the HTML paragraph reader (CHTMLShim) use it behind plain-C headers.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "CXMLShim", dependencies: ["CLibXML2"]),
        .target(name: "PamyatTMX", dependencies: ["PamyatCore", "PamyatText", "CXMLShim"], swiftSettings: swiftSettings),
        .target(
            name: "PamyatService",
            dependencies: ["PamyatCore", "PamyatText", "PamyatAlign", "PamyatMatch", "PamyatStore", "PamyatPostgres", "PamyatTMX"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PamyatServer",
            dependencies: [
                "PamyatCore", "PamyatText", "PamyatMatch", "PamyatTMX", "PamyatService",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP API over Hummingbird 2: JSON endpoints for the protocol's use cases (through
        // PamyatServer's dispatcher and backend: one implementation), align, add, TMX, tmserver,
        // /metrics (swift-prometheus), /openapi.json; resources for the web page.
        .target(
            name: "PamyatHTTP",
            dependencies: [
                "PamyatCore", "PamyatText", "PamyatAlign", "PamyatTMX", "PamyatService", "PamyatServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Public")],
            swiftSettings: swiftSettings
        ),
        // The web page at `/` (search, concordance, align and review, the memory): mustache templates
        // rendered on the server, routes added to PamyatHTTP's server through its HTTPRouteProvider.
        .target(
            name: "PamyatWeb",
            dependencies: [
                "PamyatCore", "PamyatText", "PamyatAlign", "PamyatService", "PamyatServer", "PamyatHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "pamyat",
            dependencies: [
                "PamyatCore", "PamyatText", "PamyatAlign", "PamyatMatch", "PamyatTMX", "PamyatService", "PamyatServer", "PamyatHTTP", "PamyatWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "PamyatCoreTests", dependencies: ["PamyatCore"], swiftSettings: swiftSettings),
        .testTarget(name: "PamyatTextTests", dependencies: ["PamyatCore", "PamyatText"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PamyatStoreTests",
            dependencies: [
                "PamyatCore", "PamyatStore",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // A throwaway PostgreSQL cluster for the tests that need a real server (not a test target itself).
        .target(name: "PamyatTestSupport", path: "Tests/PamyatTestSupport", swiftSettings: swiftSettings),
        // Every store behaviour, run against SQLite and PostgreSQL alike.
        .testTarget(
            name: "PamyatStoreConformanceTests",
            dependencies: ["PamyatCore", "PamyatStore", "PamyatPostgres", "PamyatTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PamyatPostgresTests",
            dependencies: ["PamyatCore", "PamyatPostgres", "PamyatTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PamyatAlignTests", dependencies: ["PamyatCore", "PamyatText", "PamyatAlign"], resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings),
        .testTarget(name: "PamyatMatchTests", dependencies: ["PamyatCore", "PamyatMatch"], swiftSettings: swiftSettings),
        .testTarget(name: "PamyatTMXTests", dependencies: ["PamyatCore", "PamyatTMX"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PamyatServiceTests",
            dependencies: ["PamyatCore", "PamyatAlign", "PamyatMatch", "PamyatStore", "PamyatTMX", "PamyatService"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PamyatServerTests",
            dependencies: [
                "PamyatCore", "PamyatMatch", "PamyatTMX", "PamyatService", "PamyatServer", "PamyatStore", "PamyatPostgres",
                "PamyatTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP API over real loopback HTTP (URLSession: no HTTP client package to build).
        .testTarget(
            name: "PamyatHTTPTests",
            dependencies: [
                "PamyatCore", "PamyatService", "PamyatServer", "PamyatHTTP", "PamyatWeb", "PamyatStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // End-to-end tests that run the built `pamyat` executable as a user would.
        .testTarget(
            name: "PamyatCLITests", dependencies: ["pamyat", "PamyatCore", "PamyatStore", "PamyatServer", "PamyatTestSupport"],
            swiftSettings: swiftSettings),
    ]
)
