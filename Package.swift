// swift-tools-version: 6.0
// The package follows the data: load → parse → validate → model → render → write.
import PackageDescription

let package = Package(
    name: "bookmark",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bookmark", targets: ["bookmark"]),
    ],
    dependencies: [
        // Exact versions where the code reads a library's internals: YAMLEventReader imports
        // Yams's CYaml, CompiledTemplate reads swift-mustache's private tokens through Mirror.
        // `TemplateInternalsTests` and `YAMLEventReaderTests` fail when those change.
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        // Workbooks (.xlsx) for `bookmark export`/`import`/`confirm`: the zip container only;
        // the XML inside is written and read here (Foundation's XMLParser).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // System libraries from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev, libqrencode-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),

        // renameat2(RENAME_EXCHANGE) for swapping a finished build into place.
        .target(name: "CRenameExchange"),
        // glibc's mallopt, for the commands that run once (see OneShotMemory).
        .target(name: "CMallocSettings"),

        // Plain values: entries, areas, editions, diagnostics, the route table. No I/O.
        .target(name: "BookmarkModel"),
        // The operating system as the other modules use it: folders walked with readdir, file
        // stamps, work spread over the cores, values kept per entry between builds.
        .target(name: "BookmarkSystem"),
        // Files → source texts: discovery, encoding, front matter fences, YAML nodes.
        .target(name: "BookmarkLoader", dependencies: ["BookmarkModel", "BookmarkSystem", "Yams"]),
        // Markdown bodies through libcmark-gfm, with the Japanese fixes.
        .target(name: "BookmarkMarkdown", dependencies: ["BookmarkModel", "CCmarkGFM"]),
        // YAML nodes → typed model + diagnostics; normalisation; every rule of the spec.
        .target(
            name: "BookmarkValidator",
            dependencies: ["BookmarkModel", "BookmarkSystem", "BookmarkLoader", "BookmarkMarkdown", "Yams"]
        ),
        // Staging folder, atomic swap, deterministic writes.
        .target(name: "BookmarkOutput", dependencies: ["BookmarkModel", "BookmarkSystem", "CRenameExchange"]),
        // The template engine: theme loading, templates compiled to byte steps, HTML escaping,
        // template values. The site and the booklet both render through it.
        .target(
            name: "BookmarkTemplates",
            dependencies: [
                "BookmarkOutput", "BookmarkSystem",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Model → site pages through the theme's Mustache templates, search data, exports.
        .target(
            name: "BookmarkSite",
            dependencies: ["BookmarkModel", "BookmarkSystem", "BookmarkOutput", "BookmarkTemplates"]
        ),
        // Editions → print HTML → PDF (WeasyPrint), QR codes.
        .target(
            name: "BookmarkBooklet",
            dependencies: ["BookmarkModel", "BookmarkSystem", "BookmarkTemplates", "BookmarkOutput", "CQRencode"]
        ),
        // The one build pipeline every command runs (load → check → theme → pages → write), and
        // what `bookmark serve` keeps between builds.
        .target(
            name: "BookmarkBuild",
            dependencies: [
                "BookmarkModel", "BookmarkSystem", "BookmarkLoader", "BookmarkValidator", "BookmarkOutput",
                "BookmarkTemplates", "BookmarkSite", "BookmarkBooklet",
            ]
        ),
        // Editors' spreadsheets: entries ⇄ sheet rows (.xlsx, .csv), import as line-level
        // edits of the front matter, the yearly re-confirmation requests.
        .target(
            name: "BookmarkSpreadsheet",
            dependencies: [
                "BookmarkModel", "BookmarkLoader", "BookmarkValidator", "BookmarkTemplates",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The command line: one small file per command.
        .executableTarget(
            name: "bookmark",
            dependencies: [
                "BookmarkModel", "BookmarkLoader", "BookmarkValidator", "BookmarkSite",
                "BookmarkBooklet", "BookmarkOutput", "BookmarkSystem", "BookmarkTemplates", "BookmarkBuild",
                "BookmarkSpreadsheet", "CMallocSettings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            // The template `bookmark new` writes, compiled into the binary so it works from any folder.
            resources: [.embedInCode("Resources/new-entry.md.mustache")]
        ),

        // The fuzz target: libFuzzer with -D FUZZING (scripts/fuzz.sh), else a corpus replayer.
        .executableTarget(
            name: "bookmark-fuzz",
            dependencies: ["BookmarkModel", "BookmarkLoader", "BookmarkValidator", "BookmarkSite"],
            path: "Sources/BookmarkFuzz"
        ),

        // `bookmark-bench`: synthetic guides of N entries, timed against Hugo (see README).
        .executableTarget(name: "bookmark-bench", path: "Sources/BookmarkBench"),

        // Helpers shared by the test targets: inline fixture guides, running the binary.
        .target(
            name: "BookmarkTesting",
            dependencies: ["BookmarkModel", "BookmarkLoader", "BookmarkValidator"],
            path: "Tests/BookmarkTesting"
        ),
        .testTarget(name: "BookmarkLoaderTests", dependencies: ["BookmarkLoader", "BookmarkTesting"]),
        .testTarget(name: "BookmarkMarkdownTests", dependencies: ["BookmarkMarkdown"]),
        .testTarget(name: "BookmarkSystemTests", dependencies: ["BookmarkSystem"]),
        .testTarget(name: "BookmarkBuildTests", dependencies: ["BookmarkBuild", "BookmarkTesting"]),
        .testTarget(
            name: "BookmarkValidatorTests",
            dependencies: [
                "BookmarkValidator", "BookmarkTesting",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "BookmarkOutputTests", dependencies: ["BookmarkOutput", "BookmarkTesting"]),
        .testTarget(name: "BookmarkSiteTests", dependencies: ["BookmarkSite", "BookmarkBooklet", "BookmarkTemplates", "BookmarkOutput", "BookmarkTesting"]),
        .testTarget(name: "BookmarkBookletTests", dependencies: ["BookmarkBooklet", "BookmarkTesting"]),
        .testTarget(name: "BookmarkSpreadsheetTests", dependencies: ["BookmarkSpreadsheet", "BookmarkTesting"]),
        .testTarget(name: "EndToEndTests", dependencies: ["BookmarkTesting", "bookmark", "Yams"]),
    ]
)
