// swift-tools-version: 6.1
// Benchmarks live in their own package, so that `swift build` and `swift test` at the root
// never build them. Run from this folder: swift package benchmark
import PackageDescription

let package = Package(
    name: "KolmoBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Kolmo", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "CompressorBenchmarks",
            dependencies: [
                .product(name: "Compressors", package: "Kolmo"),
                .product(name: "Complexity", package: "Kolmo"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CompressorBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
