// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Roundoff",
    products: [
        .library(name: "Roundoff", targets: ["Roundoff"]),
        .library(name: "RoundoffSolvers", targets: ["Solvers"]),
        .library(name: "RoundoffReference", targets: ["RoundoffReference"]),
        .library(name: "RoundoffWorkloads", targets: ["RoundoffWorkloads"]),
        .library(name: "RoundoffNN", targets: ["RoundoffNN"]),
        .library(name: "PrecisionSweepCLI", targets: ["PrecisionSweepCLI"]),
        .executable(name: "precision-sweep", targets: ["precision-sweep"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/google/swift-benchmark", from: "0.1.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        // `swift package generate-documentation` (scripts/build-documentation.sh);
        // a command plugin only, so nothing of it is linked into the products.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
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
            ],
            // The kernels' entry points that are not inlinable run in every
            // test; unoptimised they dominate the debug test suite's time.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // System libraries for the binary64 references (Debian's -dev packages;
        // scripts/install-debian-packages.sh installs them).
        .systemLibrary(name: "CFFTW", path: "Sources/CFFTW", pkgConfig: "fftw3",
                       providers: [.apt(["libfftw3-dev"])]),
        .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CLAPACKE", path: "Sources/CLAPACKE", pkgConfig: "lapacke",
                       providers: [.apt(["liblapacke-dev"])]),
        // Binary64 references computed by the libraries built for them (FFTW,
        // OpenBLAS, LAPACKE), never by a hand-written solver.
        .target(
            name: "RoundoffReference",
            dependencies: ["Roundoff", "CFFTW", "COpenBLAS", "CLAPACKE"]
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
        // The workload protocol, registry, sweep engine, result files and plot scripts.
        .target(
            name: "RoundoffWorkloads",
            dependencies: ["Roundoff"]
        ),
        // Each solver as a workload: runs it in a precision and in binary64, computes metrics.
        .target(
            name: "SolverWorkloads",
            dependencies: ["Roundoff", "Solvers", "RoundoffWorkloads", "RoundoffReference"]
        ),
        // The neural-network training plugin: tensors, layers, precision policies,
        // block scaling, the datasets that ship with it, and its workloads.
        .target(
            name: "RoundoffNN",
            dependencies: [
                "Roundoff",
                // Loss scaling is shared with the neural-ODE solver.
                "Solvers",
                "RoundoffReference",
                "RoundoffWorkloads",
                .product(name: "RealModule", package: "swift-numerics"),
            ],
            resources: [.copy("Datasets/Data")],
            // Training runs millions of emulated operations; optimised even in
            // debug builds so that the test suite's training runs stay short.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // Every subcommand of precision-sweep, as a library so that user packages
        // can register their own workloads and reuse the CLI.
        .target(
            name: "PrecisionSweepCLI",
            dependencies: [
                "Roundoff",
                "Solvers",
                "RoundoffWorkloads",
                // The OpenBLAS baseline of the conjugate-gradient bench.
                "RoundoffReference",
                // The training-step and matrix-product bench cases.
                "RoundoffNN",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Benchmark", package: "swift-benchmark"),
                // Sweep files (`run --config FILE`) are YAML.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "precision-sweep",
            dependencies: ["PrecisionSweepCLI", "RoundoffWorkloads", "SolverWorkloads", "RoundoffNN"]
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
        .testTarget(
            name: "RoundoffWorkloadsTests",
            dependencies: ["Roundoff", "RoundoffWorkloads", "SolverWorkloads"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RoundoffReferenceTests",
            dependencies: ["Roundoff", "RoundoffReference"]
        ),
        .testTarget(
            name: "SolversTests",
            // RoundoffReference: LAPACK's own rotations, solutions and eigenvalues as test oracles.
            dependencies: ["Roundoff", "Solvers", "RoundoffWorkloads", "SolverWorkloads", "RoundoffReference"],
            // bessel-reference.csv: the 40-digit mpmath table of scripts/bessel-reference.py.
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RoundoffNNTests",
            dependencies: ["Roundoff", "RoundoffNN", "RoundoffReference", "RoundoffWorkloads"]
        ),
    ]
)
