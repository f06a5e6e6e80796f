import Foundation
// swift-tools-version: 6.1
import PackageDescription

/// Benchmarks are a separate executable, added only when asked for, so that the
/// everyday build and CI stay lean: `KIENNGHI_BENCHMARKS=1 swift run -c release kiennghi-bench`.
let withBenchmarks = ProcessInfo.processInfo.environment["KIENNGHI_BENCHMARKS"] != nil
/// libFuzzer targets, likewise only when asked for (built by scripts/fuzz.sh with
/// `-sanitize=fuzzer,address`): `KIENNGHI_FUZZ=1 scripts/fuzz.sh all 15`.
let withFuzzing = ProcessInfo.processInfo.environment["KIENNGHI_FUZZ"] != nil

/// The tests that make another application's SQLite file use GRDB directly
/// (named here: PackageManifestTests reads each target up to its first ")").
let grdbForTests: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")

var targets: [Target] = [
    .target(
        name: "CICUShim",
        linkerSettings: [.linkedLibrary("icuuc")]
    ),
    .target(
        name: "CZlibShim",
        linkerSettings: [.linkedLibrary("z")]
    ),
    .target(name: "CMallocShim"),
    .target(
        name: "KienNghiCore",
        dependencies: ["CICUShim"],
        resources: [.copy("../../Lexicons")]
    ),
    .target(
        name: "KienNghiOffice",
        dependencies: [
            "KienNghiCore",
            "CZlibShim",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]
    ),
    .target(
        name: "KienNghiStore",
        dependencies: [
            "KienNghiCore",
            "KienNghiOffice",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]
    ),
    .target(
        name: "KienNghiCLI",
        dependencies: [
            "KienNghiCore",
            "KienNghiOffice",
            "KienNghiStore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]
    ),
    .executableTarget(name: "kiennghi", dependencies: ["KienNghiCLI", "CMallocShim"]),
    // Built under another package name, so it sees only KienNghiCore's public API,
    // like a program outside the package: `swift run kiennghi-example FILE.csv`.
    .executableTarget(
        name: "kiennghi-example",
        dependencies: ["KienNghiCore"],
        swiftSettings: [.unsafeFlags(["-package-name", "KienNghiExample"])]
    ),
    .testTarget(
        name: "KienNghiCoreTests",
        dependencies: [
            "KienNghiCore",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ],
        exclude: ["Fixtures"]
    ),
    .testTarget(
        name: "KienNghiCLITests",
        dependencies: ["KienNghiCLI", "KienNghiCore", "KienNghiOffice", grdbForTests],
        exclude: ["Golden", "Fixtures"]
    ),
    .testTarget(
        name: "KienNghiPublicAPITests",
        dependencies: ["KienNghiCore"],
        swiftSettings: [.unsafeFlags(["-package-name", "KienNghiExample"])]
    ),
    .testTarget(
        name: "KienNghiStoreTests",
        dependencies: ["KienNghiStore", "KienNghiCore", "KienNghiOffice", grdbForTests]
    ),
]

if withBenchmarks {
    targets.append(
        .executableTarget(
            name: "kiennghi-bench",
            dependencies: ["KienNghiCore", "KienNghiOffice"],
            path: "Benchmarks/kiennghi-bench"
        )
    )
}

if withFuzzing {
    targets.append(
        .executableTarget(
            name: "kiennghi-fuzz",
            dependencies: ["KienNghiCore", "KienNghiOffice"],
            path: "Benchmarks/Fuzz/kiennghi-fuzz"
        )
    )
}

let package = Package(
    name: "KienNghi",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "KienNghiCore", targets: ["KienNghiCore"]),
        .executable(name: "kiennghi", targets: ["kiennghi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: targets
)
