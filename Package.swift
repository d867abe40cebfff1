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
        .library(name: "Sharding", targets: ["Sharding"]),
        .library(name: "Drawing", targets: ["Drawing"]),
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
        // Not a product: the seeded generator and the one parallel engine, shared by the modules below.
        .target(name: "KolmoSupport"),
        // The only Swift module that imports C. With internal imports by default,
        // no public declaration can mention a C type: the compiler enforces it.
        .target(
            name: "Compressors",
            dependencies: ["CZlib", "CLZMA", "CBzip2", "CZstd"],
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")]
        ),
        // Estimates from compressed sizes, computed on every core.
        .target(name: "Complexity", dependencies: ["Compressors", "KolmoSupport"]),
        // Trees from a distance matrix: no compressor, so it is tested on hand-made matrices.
        .target(name: "Clustering", dependencies: ["KolmoSupport"]),
        // Every picture. Trees come from Clustering; a heatmap's PNG holds a zlib stream.
        .target(name: "Drawing", dependencies: ["Clustering", "Compressors"]),
        // Preparing real text for the demo: which pages, which lines.
        .target(name: "Corpora"),
        // Both name the compressors they measure with (an ensemble, a classifier's codec).
        .target(name: "Pairing", dependencies: ["Complexity", "Compressors", "KolmoSupport"]),
        .target(name: "Classification", dependencies: ["Complexity", "Compressors", "KolmoSupport"]),
        // `kolmo bench`: compressors measured as estimators of complexity; the ARI of a linkage tree.
        .target(name: "Benchmarking", dependencies: ["Complexity", "Compressors", "Clustering", "KolmoSupport"]),
        // Matrices and top-k lists cut into tiles for a cluster and merged back exactly. Only
        // Complexity's public matrix API: the compiler keeps the tiles off the builder's internals.
        .target(name: "Sharding", dependencies: ["Complexity", "KolmoSupport"]),
        .executableTarget(
            name: "KolmoCLI",
            dependencies: [
                "Compressors",
                "Complexity",
                "Clustering",
                "Drawing",
                "Corpora",
                "Pairing",
                "Classification",
                "Benchmarking",
                "Sharding",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["KolmoSupport"], path: "Tests/TestSupport"),
        .testTarget(
            name: "CompressorsTests",
            // The tests call the C libraries directly: they are the oracle.
            dependencies: ["Compressors", "CZlib", "CLZMA", "CBzip2", "CZstd", "KolmoSupport", "TestSupport"]
        ),
        .testTarget(name: "ComplexityTests", dependencies: ["Complexity", "TestSupport"]),
        .testTarget(name: "KolmoSupportTests", dependencies: ["KolmoSupport", "TestSupport"]),
        .testTarget(name: "ClusteringTests", dependencies: ["Clustering", "KolmoSupport", "TestSupport"]),
        .testTarget(name: "DrawingTests", dependencies: ["Drawing", "Clustering", "Compressors", "TestSupport"]),
        .testTarget(name: "CorporaTests", dependencies: ["Corpora", "TestSupport"]),
        .testTarget(name: "PairingTests", dependencies: ["Pairing", "Complexity", "Compressors", "KolmoSupport", "TestSupport"]),
        .testTarget(name: "ClassificationTests", dependencies: ["Classification", "Complexity", "Compressors", "KolmoSupport", "TestSupport"]),
        .testTarget(name: "BenchmarkingTests", dependencies: ["Benchmarking", "Compressors", "TestSupport"]),
        .testTarget(name: "ShardingTests", dependencies: ["Sharding", "Complexity", "Compressors", "KolmoSupport", "TestSupport"]),
        .testTarget(name: "KolmoCLITests", dependencies: ["KolmoCLI", "Clustering", "Complexity", "KolmoSupport", "TestSupport"]),
    ]
)
