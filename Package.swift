// swift-tools-version: 6.1
import PackageDescription

// The engine, the simulator and the renderer are hot loops; they are optimized even in debug
// builds so `swift run promdeck demo` starts fast (tests still get -enable-testing).
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "promdeck",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "promdeck", targets: ["promdeck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Benchmarks only (Benchmarks/). MallocInterposer alone: the default RuntimeInterposer
        // trait pulls in a package that is not needed for our metrics.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // ncursesw, wide-character API. No pkgConfig: SwiftPM drops (and warns about) the -D
        // flags it reports, so the shim defines the feature macros itself.
        .systemLibrary(
            name: "CNCurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        // Caps glibc's malloc arenas at load time (the viewer runs all day; see the source).
        .target(name: "CMallocArenas"),
        // Labels, samples, series and query results shared by the engine, the HTTP client,
        // the simulator and the renderer.
        .target(name: "PromModel", swiftSettings: optimizedInDebug),
        .target(name: "PromQL", dependencies: ["PromModel"], swiftSettings: optimizedInDebug),
        .target(name: "Dashboards"),
        .target(
            name: "PrometheusAPI",
            dependencies: [
                "PromModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "Simulator",
            dependencies: [
                "PromModel", "PromQL",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: optimizedInDebug
        ),
        .target(name: "Render", dependencies: ["PromModel", "Dashboards"]),
        .target(name: "Terminal", dependencies: ["CNCurses", "Render"]),
        .target(
            name: "App",
            dependencies: [
                "PromModel", "PromQL", "Dashboards", "PrometheusAPI", "Simulator", "Render", "Terminal",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "promdeck",
            dependencies: [
                "PromModel", "PromQL", "Dashboards", "PrometheusAPI", "Simulator", "Render", "Terminal", "App", "CMallocArenas",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Spawning real servers (Prometheus, promtool, VictoriaMetrics, Alertmanager, tmux)
        // on loopback for the tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PromModelTests", dependencies: ["PromModel"]),
        // Fixtures (Prometheus-style .test files, the differential query corpus) are read from
        // the source tree by path, not bundled.
        .testTarget(name: "PromQLTests", dependencies: ["PromQL", "PromModel", "Simulator", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DashboardsTests", dependencies: ["Dashboards", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "PrometheusAPITests", dependencies: ["PrometheusAPI", "PromModel", "TestSupport"]),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "PromModel", "PromQL", "PrometheusAPI", "TestSupport"]),
        // Golden screens live in Snapshots/ as plain text read by the tests, not resources.
        .testTarget(name: "RenderTests", dependencies: ["Render", "PromModel", "Dashboards", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Render"]),
        .testTarget(name: "AppTests", dependencies: ["App", "PromModel", "Dashboards", "Render", "TestSupport"]),
        // Golden screens of the four dashboards live in Snapshots/ as plain text.
        .testTarget(name: "promdeckTests", dependencies: ["TestSupport"], exclude: ["Snapshots"]),

        // The fuzz targets' bodies (bytes in, invariants checked), shared by the libFuzzer
        // executable (Fuzz/run.sh) and FuzzTests, which replays the checked-in corpus.
        .target(
            name: "FuzzTargets",
            dependencies: ["PromModel", "PromQL", "Dashboards", "PrometheusAPI", "Render", "Terminal", "App", "TestSupport"],
            path: "Fuzz/FuzzTargets"
        ),
        .testTarget(name: "FuzzTests", dependencies: ["FuzzTargets", "TestSupport"]),

        // package-benchmark targets (`swift package benchmark`); each compares against a baseline
        // measured in the same run (BenchmarkSupport). They build with the tests so they cannot rot.
        .target(
            name: "BenchmarkSupport",
            dependencies: [.product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/BenchmarkSupport"
        ),
        benchmark("SimulatorBenchmarks", dependencies: ["Simulator", "PromModel"]),
        benchmark("EngineBenchmarks", dependencies: ["PromQL", "PromModel", "Simulator", "PrometheusAPI", "Dashboards", "App", "Terminal", "TestSupport"]),
        benchmark("RenderBenchmarks", dependencies: ["Render", "PromModel", "PromQL", "Dashboards", "Terminal", "Simulator", "App"]),
        benchmark("DecodeBenchmarks", dependencies: ["PrometheusAPI", "PromModel"]),
    ]
)

// The libFuzzer executable has no main of its own (libFuzzer's provides it), so it links only
// with -sanitize=fuzzer: Fuzz/run.sh sets PROMDECK_FUZZ=1 to add it, into .build-fuzz.
if Context.environment["PROMDECK_FUZZ"] != nil {
    package.targets.append(.executableTarget(name: "PromdeckFuzz", dependencies: ["FuzzTargets"], path: "Fuzz/PromdeckFuzz"))
}

func benchmark(_ name: String, dependencies: [Target.Dependency]) -> Target {
    .executableTarget(
        name: name,
        dependencies: dependencies + ["BenchmarkSupport", .product(name: "Benchmark", package: "benchmark")],
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}
