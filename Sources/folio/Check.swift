import ArgumentParser
import Foundation
import FolioEngine

/// `folio check`: what is wrong or risky in a report, without writing a PDF.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a report for errors and risks (and the layout's submission rules) without writing a PDF.",
        discussion: """
        Finds model and layout errors, characters no font covers, very loose or overfull lines, headings at a
        page end, links to anchors that do not exist, and for UN submissions the word limit (footnotes not
        counted by default), numbered paragraphs and the language. Exit code 1 when there are errors
        (with --strict, also warnings).
        Examples:
          folio check Examples/dprk-upr4
          folio check Examples/dprk-upr4 --edition ko --format json
        """)

    enum Format: String, ExpressibleByArgument { case text, json }

    /// What --format json prints: the findings (`kind` is a stable code), then each edition's pages and words.
    struct Output: Encodable {
        var findings: [Finding]
        var editions: [EditionFigures]
    }

    @Argument(help: "The report folder.")
    var report: String
    @Option(name: .long, help: "Edition to check (repeatable); all when omitted.")
    var edition: [String] = []
    @Option(name: .long, help: "Layout name or path (default: the report's).")
    var layout: String?
    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text
    @Flag(name: .long, help: "Exit with 1 on warnings too.")
    var strict = false

    func run() throws {
        let engine = try Runner.engine()
        let (findings, figures) = Checker(engine: engine).check(directory: report, editions: edition, layout: layout)
        switch format {
        case .text:
            for f in findings { print(f.text) }
            for fig in figures { print("\(fig.edition): \(fig.pages) pages, \(fig.words) words") }
            let errors = findings.filter { $0.severity == .error }.count
            print("\(errors) error\(errors == 1 ? "" : "s"), \(findings.count - errors) warning\(findings.count - errors == 1 ? "" : "s")")
        case .json:
            FileHandle.standardOutput.write(Data(try JSONOutput.encode(Output(findings: findings, editions: figures), pretty: false)))
        }
        if findings.contains(where: { $0.severity == .error || (strict && $0.severity == .warning) }) { throw ExitCode(1) }
    }
}
