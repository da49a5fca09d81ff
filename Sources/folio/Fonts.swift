import ArgumentParser
import Foundation
import FolioEngine
import FolioModel

/// `folio fonts`: which font file (and face index) serves each script and style, with coverage.
struct Fonts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fonts",
        abstract: "Show which font file serves each script and style, and its coverage of a report's text.",
        discussion: """
        Examples:
          folio fonts                                  the manifest resolved for Latin and Hangul
          folio fonts Examples/dprk-upr4 --edition ko  coverage of the Korean edition's characters
        """)

    @Argument(help: "A report folder (optional).")
    var report: String?
    @Option(name: .long, help: "Edition code (all when omitted).")
    var edition: [String] = []

    func run() throws {
        let engine = try Runner.engine()
        print("manifest: \(engine.manifest.file)")
        guard let report else {
            try show(try FontReport.make(engine: engine, language: "en", text: "Aa 가"), title: "default (Latin, Hangul)")
            return
        }
        let r = try Runner.loadReport(report)
        for e in try Runner.select(edition, from: r) {
            let path = try FileSystem.local.resolveInside(r.directory, e.content, field: "content", at: nil)
            let text = try FileSystem.local.readText(path, what: "content") + e.title + (e.subtitle ?? "")
            try show(try FontReport.make(engine: engine, language: e.lang, text: text), title: "\(r.id) \(e.code)")
        }
    }

    private func show(_ report: FontReport, title: String) throws {
        print("\n\(title)")
        print("role   style              script  family                 face (file#index)                                          coverage")
        for row in report.rows {
            let cov = row.missing.isEmpty ? "\(row.covered) chars" :
                "\(row.covered) chars, missing \(row.missing.prefix(8).map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " "))"
            let face = "\(row.file)#\(row.index)"
            print([row.role.padding(toLength: 6, withPad: " ", startingAt: 0), row.style.padding(toLength: 18, withPad: " ", startingAt: 0),
                   row.script.padding(toLength: 7, withPad: " ", startingAt: 0), row.family.padding(toLength: 22, withPad: " ", startingAt: 0),
                   face.padding(toLength: 58, withPad: " ", startingAt: 0), cov].joined(separator: " "))
        }
    }
}
