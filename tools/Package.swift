// swift-tools-version: 6.1
// Benchmarks, generators and load tools for pamyat. A separate package so that `make test` never
// builds them; `make bench` builds them in release and runs them.
import PackageDescription

let package = Package(
    name: "pamyat-tools",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "pamyat", path: ".."),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
    ],
    targets: [
        .target(
            name: "LoadQueries",
            dependencies: [
                .product(name: "PamyatCore", package: "pamyat"),
                .product(name: "PamyatStore", package: "pamyat"),
            ],
            path: "Sources/LoadQueries",
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "pamyat-bench",
            dependencies: [
                "LoadQueries",
                .product(name: "PamyatCore", package: "pamyat"),
                .product(name: "PamyatText", package: "pamyat"),
                .product(name: "PamyatAlign", package: "pamyat"),
                .product(name: "PamyatMatch", package: "pamyat"),
                .product(name: "PamyatStore", package: "pamyat"),
                .product(name: "PamyatTMX", package: "pamyat"),
                .product(name: "PamyatService", package: "pamyat"),
            ],
            path: "Sources/pamyat-bench",
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "pamyat-load",
            dependencies: [
                "LoadQueries",
                .product(name: "PamyatCore", package: "pamyat"),
                .product(name: "PamyatStore", package: "pamyat"),
                .product(name: "PamyatServer", package: "pamyat"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "Sources/pamyat-load",
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
