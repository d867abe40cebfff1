// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Kolmo",
    products: [
        .library(name: "Compressors", targets: ["Compressors"]),
        .library(name: "Complexity", targets: ["Complexity"]),
        .library(name: "Clustering", targets: ["Clustering"]),
        .library(name: "Pairing", targets: ["Pairing"]),
        .library(name: "Classification", targets: ["Classification"]),
        .library(name: "Benchmarking", targets: ["Benchmarking"]),
        .executable(name: "kolmo", targets: ["KolmoCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .systemLibrary(
            name: "CLZMA",
            pkgConfig: "liblzma",
            providers: [.apt(["liblzma-dev"]), .brew(["xz"])]
        ),
        // Debian's libbz2-dev ships no pkg-config file: the module map links "bz2" by name.
        .systemLibrary(
            name: "CBzip2",
            providers: [.apt(["libbz2-dev"]), .brew(["bzip2"])]
        ),
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]
        ),
        // The only Swift module that imports C. With internal imports by default,
        // no public declaration can mention a C type: the compiler enforces it.
        .target(
            name: "Compressors",
            dependencies: ["CZlib", "CLZMA", "CBzip2", "CZstd"],
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")]
        ),
        .target(name: "Complexity", dependencies: ["Compressors"]),
        .target(name: "Clustering", dependencies: ["Compressors"]),
        .target(name: "Pairing", dependencies: ["Complexity", "Clustering", "Compressors"]),
        .target(name: "Classification", dependencies: ["Complexity", "Clustering", "Compressors"]),
        // `kolmo bench`: compressors measured as estimators of complexity.
        .target(name: "Benchmarking", dependencies: ["Compressors", "Complexity", "Clustering"]),
        .executableTarget(
            name: "KolmoCLI",
            dependencies: [
                "Compressors",
                "Complexity",
                "Clustering",
                "Pairing",
                "Classification",
                "Benchmarking",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "CompressorsTests",
            // The tests call the C libraries directly: they are the oracle.
            dependencies: ["Compressors", "CZlib", "CLZMA", "CBzip2", "CZstd", "TestSupport"]
        ),
        .testTarget(name: "ComplexityTests", dependencies: ["Complexity", "TestSupport"]),
        .testTarget(name: "ClusteringTests", dependencies: ["Clustering", "Compressors", "TestSupport"]),
        .testTarget(name: "PairingTests", dependencies: ["Pairing", "Clustering", "Complexity", "Compressors", "TestSupport"]),
        .testTarget(name: "ClassificationTests", dependencies: ["Classification", "Complexity", "Compressors", "TestSupport"]),
        .testTarget(name: "BenchmarkingTests", dependencies: ["Benchmarking", "Compressors", "TestSupport"]),
        .testTarget(name: "KolmoCLITests", dependencies: ["KolmoCLI", "Clustering", "TestSupport"]),
    ]
)
