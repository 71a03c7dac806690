// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "kim",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kim", targets: ["kim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // C libraries
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CAtomicRename"),

        // The pipeline, one target per stage: load → validate → derive → render → write
        .target(name: "KimModel"),
        // Built-in templates, schemas and assets, embedded into the binary at build time.
        .plugin(name: "VorgabenEinbetten", capability: .buildTool()),
        .target(name: "KimVorgaben", exclude: ["Vorgaben"], plugins: ["VorgabenEinbetten"]),
        .target(name: "KimLoad", dependencies: ["KimModel"]),
        .target(name: "KimValidate", dependencies: ["KimModel", "KimMarkdown", "KimDerive"]),
        .target(name: "KimDerive", dependencies: ["KimModel"]),
        .target(name: "KimMarkdown", dependencies: ["CCmark"]),
        // Mustache templates, parsed once and rendered into bytes (see Sources/KimMustache/Template.swift).
        .target(name: "KimMustache"),
        .target(name: "KimRender", dependencies: [
            "KimModel", "KimDerive", "KimMarkdown", "KimMustache",
        ]),
        .target(name: "KimWrite", dependencies: ["KimModel", "CAtomicRename"]),
        // Spreadsheets (xlsx, ods, csv) for Anlage 1, Anlage 2 and the population tables: reading,
        // writing, and the mapping between sheets and data files (`kim export`, `kim import`).
        .target(name: "KimTabellen", dependencies: [
            "KimModel", "KimLoad",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        .target(name: "KimPipeline", dependencies: [
            "KimModel", "KimVorgaben", "KimLoad", "KimValidate", "KimDerive", "KimRender", "KimWrite", "KimTabellen",
        ]),
        // `kim serve`'s workbench: forms from the schemas, checked saves with minimal diffs (/_kim/…).
        .target(name: "KimWerkbank", dependencies: [
            "KimModel", "KimLoad", "KimDerive", "KimPipeline", "KimRender", "KimMarkdown", "KimTabellen", "KimVorgaben",
        ]),
        // `kim serve`: the preview server with live reload, outside the pipeline.
        .target(name: "KimServe", dependencies: [
            "KimModel", "KimLoad", "KimPipeline", "KimWerkbank",
            .product(name: "FlyingFox", package: "FlyingFox"),
        ]),
        .executableTarget(name: "kim", dependencies: [
            "KimPipeline", "KimServe", "KimWrite", "KimTabellen",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "KimTests", dependencies: [
            "KimModel", "KimLoad", "KimValidate", "KimDerive", "KimMarkdown", "KimMustache", "KimRender", "KimWrite", "KimPipeline", "KimServe", "KimVorgaben", "KimTabellen", "KimWerkbank",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
