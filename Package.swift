// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Roundoff",
    products: [
        .library(name: "Roundoff", targets: ["Roundoff"]),
        .library(name: "RoundoffSolvers", targets: ["Solvers"]),
        .executable(name: "precision-sweep", targets: ["precision-sweep"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/google/swift-benchmark", from: "0.1.2"),
    ],
    targets: [
        // Thread-local rounding context (run-time format, stochastic stream, event
        // counters). C because Swift has no `_Thread_local`; the accessors are
        // `static inline` so they inline into Swift callers.
        .target(name: "CRoundoffContext", path: "Sources/CRoundoffContext"),
        .target(
            name: "Roundoff",
            dependencies: [
                "CRoundoffContext",
                .product(name: "RealModule", package: "swift-numerics"),
            ]
        ),
        // Numerical methods generic over the scalar; no I/O, no references.
        .target(
            name: "Solvers",
            dependencies: [
                "Roundoff",
                .product(name: "RealModule", package: "swift-numerics"),
            ],
            path: "Solvers"
        ),
        .executableTarget(
            name: "precision-sweep",
            dependencies: [
                "Roundoff",
                "Solvers",
                .product(name: "Benchmark", package: "swift-benchmark"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "RoundoffTests",
            dependencies: [
                "Roundoff",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        // Tests the CLI as a user sees it: runs the built precision-sweep
        // executable (next to the test bundle in the build products directory)
        // as a subprocess, so it needs none of the executable's code.
        .testTarget(
            name: "PrecisionSweepTests",
            dependencies: ["Roundoff"]
        ),
    ]
)
