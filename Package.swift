// swift-tools-version:6.0
// dkq: a query language and shell for Ankestyrelsen's Danmarkskort statistics.
import PackageDescription

let package = Package(
    name: "dkq",
    products: [
        .library(name: "Query", targets: ["Query"]),
        .executable(name: "dkq", targets: ["REPL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "Query"),
        .target(
            name: "CEditLine",
            // libedit's own libraries are named too, in order, for the fully static release link
            // (`make release`), where the linker needs every archive.
            linkerSettings: [
                .linkedLibrary("edit"),
                .linkedLibrary("tinfo", .when(platforms: [.linux])),
                .linkedLibrary("bsd", .when(platforms: [.linux])),
                .linkedLibrary("md", .when(platforms: [.linux])),
            ]
        ),
        .executableTarget(
            name: "REPL",
            dependencies: ["Query", "CEditLine", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "DemoGenerator", dependencies: ["Query"]),
        .testTarget(name: "QueryTests", dependencies: ["Query"]),
        .testTarget(name: "ShellTests", dependencies: ["Query", "REPL"]),
    ]
)
