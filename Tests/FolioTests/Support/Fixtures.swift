import Foundation
import FolioEngine
import FolioFonts
import FolioLayout
import FolioModel

/// The folder `Fixtures.scratch` removes at exit (a C exit handler cannot capture it).
nonisolated(unsafe) private var scratchToRemove: String?

/// Paths and shared objects for the tests.
enum Fixtures {
    /// The repository root (this file is Tests/FolioTests/Support/Fixtures.swift).
    static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let sample = root + "/Examples/dprk-upr4"

    /// One engine for the whole run: fonts load once, as in a batch.
    static let engine: Engine = try! Engine(home: root)

    /// A fresh temporary folder, inside the run's own folder.
    static func temporaryFolder(_ name: String = "folio-test") -> String {
        let path = scratch + "/\(name)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// One folder per test process for every temporary folder, removed when the process exits, so that runs
    /// do not pile up folders in /tmp.
    static let scratch: String = {
        let path = NSTemporaryDirectory() + "folio-tests-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        scratchToRemove = path
        atexit { if let path = scratchToRemove { try? FileManager.default.removeItem(atPath: path) } }
        return path
    }()

    /// Writes a file, creating folders.
    static func write(_ text: String, to path: String) {
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Runs a program and returns its exit status and standard output and error.
    @discardableResult
    /// `folder` is the working folder (the test process's when nil); `unset` names variables taken out of the
    /// environment.
    static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil, in folder: String? = nil,
                    unset: [String] = []) -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
        p.arguments = program.hasPrefix("/") ? arguments : [program] + arguments
        if let folder { p.currentDirectoryURL = URL(fileURLWithPath: folder) }
        if environment != nil || !unset.isEmpty {
            p.environment = ProcessInfo.processInfo.environment.merging(environment ?? [:]) { $1 }.filter { !unset.contains($0.key) }
        }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try! p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// The folio executable built beside the tests.
    static var folio: String {
        let dir = Bundle.main.bundleURL.path
        for candidate in [dir + "/folio", root + "/.build/debug/folio"] where FileManager.default.fileExists(atPath: candidate) {
            return candidate
        }
        return root + "/.build/debug/folio"
    }

    /// A font selector and inline layout over the default manifest.
    static func inline(language: String, breaks: KoreanBreaks = .word) -> (InlineLayout, FontSelector) {
        let selector = FontSelector(manifest: engine.manifest, library: engine.fonts, language: language)
        return (InlineLayout(selector: selector, cache: engine.cache, configuration: ComposerConfiguration(koreanBreaks: breaks)), selector)
    }

    /// English text set justified in `font` by the base layout's composer (Knuth–Plass, hyphenation on).
    static func composed(_ s: String, width: Double, font: TextStyle, lineHeight: Double = 14) throws -> InlineLayout.Result {
        let (_, selector) = inline(language: "en")
        let layout = try engine.layouts.load("base", language: "en")
        let inline = InlineLayout(selector: selector, cache: engine.cache, configuration: ComposerConfiguration(layout))
        var text = StyledText()
        text.append(s, SpanStyle(font: font))
        return try inline.layout(text, ParagraphSpec(width: width, align: .justify, lineHeight: lineHeight, baseStyle: SpanStyle(font: font)))
    }
}
