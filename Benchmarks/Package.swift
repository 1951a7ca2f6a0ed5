// swift-tools-version: 6.1
import PackageDescription

// package-benchmark targets (`swift package --package-path Benchmarks benchmark`). A package of
// their own, so that package-benchmark, its dependencies and its plugin's tool are neither
// resolved nor built for `swift run promdeck`; each compares against a baseline measured in
// the same run (BenchmarkSupport).
let package = Package(
    name: "promdeck-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "promdeck", path: ".."),
        // MallocInterposer alone: the default RuntimeInterposer trait pulls in a package that
        // is not needed for our metrics.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "BenchmarkSupport",
            dependencies: [.product(name: "Benchmark", package: "benchmark")],
            path: "BenchmarkSupport"
        ),
        benchmark("SimulatorBenchmarks"),
        benchmark("EngineBenchmarks"),
        benchmark("RenderBenchmarks"),
        benchmark("DecodeBenchmarks"),
    ]
)

/// The promdeck modules come through one library product of the root package.
func benchmark(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            "BenchmarkSupport",
            .product(name: "PromdeckModules", package: "promdeck"),
            .product(name: "Benchmark", package: "benchmark"),
        ],
        path: name,
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}
