import ArgumentParser
import Foundation
import FolioEngine
import FolioModel
import FolioUnicode

/// `folio fonts`: which font file (and face index) serves each script and style, with coverage.
struct Fonts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fonts",
        abstract: "Show which font file serves each script and style, and its coverage of a report's text.",
        discussion: """
        Without a report, the manifest is resolved for Latin and Hangul and no coverage is given (there is no
        text to cover).
        Examples:
          folio fonts                                  the manifest resolved for Latin and Hangul
          folio fonts Examples/dprk-upr4 --edition ko  coverage of the Korean edition's characters
          folio fonts --language ja --language zh-Hans the faces for Japanese and Chinese text
          folio fonts --language all                   every supported language (see docs/languages.md)
        """)

    @Argument(help: "A report folder (optional).")
    var report: String?
    @Option(name: .long, help: "Edition code (all when omitted).")
    var edition: [String] = []
    @Option(name: .long, help: "Without a report: a language to resolve the manifest for (its script's sample text), or all.")
    var language: [String] = []
    @Option(name: .long, help: "Output format: text, or json (one object on standard output, see docs/cli.md).")
    var format: OutputFormat = .text

    /// One role, style and script of one edition (or of the defaults), as --format json prints it.
    struct Row: Encodable {
        var edition: String?
        var role, style, script, family, file: String
        var index: Int
        /// Characters of the edition's text the face chain draws, and the code points it lacks; null without a report.
        var covered: Int?
        var missing: [String]?
    }

    struct Output: Encodable {
        var manifest: String
        var fonts: [Row]
    }

    func run() throws {
        let engine = try Runner.engine(format: format)
        var rows: [Row] = []
        do {
            if let report {
                let r = try Runner.loadReport(report, format: format)
                for e in try Runner.select(edition, from: r) {
                    let path = try FileSystem.local.resolveInside(r.directory, e.content, field: "content", at: nil)
                    let text = try FileSystem.local.readText(path, what: "content") + e.title + (e.subtitle ?? "")
                    rows += Self.rows(try FontReport.make(engine: engine, language: e.lang, text: text), edition: "\(r.id) \(e.code)", coverage: true)
                }
            } else if language.isEmpty {
                rows = Self.rows(try FontReport.make(engine: engine, language: "en", text: "Aa 가"), edition: nil, coverage: false)
            } else {
                let codes = language.contains("all") ? LanguageSupport.all.map(\.code) : language
                for code in codes {
                    let sample = LanguageSupport.of(code)?.sample ?? "Aa"
                    rows += Self.rows(try FontReport.make(engine: engine, language: code, text: sample), edition: code, coverage: true)
                }
            }
        } catch let failure as CommandFailure { throw failure } catch let usage as UsageError { throw usage } catch {
            throw Runner.fail(error, format: format)
        }
        switch format {
        case .json: Runner.emit(JSONResult(diagnostics: [], exit: 0, body: Output(manifest: engine.manifest.file, fonts: rows)))
        case .text:
            print("manifest: \(engine.manifest.file)")
            var title: String?? = .none
            for row in rows {
                if title != .some(row.edition) {
                    title = .some(row.edition)
                    print("\n\(row.edition ?? "default (Latin, Hangul)")")
                    print("role   style              script  family                 face (file#index)                                          coverage")
                }
                Self.printRow(row)
            }
        }
    }

    static func rows(_ report: FontReport, edition: String?, coverage: Bool) -> [Row] {
        report.rows.map { r in
            Row(edition: edition, role: r.role, style: r.style, script: r.script, family: r.family, file: r.file, index: r.index,
                covered: coverage ? r.covered : nil,
                missing: coverage ? r.missing.map { "U+" + String($0.value, radix: 16, uppercase: true) } : nil)
        }
    }

    static func printRow(_ row: Row) {
        var cov = row.covered.map { "\($0) chars" } ?? "-"
        if let missing = row.missing, !missing.isEmpty { cov += ", missing " + missing.prefix(8).joined(separator: " ") }
        let face = "\(row.file)#\(row.index)"
        print([row.role.padding(toLength: 6, withPad: " ", startingAt: 0), row.style.padding(toLength: 18, withPad: " ", startingAt: 0),
                     row.script.padding(toLength: 7, withPad: " ", startingAt: 0), row.family.padding(toLength: 22, withPad: " ", startingAt: 0),
                     face.padding(toLength: 58, withPad: " ", startingAt: 0), cov].joined(separator: " "))
    }
}
