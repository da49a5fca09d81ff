// swift-tools-version:6.1
// Folio: a typesetting engine for multilingual human-rights reports.
// The targets follow the pipeline: model → inline layout → flow → display list → backends → package.
import PackageDescription

/// A system library found through pkg-config, with a Debian package to suggest when missing.
func system(_ name: String, pkg: String?, apt: String) -> Target {
    .systemLibrary(name: name, pkgConfig: pkg, providers: [.apt([apt])])
}

let package = Package(
    name: "Folio",
    platforms: [.macOS(.v15)],   // Synchronization.Mutex
    products: [
        .executable(name: "folio", targets: ["folio"]),
        .executable(name: "folio-bench", targets: ["folio-bench"]),
        .library(name: "FolioEngine", targets: ["FolioEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The preview page's HTTP server (`folio watch --serve`): no dependencies of its own, quick to build.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // C libraries, each behind its own module.
        system("CCairo", pkg: "cairo-ft", apt: "libcairo2-dev"),
        system("CHarfBuzz", pkg: "harfbuzz", apt: "libharfbuzz-dev"),
        system("CFreeType", pkg: "freetype2", apt: "libfreetype-dev"),
        system("CFontconfig", pkg: "fontconfig", apt: "libfontconfig-dev"),
        system("CCmarkGFM", pkg: nil, apt: "libcmark-gfm-extensions-dev"),
        system("CGLib", pkg: "glib-2.0", apt: "libglib2.0-dev"),
        system("CHyphen", pkg: nil, apt: "libhyphen-dev"),
        // The finished PDF's streams: libdeflate deflates in half the instructions zlib takes, to the same size.
        system("CDeflate", pkg: "libdeflate", apt: "libdeflate-dev"),
        .target(name: "CICU", linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]),
        // libqpdf (headers from libqpdf-dev) is opened when first needed: see Sources/CQPDF/include/folio_qpdf.h.
        .target(name: "CQPDF"),
        // librsvg likewise, when the first SVG is met: see Sources/CRsvg/include/folio_rsvg.h.
        .target(name: "CRsvg"),
        // JPEG headers, decoding for previews and encoding for `folio generate` through libjpeg-turbo's libjpeg API
        // (libjpeg62-turbo-dev; its errors are longjmps too): see Sources/CJPEG/include/folio_jpeg.h.
        .target(name: "CJPEG", linkerSettings: [.linkedLibrary("jpeg")]),

        // Folio's own layers. FolioSupport: threads, locks and once-made caches, for every layer above it.
        .target(name: "FolioSupport"),
        .target(name: "FolioUnicode", dependencies: ["CICU", "CHyphen", "FolioSupport"]),
        .target(name: "FolioFonts", dependencies: ["CHarfBuzz", "CFontconfig", "FolioUnicode", "FolioSupport"]),
        .target(name: "FolioModel", dependencies: ["CCmarkGFM", .product(name: "Yams", package: "Yams")]),
        .target(name: "FolioDisplay"),
        // libdeflate behind one wrapper: the PDF's streams and the PNGs Folio writes.
        .target(name: "FolioDeflate", dependencies: ["CDeflate", "FolioSupport"]),
        .target(name: "FolioImages", dependencies: ["FolioDisplay", "FolioSupport", "FolioDeflate", "CRsvg", "CJPEG"]),
        .target(name: "FolioChecksum", dependencies: ["CGLib"]),
        .target(name: "FolioLayout", dependencies: ["FolioModel", "FolioFonts", "FolioUnicode", "FolioDisplay", "FolioImages", "FolioSupport"]),
        .target(name: "FolioRender", dependencies: ["FolioDisplay", "FolioFonts", "FolioImages", "FolioDeflate", "CCairo", "CFreeType", "CQPDF", "CJPEG", "CRsvg", "FolioSupport", "FolioChecksum"]),
        .target(name: "FolioEngine", dependencies: ["FolioModel", "FolioLayout", "FolioRender", "FolioFonts", "FolioImages", "FolioSupport", "FolioChecksum", "FolioUnicode"]),
        // `folio watch`: inotify (through Glibc), the warm re-render loop and the preview page.
        .target(name: "FolioWatch", dependencies: [
            "FolioEngine", "FolioDisplay", "FolioRender", "FolioLayout", "FolioModel", "FolioSupport",
            .product(name: "FlyingFox", package: "FlyingFox"),
        ]),
        // Tools, not part of the FolioEngine library: the report generator and the benchmarks (`folio-bench`;
        // `folio generate` and `folio bench` run the same code).
        .target(name: "FolioGenerate", dependencies: ["FolioImages", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .target(name: "FolioBenchmarks", dependencies: [
            "FolioEngine", "FolioLayout", "FolioModel", "FolioRender", "FolioFonts", "FolioUnicode", "FolioDisplay", "FolioWatch",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "folio-bench", dependencies: [
            "FolioBenchmarks", "FolioGenerate", "FolioEngine", "FolioModel",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Sources/FolioBench"),
        .executableTarget(name: "folio", dependencies: [
            "FolioEngine", "FolioSupport", "FolioBenchmarks", "FolioGenerate", "FolioWatch",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "FolioTests", dependencies: [
            "folio", "FolioEngine", "FolioLayout", "FolioModel", "FolioFonts", "FolioUnicode", "FolioDisplay", "FolioRender",
            "FolioChecksum", "FolioSupport", "FolioGenerate", "FolioWatch", "FolioDeflate", "FolioImages",
        ]),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (libFuzzer) exist only when asked for, since they have no main of their own:
//   FOLIO_FUZZ=1 swift build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// (`make fuzz` builds and runs them; see docs/reliability.md.)
import class Foundation.ProcessInfo
if ProcessInfo.processInfo.environment["FOLIO_FUZZ"] != nil {
    package.targets.append(.target(name: "FuzzSupport", path: "Fuzz/Sources/FuzzSupport"))
    for (name, deps) in [("FuzzReport", ["FolioModel"]), ("FuzzMarkdown", ["FolioModel"]),
                         ("FuzzLineBreaker", ["FolioEngine", "FolioLayout", "FolioModel"]),
                         ("FuzzPipeline", ["FolioEngine", "FolioLayout", "FolioModel", "FolioRender"]),
                         ("FuzzImage", ["FolioImages"])] {
        package.targets.append(.executableTarget(name: name, dependencies: (deps + ["FuzzSupport"]).map { .target(name: $0) },
                                                 path: "Fuzz/Sources/\(name)"))
    }
}
