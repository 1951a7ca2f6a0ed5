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
        // For the Benchmarks/ package only (its own package, so that package-benchmark and its
        // plugin are not resolved or built for `swift run promdeck`).
        .library(name: "PromdeckModules", targets: [
            "PromModel", "PromQL", "Dashboards", "PrometheusAPI", "Simulator", "Render", "TerminalTypes", "Terminal", "App", "TestSupport",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Already in the graph through async-http-client; the simulator's servers use its
        // HTTP/1 codec directly (a web framework cost a first build minutes for five routes).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        // Also in the graph through async-http-client: named so PrometheusAPI declares the TLS and
        // decompression modules it imports.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.0"),
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
        .target(name: "Dashboards", dependencies: ["PromModel"]),
        .target(
            name: "PrometheusAPI",
            dependencies: [
                "PromModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The simulation, its embedded store and alert rules: no network.
        .target(
            name: "Simulator",
            dependencies: [
                "PromModel", "PromQL",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: optimizedInDebug
        ),
        // `simulate`'s /metrics and Prometheus API servers.
        .target(
            name: "SimulatorServers",
            dependencies: [
                "PromModel", "PromQL", "Simulator",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(name: "Render", dependencies: ["PromModel", "Dashboards"]),
        // Keys, sizes, mouse and terminal events, and the backend protocol: values the viewer's
        // state machine needs without linking ncurses.
        .target(name: "TerminalTypes", dependencies: ["Render"]),
        // Gives the terminal back from a fatal-signal handler (async-signal-safe C).
        .target(name: "CTerminalRestore"),
        .target(name: "Terminal", dependencies: ["CNCurses", "CTerminalRestore", "Render", "TerminalTypes"]),
        .target(
            name: "App",
            // The viewer's state machine and run loop: no simulator, network or logging; PromQL
            // only for the `:` prompt's parser and lexer (syntax errors, completion context).
            dependencies: ["PromModel", "PromQL", "Dashboards", "Render", "TerminalTypes", "Bundled"]
        ),
        // What ships inside the binary: the version, and dashboards/ and deploy/alerts.yml,
        // embedded at build time by the EmbedFiles plugin from the repository's files.
        .target(name: "Bundled", plugins: ["EmbedFiles"]),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["EmbedFilesTool"], path: "Plugins/EmbedFiles"),
        .executableTarget(name: "EmbedFilesTool", path: "Plugins/EmbedFilesTool"),
        .executableTarget(
            name: "promdeck",
            dependencies: [
                "PromModel", "PromQL", "Dashboards", "PrometheusAPI", "Simulator", "SimulatorServers", "Render", "Terminal", "App",
                "Bundled", "CMallocArenas",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Spawning real servers (Prometheus, promtool, VictoriaMetrics, Alertmanager, tmux)
        // on loopback for the tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PromModelTests", dependencies: ["PromModel"]),
        // Fixtures (Prometheus-style .test files, the differential query corpus) are read from
        // the source tree by path, not bundled.
        .testTarget(name: "PromQLTests", dependencies: ["PromQL", "PromModel", "Simulator", "TestSupport"], exclude: ["Fixtures", "promqltest"]),
        .testTarget(name: "DashboardsTests", dependencies: ["Dashboards", "PromModel", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "PrometheusAPITests", dependencies: ["PrometheusAPI", "PromModel", "TestSupport"]),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "SimulatorServers", "PromModel", "PromQL", "PrometheusAPI", "TestSupport"]),
        // Golden screens live in Snapshots/ as plain text read by the tests, not resources.
        .testTarget(name: "RenderTests", dependencies: ["Render", "PromModel", "Dashboards", "PrometheusAPI", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Render"]),
        .testTarget(name: "AppTests", dependencies: ["App", "PromModel", "Dashboards", "PrometheusAPI", "Render", "Terminal", "Simulator", "Bundled", "TestSupport"]),
        .testTarget(name: "BundledTests", dependencies: ["Bundled"]),
        // Golden screens of the four dashboards live in Snapshots/ as plain text.
        .testTarget(name: "promdeckTests", dependencies: ["Bundled", "TestSupport"], exclude: ["Snapshots"]),

        // The fuzz targets' bodies (bytes in, invariants checked), shared by the libFuzzer
        // executable (Fuzz/run.sh) and FuzzTests, which replays the checked-in corpus.
        .target(
            name: "FuzzTargets",
            dependencies: ["PromModel", "PromQL", "Dashboards", "PrometheusAPI", "Render", "TerminalTypes", "Terminal", "App", "TestSupport"],
            path: "Fuzz/FuzzTargets"
        ),
        .testTarget(name: "FuzzTests", dependencies: ["FuzzTargets", "TestSupport"]),
    ]
)

// The libFuzzer executable has no main of its own (libFuzzer's provides it), so it links only
// with -sanitize=fuzzer: Fuzz/run.sh sets PROMDECK_FUZZ=1 to add it, into .build-fuzz.
// The sanitizers are set here rather than with -Xswiftc, which would also reach the build
// plugin's tool (EmbedFilesTool: a main of its own, and top-level code that
// -parse-as-library rejects); the dependencies' code stays uninstrumented.
if Context.environment["PROMDECK_FUZZ"] != nil {
    let sanitize = ["-sanitize=fuzzer,address"]
    for target in package.targets where target.type == .regular {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(sanitize)]
    }
    package.targets.append(.executableTarget(
        name: "PromdeckFuzz", dependencies: ["FuzzTargets"], path: "Fuzz/PromdeckFuzz",
        swiftSettings: [.unsafeFlags(sanitize + ["-parse-as-library"])], linkerSettings: [.unsafeFlags(sanitize)]
    ))
}
