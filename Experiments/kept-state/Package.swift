// swift-tools-version: 6.1
// Times one NCD matrix two ways with the same library: Kolmo's rows, which learn (or compress)
// x once and code every y from that state, against coding every concatenation x + y from a fresh
// model. Not part of Kolmo's build: `swift run -c release --package-path Experiments/kept-state`.
import PackageDescription

let package = Package(
    name: "kept-state",
    dependencies: [.package(name: "Kolmo", path: "../..")],
    targets: [
        .executableTarget(
            name: "kept-state",
            dependencies: [.product(name: "Compressors", package: "Kolmo"), .product(name: "Complexity", package: "Kolmo")]
        ),
    ]
)
