import ArgumentParser
import FolioEngine
import FolioModel

/// `folio generate`: a large synthetic report for benchmarks.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a large synthetic report (for benchmarks): paragraphs drawn from a source text, with headings, footnotes, lists, quotes and tables.",
        discussion: "Example: folio generate /tmp/big-en --pages 300 --language en --source Examples/dprk-upr4/content/en.md")

    @Argument(help: "The report folder to write.")
    var folder: String
    @Option(name: .long, help: "Approximate number of pages.")
    var pages = 300
    @Option(name: .long, help: "Edition language (en or ko).")
    var language = "en"
    @Option(name: .long, help: "Markdown file whose sentences are drawn from.")
    var source: String

    func validate() throws {
        guard (1...100_000).contains(pages) else { throw ValidationError("--pages must be between 1 and 100000") }
    }

    func run() throws {
        let text: String
        do { text = try String(contentsOfFile: source, encoding: .utf8) } catch {
            throw FolioError("cannot read --source \(source) as UTF-8 text", hint: "give a Markdown file, such as Examples/dprk-upr4/content/en.md")
        }
        try ReportGenerator(language: language).write(folder: folder, pages: pages, source: text)
        print("wrote \(folder)")
    }
}
