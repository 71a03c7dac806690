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
        .executableTarget(name: "VorgabenPacker"),
        .plugin(name: "VorgabenEinbetten", capability: .buildTool(), dependencies: ["VorgabenPacker"]),
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
        .target(name: "KimPipeline", dependencies: [
            "KimModel", "KimVorgaben", "KimLoad", "KimValidate", "KimDerive", "KimRender", "KimWrite",
        ]),
        // `kim serve`: the preview server with live reload, outside the pipeline.
        .target(name: "KimServe", dependencies: [
            "KimModel", "KimLoad", "KimPipeline",
            .product(name: "FlyingFox", package: "FlyingFox"),
        ]),
        .executableTarget(name: "kim", dependencies: [
            "KimPipeline", "KimServe", "KimWrite",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "KimTests", dependencies: [
            "KimModel", "KimLoad", "KimValidate", "KimDerive", "KimMarkdown", "KimMustache", "KimRender", "KimWrite", "KimPipeline", "KimServe", "KimVorgaben",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
