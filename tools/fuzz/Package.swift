// swift-tools-version:5.4
// (5.4, not the main package's 6.1: from tools version 5.5 on, SwiftPM links an executable with
// `main` renamed to `<module>_main`, which a target without `main` does not define; libFuzzer brings
// `main` here.)
// libFuzzer targets for pamyat's parsers of untrusted input. A separate package so that the main
// package's `swift build` and `swift test` never build them; `tools/fuzz/run.sh` (`make fuzz`)
// builds them with `-sanitize=fuzzer,address` into `.build-fuzz/` and runs each for a bounded time.
//
// Each target is an executable of one file that defines `LLVMFuzzerTestOneInput` (libFuzzer brings
// `main`), reads the module under test through `@testable import` (a debug build has testing
// enabled), and checks the promises the code makes: no crash, one-line errors with short excerpts,
// well-formed output. docs/FUZZING.md says what each target covers.
import PackageDescription

let swiftSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library", "-swift-version", "6"])]

let package = Package(
    name: "pamyat-fuzz",
    dependencies: [
        .package(name: "pamyat", path: "../.."),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // The checks every target shares: `require` (a crash libFuzzer reports) and message checks.
        .target(name: "FuzzCheck", swiftSettings: [.unsafeFlags(["-swift-version", "6"])]),
        .executableTarget(
            name: "fuzz-tmx",
            dependencies: [
                "FuzzCheck", .product(name: "PamyatCore", package: "pamyat"), .product(name: "PamyatTMX", package: "pamyat"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "fuzz-xliff",
            dependencies: [
                "FuzzCheck", .product(name: "PamyatCore", package: "pamyat"), .product(name: "PamyatTMX", package: "pamyat"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "fuzz-request",
            dependencies: [
                "FuzzCheck",
                .product(name: "PamyatCore", package: "pamyat"),
                .product(name: "PamyatService", package: "pamyat"),
                .product(name: "PamyatTMX", package: "pamyat"),
                .product(name: "PamyatServer", package: "pamyat"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "fuzz-lines",
            dependencies: [
                "FuzzCheck",
                .product(name: "PamyatServer", package: "pamyat"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "fuzz-html",
            dependencies: ["FuzzCheck", .product(name: "PamyatText", package: "pamyat")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "fuzz-segmenter",
            dependencies: [
                "FuzzCheck", .product(name: "PamyatCore", package: "pamyat"), .product(name: "PamyatText", package: "pamyat"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
