// swift-tools-version:6.0
// dkq: a query language and shell for Ankestyrelsen's Danmarkskort statistics.
import PackageDescription

let package = Package(
    name: "dkq",
    products: [
        .library(name: "Query", targets: ["Query"]),
        .executable(name: "dkq", targets: ["REPL"]),
    ],
    targets: [
        .target(name: "Query"),
        .target(
            name: "CEditLine",
            linkerSettings: [.linkedLibrary("edit")]
        ),
        .executableTarget(name: "REPL", dependencies: ["Query", "CEditLine"]),
        .executableTarget(name: "DemoGenerator", dependencies: ["Query"]),
        .testTarget(name: "QueryTests", dependencies: ["Query"]),
        .testTarget(name: "ShellTests", dependencies: ["Query", "REPL"]),
    ]
)
