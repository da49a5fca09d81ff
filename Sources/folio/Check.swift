import ArgumentParser
import Foundation
import FolioEngine
import FolioModel

/// `folio check`: what is wrong or risky in a report, without writing a PDF.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a report for errors and risks (and the layout's submission rules) without writing a PDF.",
        discussion: """
        Finds model and layout errors, characters no font covers, very loose or overfull lines, headings at a
        page end, links to anchors that do not exist, and for UN submissions the word limit (footnotes not
        counted by default), numbered paragraphs and the language. Exit code 1 when there are errors
        (with --strict, also warnings). --format json prints the diagnostics of docs/cli.md and each edition's
        pages and words.
        Examples:
          folio check Examples/dprk-upr4
          folio check Examples/dprk-upr4 --edition ko --format json
        """)

    /// What --format json prints besides the diagnostics: each edition's pages and words.
    struct Output: Encodable {
        var editions: [EditionFigures]
    }

    @Argument(help: "The report folder.")
    var report: String
    @Option(name: .long, help: "Edition to check (repeatable); all when omitted.")
    var edition: [String] = []
    @Option(name: .long, help: "Layout name or path (default: the report's).")
    var layout: String?
    @Option(name: .long, help: "Output format: text, or json (one object on standard output, see docs/cli.md).")
    var format: OutputFormat = .text
    @Flag(name: .long, help: "Exit with 1 on warnings too.")
    var strict = false

    func run() throws {
        // An edition the report lacks is a mistake on the command line, not a clean check.
        if !edition.isEmpty, let r = try? Report.load(directory: report) { _ = try Runner.select(edition, from: r) }
        let engine = try Runner.engine(format: format)
        let (findings, figures) = Checker(engine: engine).check(directory: report, editions: edition, layout: layout)
        let failed = findings.contains(where: { $0.severity == .error || (strict && $0.severity == .warning) })
        switch format {
        case .text:
            for f in findings { print(f.text) }
            for fig in figures { print("\(fig.edition): \(fig.pages) pages, \(fig.words) words") }
            let errors = findings.filter { $0.severity == .error }.count
            print("\(errors) error\(errors == 1 ? "" : "s"), \(findings.count - errors) warning\(findings.count - errors == 1 ? "" : "s")")
        case .json:
            Runner.emit(JSONResult(diagnostics: findings, exit: failed ? ExitStatus.input.rawValue : 0, body: Output(editions: figures)))
        }
        if failed { throw CommandFailure(.input) }
    }
}
